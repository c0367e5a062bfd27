/**
 * The pdf edition format: a print book per work (`dist/<work>.pdf`),
 * bilingual works on facing pages (laid out by `facing/`) or in two aligned
 * columns, one-language works in one column (both laid out with Paged.js),
 * in Debian Chromium.
 */
import {writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  largestFirst,
  works,
  type DiglotMessage,
  type EditionFormat,
  type EditionOptions,
  type Root
} from '@diglot/core'
import {readTemplate} from '@diglot/core/fs'
import {pdfMessage} from './rules.js'
import type {Browser} from 'puppeteer'
import {renderFacing} from './node/facing.js'
import {covered, fontFaces, fontPackages} from './node/fonts.js'
import {printDocument, type PrintDocument} from './document/print-document.js'
import type {PageReport} from './page/api.js'
import {launchBrowser, openGuardedPage} from './node/browser.js'
import {renderPdf} from './node/paged.js'
import {startServer, type PageServer} from './node/server.js'
import {setMetadata} from './node/metadata.js'
import {correctFontNames} from './node/font-names.js'
import {renumberStructureIds} from './node/structure-ids.js'
import {markArtifacts} from './node/artifacts.js'

/** Fill the print template. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The templates and styles this package ships (`packages/pdf/templates/`); a templates folder's `pdf/` overrides them. */
const shippedTemplates = fileURLToPath(new URL('../templates/', import.meta.url))

/** Build the HTML page of a work for Chromium: the template filled, the style sheet of its layout inlined; `templatesDir` overrides the shipped templates. */
export async function printHtml(
  document: PrintDocument,
  templatesDir: string | undefined,
  fontsCss: string
): Promise<string> {
  const paged = document.layout === 'columns'
  const sheet = paged ? 'print.css' : 'facing.css'
  const read = async (name: string): Promise<string> =>
    (await readTemplate(name, {format: 'pdf', shipped: shippedTemplates, templatesDir})).toString(
      'utf8'
    )
  const [template, css] = await Promise.all([read('template.html'), read(sheet)])
  const page = !paged
    ? `@page { size: ${document.trim.join(' ')}; margin: 0; }\n:root { --trim-width: ${document.trim[0]}; --trim-height: ${document.trim[1]}; }`
    : `@page { size: ${document.pageSize}; }`
  return fillTemplate(template, {
    lang: document.lang,
    title: escapeHtml(document.title),
    author: escapeHtml(document.author),
    fonts: fontsCss,
    page,
    css,
    bodyClass:
      document.layout === 'facing'
        ? 'facing-book'
        : document.layout === 'single'
          ? 'single-book'
          : 'bilingual',
    body: document.body
  })
}

/** Characters of `text` that no font of the edition covers. */
export function missingGlyphs(
  text: string,
  coverage: Map<string, Array<[number, number]>>
): string[] {
  const ranges = [...coverage.values()].flat()
  const missing = new Set<string>()
  // (Each distinct character once: the text has hundreds of thousands, the ranges thousands.)
  for (const char of new Set(text)) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || char === '\u00AD' || /\s/.test(char)) continue
    if (!covered(ranges, code)) missing.add(char)
  }
  return [...missing]
}

/** The checks of one work's PDF, as messages. */
function checkMessages(file: string, report: PageReport, missing: string[]): DiglotMessage[] {
  const messages: DiglotMessage[] = []
  for (const overflow of report.overflows) {
    messages.push(
      pdfMessage(
        file,
        'pdf-overflow',
        `a line overflows its column by ${overflow.excess}px on page ${overflow.folio}: “${overflow.text}”; allow a break (e.g. in a long URL or word) or shorten it`
      )
    )
  }
  for (const char of missing) {
    messages.push(
      pdfMessage(
        file,
        'pdf-missing-glyph',
        `no font of the edition has a glyph for “${char}” (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}); use another character or add a font that covers it`
      )
    )
  }
  for (const misplaced of report.misplacedNotes) {
    messages.push(
      pdfMessage(
        file,
        'pdf-note-page',
        `note ${misplaced.note} is set on page ${misplaced.notePage} but called on page ${misplaced.callPage}; rewording or moving the call may help`
      )
    )
  }
  for (const text of report.lostText) {
    messages.push(
      pdfMessage(
        file,
        'pdf-text-lost',
        `pagination lost text of the paragraph “${text}” (a Paged.js bug with notes at a page break); rewording or moving a note near the break may help`
      )
    )
  }
  for (const face of report.fontErrors)
    messages.push(pdfMessage(file, 'pdf-font-error', `the font ${face} failed to load`))
  return messages
}

/** Write the metadata of a work's PDF (dates from `SOURCE_DATE_EPOCH`). */
async function finishWorkPdf(
  pdf: Uint8Array,
  document: PrintDocument,
  report: PageReport,
  sourceDateEpoch: number
): Promise<Uint8Array> {
  return setMetadata(await markArtifacts(correctFontNames(renumberStructureIds(pdf))), {
    title: document.title,
    author: document.author,
    subject: document.subject,
    keywords: document.keywords,
    lang: document.lang,
    sourceDateEpoch,
    bookmarks: report.headings,
    arabicFrom: report.arabicFrom
  })
}

/** The browser kept between builds (`keepBrowserWarm`), or undefined: each build launches and closes its own. */
let warm: {launching: Promise<Browser>} | undefined

/**
 * Keep one Chromium for every PDF build of this process (`diglot build
 * --watch`): a rebuild skips Chromium's start. A browser that went away is
 * launched again at the next build. Returns what closes it.
 */
export function keepBrowserWarm(chromiumPath?: string): () => Promise<void> {
  warm ??= {launching: launchBrowser(chromiumPath)}
  warm.launching.catch(() => {})
  return async () => {
    const kept = warm
    warm = undefined
    await kept?.launching.then((browser) => browser.close()).catch(() => {})
  }
}

/**
 * The kept browser (launched again if it went away), or a new one for this
 * build alone. Not awaited here: the book is composed while it starts.
 */
async function browserFor(
  chromiumPath: string | undefined
): Promise<{launching: Promise<Browser>; kept: boolean}> {
  const kept = warm
  if (!kept) return {launching: launchBrowser(chromiumPath), kept: false}
  const launching = kept.launching
    .then((browser) => (browser.connected ? browser : Promise.reject(new Error('disconnected'))))
    .catch(() => {
      kept.launching = launchBrowser(chromiumPath)
      return kept.launching
    })
  return {launching, kept: true}
}

/** Build options of `buildPdfEdition`: those every edition gets, and the Chromium to print with. */
export interface PdfBuildOptions extends EditionOptions {
  /** Path of the Chromium executable (default: `PUPPETEER_EXECUTABLE_PATH`, else Debian's `/usr/bin/chromium`). */
  chromiumPath?: string | undefined
}

/**
 * Build the PDF of every work, `concurrency` works at once (a browser page
 * each, one Chromium); the files do not depend on the concurrency.
 */
export async function buildPdfEdition(
  tree: Root,
  options: PdfBuildOptions,
  concurrency = availableParallelism()
): Promise<{files: string[]; messages: DiglotMessage[]}> {
  // Chromium starts first, while the fonts are read and the first work is composed.
  const {launching, kept} = await browserFor(options.chromiumPath)
  launching.catch(() => {})
  const packages = fontPackages()
  let server: PageServer | undefined
  const list = works(tree)
  const results: Array<{file: string; messages: DiglotMessage[]}> = []
  try {
    const faces = await fontFaces(packages)
    server = await startServer(packages)
    const running = server
    // The longest work first: it finishes last, whatever else runs beside it.
    const order = largestFirst(list)
    let next = 0
    // Books are composed one at a time, each once the one before is in Chromium's hands:
    // composing the next first would keep Chromium waiting for the longest.
    let composed: Promise<void> = Promise.resolve()
    const worker = async (): Promise<void> => {
      for (let at = next++; at < order.length; at = next++) {
        const index = order[at] as number
        const work = list[index]
        if (!work) continue
        // The page is opened while the book is composed here.
        const opening = launching.then((browser) => openGuardedPage(browser, running.url))
        opening.catch(() => {})
        const turn = composed
        let handedOver: () => void = () => {}
        composed = new Promise((resolve) => {
          handedOver = resolve
        })
        const step = (name: string): void => {
          if (name !== 'composing') handedOver()
          options.progress(work.id, name)
        }
        await turn
        step('composing')
        let document: PrintDocument
        let html: string
        try {
          document = printDocument(tree, work)
          html = await printHtml(document, options.templatesDir, faces.css)
        } catch (error) {
          handedOver()
          void opening.then(({page}) => page.close()).catch(() => {})
          throw error
        }
        // (Handed over at the step after `composing`, or here if the page fails before it.)
        const rendering = opening.then((page) =>
          document.layout !== 'columns'
            ? renderFacing({
                page,
                server: running,
                name: work.id,
                html,
                finish: {
                  versoHead: document.versoHead,
                  rectoHead: document.layout === 'facing' ? document.rectoHead : ''
                },
                step
              })
            : renderPdf({
                page,
                server: running,
                name: work.id,
                html,
                finish: {versoHead: document.versoHead},
                step
              })
        )
        const {pdf, report, blocked} = await rendering.finally(handedOver)
        step('metadata')
        const name = `${work.id}.pdf`
        await writeFile(
          path.join(options.outDir, name),
          await finishWorkPdf(pdf, document, report, options.sourceDateEpoch)
        )
        const blockedMessages = blocked.map((url) =>
          pdfMessage(
            name,
            'pdf-request-blocked',
            `the page asked for ${url.length > 80 ? `${url.slice(0, 77)}…` : url}, which was blocked: the PDF step loads nothing but the build's own files; remove it from the templates`
          )
        )
        results[index] = {
          file: name,
          messages: [
            ...checkMessages(name, report, missingGlyphs(document.text, faces.coverage)),
            ...blockedMessages
          ]
        }
      }
    }
    await Promise.all(Array.from({length: Math.max(1, Math.min(concurrency, list.length))}, worker))
  } finally {
    await Promise.all([
      kept ? undefined : launching.then((browser) => browser.close()).catch(() => {}),
      server?.close()
    ])
  }
  return {
    files: results.map((result) => result.file),
    messages: results.flatMap((result) => result.messages)
  }
}

/** Builds the pdf edition of every work, the works in parallel. */
export const pdfEdition: EditionFormat = {
  name: 'pdf',
  build: (tree, options) => buildPdfEdition(tree, options)
}
