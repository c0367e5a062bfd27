/**
 * Paginate a print document with Paged.js 0.4.3 in Debian Chromium and print
 * it to PDF. The page is served on 127.0.0.1 (linked resources fail under
 * `file://`); fonts come from `@fontsource` through the same server.
 * After pagination, `finishPages` (run in the page) writes folios, running
 * heads, TOC and index page numbers, since Paged.js's page counter is
 * wrong on Chromium ≥ 131 (DESIGN §5), and measures what the checks need.
 */
import {createServer, type Server} from 'node:http'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import puppeteer, {type Browser} from 'puppeteer'
import type {FontPackage} from './fonts.js'

const require = createRequire(import.meta.url)

/** Chromium flags for headless printing here. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--font-render-hinting=none']

/** Launch Debian Chromium (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
    protocolTimeout: 600_000
  })
}

/** A local server for the page, the fonts and Paged.js. */
export interface PageServer {
  url: string
  /** Set the HTML served at `/`. */
  setPage(html: string): void
  close(): Promise<void>
}

/** Serve pages, fonts and Paged.js on 127.0.0.1. */
export async function startServer(fonts: FontPackage[]): Promise<PageServer> {
  let page = ''
  // `require.resolve('pagedjs')` gives lib/index.cjs; the polyfill is in dist/.
  const pagedPath = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'})
      response.end(body)
    }
    void (async () => {
      try {
        if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html; charset=utf-8', page)
        if (url.pathname === '/paged.polyfill.js') return send(200, 'text/javascript', await readFile(pagedPath))
        const match = /^\/fonts\/([a-z-]+)\/([\w.-]+\.woff2)$/.exec(url.pathname)
        const pkg = match ? fonts.find((font) => font.name === match[1]) : undefined
        if (match && pkg && match[2]) return send(200, 'font/woff2', await readFile(path.join(pkg.dir, 'files', match[2])))
        send(404, 'text/plain', 'not found')
      } catch (error) {
        send(500, 'text/plain', String(error))
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage(html) {
      page = html
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** What the page reports after pagination. */
export interface PageReport {
  pageCount: number
  /** Folio of every page (empty when not printed… kept for tests: the logical folio). */
  folios: string[]
  /** Folio of each TOC target (heading alignment id or back-matter section id). */
  toc: Record<string, string>
  /** Lines wider than their column. */
  overflows: Array<{folio: string; text: string; excess: number}>
  /** Font faces that failed to load. */
  fontErrors: string[]
  /** Paragraphs whose text pagination lost (their text, shortened). */
  lostText: string[]
  /** Notes set on another page than their call. */
  misplacedNotes: Array<{note: string; notePage: string; callPage: string}>
  /** Names of the headings in document order (for the bookmarks). */
  headings: string[]
}

/** Data the in-page finishing step needs. */
export interface FinishData {
  versoHead: string
}

/**
 * Runs in the page after Paged.js: folios (roman for front matter, arabic
 * from the first page of the text), running heads (work title on versos,
 * section title on rectos), page numbers of the contents and the indexes,
 * footnote ids and side labels, and the measurements for the checks.
 */
export function finishPages(data: FinishData): PageReport {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')]
  const roman = (value: number): string => {
    const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
    let rest = value
    let result = ''
    for (const [amount, letters] of table) while (rest >= amount) {
      result += letters
      rest -= amount
    }
    return result
  }
  const matterOf = (page: HTMLElement): string | undefined => page.querySelector<HTMLElement>('.pagedjs_page_content [data-matter]')?.dataset['matter']
  const matters = pages.map(matterOf)
  // A blank page belongs to what comes before it.
  for (let index = 0; index < matters.length; index++) if (!matters[index]) matters[index] = index > 0 ? matters[index - 1] : 'cover'
  const firstBody = matters.findIndex((matter) => matter === 'body')
  const folios = pages.map((_, index) => (firstBody >= 0 && index >= firstBody ? String(index - firstBody + 1) : roman(index + 1)))

  let currentHead = ''
  pages.forEach((page, index) => {
    const blank = page.classList.contains('pagedjs_blank_page')
    const matter = matters[index]
    const content = page.querySelector('.pagedjs_page_content')
    const heads = [...(content?.querySelectorAll<HTMLElement>('[data-running-head]:not([data-split-from])') ?? [])]
    const opening = heads.find((head) => head.dataset['depth'] === '1' || head.dataset['matter'] === 'back' || head.classList.contains('back'))
    const first = heads[0]
    if (first) currentHead = first.dataset['runningHead'] ?? currentHead
    const startsMatter = content?.querySelector('[data-matter]:not([data-split-from])') !== null && matter !== 'body'
    const showFolio = !blank && matter !== 'cover'
    let head = ''
    if (!blank && (matter === 'body' || matter === 'back') && !opening && !startsMatter) {
      head = page.classList.contains('pagedjs_left_page') ? data.versoHead : currentHead
    }
    if (!blank && matter === 'front' && !startsMatter) head = 'Contents'
    page.style.setProperty('--folio', JSON.stringify(showFolio ? folios[index] : ''))
    page.style.setProperty('--running-head', JSON.stringify(head))
    page.dataset['folio'] = folios[index] ?? ''

    // Notes: restore their ids; mark pages that hold notes of both languages.
    const notes = [...page.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote')]
    for (const note of notes) if (note.dataset['noteId'] && !note.dataset['splitFrom']) note.id = note.dataset['noteId']
    const langs = new Set(notes.map((note) => note.getAttribute('lang')))
    if (langs.size > 1) page.classList.add('notes-both')
  })

  const folioOf = (element: Element | null): string => {
    const page = element?.closest<HTMLElement>('.pagedjs_page')
    return page?.dataset['folio'] ?? '?'
  }
  const toc: Record<string, string> = {}
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const target = slot.dataset['target'] ?? ''
    const folio = folioOf(document.getElementById(target))
    toc[target] = folio
    slot.textContent = folio
  }
  for (const slot of document.querySelectorAll<HTMLElement>('.pages[data-entry]')) {
    const entry = slot.dataset['entry'] ?? ''
    const seen: string[] = []
    for (const reference of document.querySelectorAll(`.text a.term[data-entry="${CSS.escape(entry)}"], .pagedjs_footnote_area a.term[data-entry="${CSS.escape(entry)}"]`)) {
      const folio = folioOf(reference)
      if (!seen.includes(folio)) seen.push(folio)
    }
    slot.textContent = seen.join(', ')
  }

  // Checks: anything wider than its column.
  const overflows: PageReport['overflows'] = []
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page_content p, .pagedjs_page_content li, .pagedjs_page_content h1, .pagedjs_page_content h2, .pagedjs_page_content h3, .pagedjs_page_content h4, .pagedjs_page_content h5, .pagedjs_page_content h6, .pagedjs_page_content td, .pagedjs_page_content .segment, .pagedjs_footnote_area .footnote')) {
    const excess = element.scrollWidth - element.clientWidth
    if (excess > 1 && element.clientWidth > 0) {
      overflows.push({folio: folioOf(element), text: (element.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60), excess})
    }
  }
  const fontErrors: string[] = []
  document.fonts.forEach((face) => {
    if (face.status === 'error') fontErrors.push(`${face.family} ${face.weight} ${face.style}`)
  })
  const misplacedNotes: PageReport['misplacedNotes'] = []
  for (const note of document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote[data-note-id]:not([data-split-from])')) {
    const id = note.dataset['noteId'] ?? ''
    const call = document.querySelector(`.pagedjs_page_content a.noteref[href="#${CSS.escape(id)}"]`)
    if (call && folioOf(call) !== folioOf(note)) misplacedNotes.push({note: id, notePage: folioOf(note), callPage: folioOf(call)})
  }
  const headings = [...document.querySelectorAll<HTMLElement>('.pagedjs_page_content :is(h1, h2, h3, h4, h5, h6)')]
    .filter((heading) => !heading.dataset['splitFrom'])
    .map((heading) => heading.getAttribute('aria-label') ?? (heading.textContent ?? '').replace(/\s+/g, ' ').trim())
  return {pageCount: pages.length, folios, toc, overflows, fontErrors, lostText: [], misplacedNotes, headings}
}

/** Options of `renderPdf`. */
export interface RenderOptions {
  browser: Browser
  server: PageServer
  html: string
  finish: FinishData
  /** Called with each step. */
  step?: (name: string) => void
}

/** Paginate `html` with Paged.js and print it. */
export async function renderPdf(options: RenderOptions): Promise<{pdf: Uint8Array; report: PageReport}> {
  const {browser, server} = options
  server.setPage(options.html)
  const page = await browser.newPage()
  try {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    if (process.env['DIGLOT_PDF_DEBUG']) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('requestfailed', (request) => console.error(`[page] request failed: ${request.url()}`))
    }
    // Paged.js 0.4.3 may hide the lines after a note call at a page break
    // (they overflow into a column right of the page; cf. pagedjs/pagedjs#130).
    // Every paragraph's text is compared before and after pagination and its
    // lines are checked to lie on the page; a paragraph that lost text starts
    // on a new page (then is also set ragged-right) and the document is paginated again.
    const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'])
    const ragged: number[] = []
    const fresh: number[] = []
    let lost: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) {
      options.step?.(attempt === 0 ? 'paginating' : `paginating again (text lost in ${lost.length} paragraph(s))`)
      await page.goto(server.url, {waitUntil: 'load'})
      // Lay out the plain document first so that every font face it needs is loaded.
      await page.evaluate(async (raggedIds: number[], freshIds: number[]) => {
        const w = window as unknown as Record<string, unknown>
        const expected: string[] = []
        const squash = (element: Element): string => {
          const clone = element.cloneNode(true) as Element
          for (const note of clone.querySelectorAll('.footnote')) note.remove()
          return (clone.textContent ?? '').replace(/[\s\u00AD]+/g, '')
        }
        document.querySelectorAll('main.text p').forEach((element, index) => {
          element.setAttribute('data-check', String(index))
          expected.push(squash(element))
          if (raggedIds.includes(index)) element.classList.add('p-ragged')
          if (freshIds.includes(index)) element.closest('.alignment')?.classList.add('alignment-fresh-page')
        })
        w['__diglotExpected'] = expected
        void document.body.offsetHeight
        await document.fonts.ready
        w['PagedConfig'] = {auto: false}
      }, ragged, fresh)
      await page.addScriptTag({url: '/paged.polyfill.js'})
      await page.evaluate(async (debugPages: boolean) => {
        const paged = (window as unknown as {Paged: {Previewer: new () => {on: (event: string, listener: (page: {position: number}) => void) => void; preview: () => Promise<unknown>}}}).Paged
        const previewer = new paged.Previewer()
        if (debugPages) previewer.on('page', (page) => console.log(`page ${page.position + 1}`))
        await previewer.preview()
      }, debug)
      if (debug) await page.evaluate(() => {
        ;(window as unknown as Record<string, unknown>)['__diglotDebug'] = true
      })
      lost = await page.evaluate(() => {
        const expected = (window as unknown as Record<string, unknown>)['__diglotExpected'] as string[]
        const found = expected.map(() => '')
        for (const fragment of document.querySelectorAll('.pagedjs_page_content p[data-check]')) {
          const clone = fragment.cloneNode(true) as Element
          for (const note of clone.querySelectorAll('.footnote, [data-footnote-call]')) note.remove()
          const index = Number(fragment.getAttribute('data-check'))
          // (Paged.js writes a non-breaking hyphen where it splits a word at a soft hyphen.)
          found[index] += (clone.textContent ?? '').replace(/[\s\u00AD\u2011]+/g, '')
        }
        // Text that is there but hidden: lines below the top of the page's footnotes
        // (Paged.js may add a note after the lines above its call were laid out).
        const clipped = new Set<number>()
        for (const page of document.querySelectorAll('.pagedjs_page')) {
          const content = page.querySelector('.pagedjs_page_content')
          const notes = page.querySelector('.pagedjs_footnote_area')
          if (!content) continue
          const hasNotes = notes && notes.querySelector('.footnote') !== null
          const box = content.getBoundingClientRect()
          const limit = Math.min(box.bottom, hasNotes && notes ? notes.getBoundingClientRect().top : Infinity)
          for (const paragraph of content.querySelectorAll('p[data-check]')) {
            const range = document.createRange()
            range.selectNodeContents(paragraph)
            for (const rect of range.getClientRects()) {
              // Paged.js lays a page out in CSS columns: overflow goes to a column right of the page.
              if (rect.height > 0 && (rect.bottom > limit + 1 || rect.left > box.right + 1)) {
                clipped.add(Number(paragraph.getAttribute('data-check')))
                break
              }
            }
          }
        }
        if ((window as unknown as Record<string, unknown>)['__diglotDebug'] !== undefined) {
          expected.forEach((text, index) => {
            if (found[index] !== text) {
              let at = 0
              while (at < text.length && text[at] === found[index]![at]) at++
              console.log(`lost ${index}: …${text.slice(Math.max(0, at - 30), at)}[${text.slice(at, at + 50)}] found [${found[index]!.slice(at, at + 50)}] ${text.length} ${found[index]!.length}`)
            }
          })
        }
        return expected.flatMap((text, index) => (found[index] === text && !clipped.has(index) ? [] : [index]))
      })
      // First start the paragraph on a new page; if that is not enough, also set it ragged-right.
      if (lost.length === 0 || lost.every((index) => ragged.includes(index))) break
      for (const index of lost) {
        if (!fresh.includes(index)) fresh.push(index)
        else if (!ragged.includes(index)) ragged.push(index)
      }
    }
    const report = await page.evaluate(finishPages, options.finish)
    report.lostText = await page.evaluate((indices: number[]) => indices.map((index) => (document.querySelector(`[data-check="${index}"]`)?.textContent ?? `paragraph ${index}`).replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60)), lost)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    options.step?.('printing')
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000})
    return {pdf, report}
  } finally {
    await page.close()
  }
}
