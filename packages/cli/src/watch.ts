/**
 * `diglot build --watch` and `diglot preview`: build once, then stay up and
 * rebuild what changed whenever a source or template file is written.
 *
 * Parsed works stay in memory (`ReadCache`): a save parses again only the work
 * whose files changed (or every work, when the glossary changed). Then each
 * format is rebuilt if its input changed: the EPUB and the PDF per work (a
 * book holds one work); for the HTML, the changed work's page first, then the
 * pages that list every work (glossary and index of names, the list of works),
 * and the whole edition when a template, the glossary, the set of works or
 * the fonts a page needs changed. Each rebuild prints one line with its time.
 * A source error is printed and the last good output stays; the next good save
 * rebuilds.
 */
import type {FontFace} from '@diglot/html'
import {
  formatMessage,
  glossaryOf,
  hasErrors,
  rememberSetBlocks,
  works as worksOf,
  type Root,
  type Work
} from '@diglot/core'
import {readContent, ReadCache} from '@diglot/core/fs'
import {watch as watchFiles, type FSWatcher} from 'node:fs'
import {readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import v8 from 'node:v8'
import {runInNewContext} from 'node:vm'
import {buildFormats, findTemplates, sourceDateEpoch, unknownFormats} from './build.js'
import {onlyWorks} from './by-work.js'
import type {Output} from './output.js'
import {startPreview, type PreviewServer} from './preview.js'

/** Options of `diglot build --watch` / `diglot preview`. */
export interface WatchOptions {
  formats: string[]
  outDir: string
  templatesDir?: string | undefined
  jobs: number
  /** Serve `outDir` on 127.0.0.1 with live reload of the HTML edition. */
  serve?: {port: number} | undefined
  /** Stops watching (the command then returns 0). Without it, SIGINT or SIGTERM end the process (130, 143: signals.ts). */
  signal?: AbortSignal | undefined
  /** Quiet time after the last file event before a rebuild (ms). */
  settleMs?: number | undefined
}

/** What one rebuild did (also the line printed). */
export interface Rebuild {
  /** Formats rebuilt, each with the works it rebuilt (`*` for all). */
  built: Array<{format: string; works: string[]}>
  ok: boolean
  ms: number
}

/** Which output depends on which input, between two reads of the content. */
function changes(previous: Root | undefined, next: Root): {all: boolean; works: Work[]} {
  if (!previous) return {all: true, works: worksOf(next)}
  const before = worksOf(previous)
  const after = worksOf(next)
  const glossaryChanged = previous.children.at(-1) !== next.children.at(-1)
  const setChanged =
    before.length !== after.length || before.some((work, index) => work.id !== after[index]?.id)
  if (glossaryChanged || setChanged) return {all: true, works: after}
  return {all: false, works: after.filter((work, index) => work !== before[index])}
}

/** Write a file whole: readers (a browser, a test) never see half of it. */
async function writeWhole(file: string, data: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, file)
}

/** What the HTML edition's last build wrote, kept to rebuild only what a save changed. */
interface HtmlPages {
  /** Path in outDir → HTML. */
  pages: Map<string, string>
  /** Path → the code points of its page (the fonts are chosen by the union of them). */
  points: Map<string, Set<number>>
  /** The faces the fonts are chosen from (read once). */
  faces?: FontFace[]
}

/**
 * Rebuild a changed work's page and the pages that list every work, from the
 * last build's pages. The work's page is written first (what the author waits
 * for), then the fonts are checked. Returns false when the whole edition must
 * be built (first build, or a page needs a font subset the edition lacks).
 */
async function updateHtmlPages(
  tree: Root,
  changed: readonly Work[],
  outDir: string,
  last: HtmlPages
): Promise<boolean> {
  const {pages, points} = last
  if (pages.size === 0) return false
  const html = await import('@diglot/html')
  const glossary = glossaryOf(tree)
  const works = worksOf(tree)
  const fontsCss = readFile(path.join(outDir, 'assets', 'fonts.css'), 'utf8').catch(() => undefined)
  const next = new Map(pages)
  for (const work of changed) {
    const page = `${work.id}/index.html`
    next.set(page, html.serialize(html.workPage(work, glossary)))
    await writeWhole(path.join(outDir, work.id, 'index.html'), next.get(page) as string)
  }
  next.set('index.html', html.serialize(html.indexPage(works)))
  next.set('glossary/index.html', html.serialize(html.glossaryPage(tree, glossary, works)))
  for (const [page, text] of next)
    if (text !== pages.get(page) || !points.has(page)) points.set(page, html.codePointsOf(text))
  // The fonts: the subsets holding a character of some page, as the full build chooses them.
  const all = new Set<number>()
  for (const set of points.values()) for (const point of set) all.add(point)
  last.faces ??= await html.availableFaces()
  if (html.fontFaceCss(html.facesFor(last.faces, all)) !== (await fontsCss)) return false
  for (const page of ['index.html', 'glossary/index.html']) {
    if (next.get(page) !== pages.get(page))
      await writeWhole(path.join(outDir, page), next.get(page) as string)
  }
  for (const [page, text] of next) pages.set(page, text)
  return true
}

/** Watch and rebuild until stopped. Returns the exit code. */
export async function watch(
  contentDir: string,
  options: WatchOptions,
  output: Output
): Promise<number> {
  const unknown = unknownFormats(options.formats)
  if (unknown !== undefined) {
    output.error(`diglot build: ${unknown}`)
    return 2
  }
  const templatesDir = options.templatesDir ?? (await findTemplates(contentDir))
  const outDir = path.resolve(options.outDir)
  const cache = new ReadCache()
  // A save parses a work again: its unchanged blocks' punctuation is remembered.
  rememberSetBlocks(true)
  /** The tree each format was last built from. */
  const builtFrom = new Map<string, Root>()
  /** Template folders (`html`, `epub`, `pdf`) written since the last rebuild. */
  const touchedTemplates = new Set<string>()
  /** The HTML pages last written. */
  const htmlPages: HtmlPages = {pages: new Map(), points: new Map()}
  let server: PreviewServer | undefined

  const rebuild = async (): Promise<Rebuild> => {
    const started = performance.now()
    const templates = new Set(touchedTemplates)
    touchedTemplates.clear()
    const {tree, messages} = await readContent(contentDir, {cache})
    if (hasErrors(messages)) {
      for (const message of messages) output.error(formatMessage(message))
      const ms = performance.now() - started
      output.info(
        `${clock()} the content has errors (above); the last good build stays, waiting for the next save`
      )
      return {built: [], ok: false, ms}
    }
    const built: Rebuild['built'] = []
    let ok = true
    for (const format of options.formats) {
      const change = changes(builtFrom.get(format), tree)
      const all = change.all || templates.has(format) || templates.has('*')
      if (!all && change.works.length === 0) continue
      builtFrom.set(format, tree)
      if (
        format === 'html' &&
        !all &&
        (await updateHtmlPages(tree, change.works, outDir, htmlPages))
      ) {
        built.push({format, works: change.works.map((work) => work.id)})
        continue
      }
      // A book holds one work: only the changed works' books are made again.
      const input = all || format === 'html' ? tree : onlyWorks(tree, change.works)
      const quiet: Output = {...output, info: () => {}}
      const runs = await buildFormats(
        input,
        {formats: [format], outDir, templatesDir, sourceDateEpoch: sourceDateEpoch(), jobs: 1},
        quiet
      )
      if (runs.some((run) => run.failed)) ok = false
      if (format === 'html') {
        htmlPages.pages.clear()
        htmlPages.points.clear()
        for (const file of runs[0]?.files ?? []) {
          if (file.endsWith('.html'))
            htmlPages.pages.set(
              file.split(path.sep).join('/'),
              await readFile(path.join(outDir, file), 'utf8')
            )
        }
      }
      built.push({format, works: all ? ['*'] : change.works.map((work) => work.id)})
    }
    const ms = performance.now() - started
    if (built.length > 0) {
      const what = built
        .map(({format, works}) => (works[0] === '*' ? format : `${format} (${works.join(', ')})`))
        .join(', ')
      output.info(
        `${clock()} rebuilt ${what} in ${(ms / 1000).toFixed(2)} s${ok ? '' : ' with errors (above)'}`
      )
      if (built.some((entry) => entry.format === 'html')) server?.reload()
    }
    // A long-running process: the last build's garbage goes now, not when the heap is large.
    collectGarbage()
    return {built, ok, ms}
  }

  // Rebuilds run one at a time; saves during a rebuild make one more.
  let running: Promise<unknown> = Promise.resolve()
  let pending = false
  let timer: NodeJS.Timeout | undefined
  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      if (pending) return
      pending = true
      running = running.then(async () => {
        pending = false
        try {
          await rebuild()
        } catch (error) {
          output.error(
            `${clock()} diglot: the rebuild failed: ${error instanceof Error ? error.message : String(error)}; waiting for the next save`
          )
        }
      })
    }, options.settleMs ?? 20)
  }

  const watchers: FSWatcher[] = []
  const onContent = (file: string | null): void => {
    const name = file ?? ''
    // Output written inside the content folder, editor swap files and the seed texts are not sources.
    if (name.startsWith('.') || /(^|[\\/])(source|\.git)[\\/]|~$|\.sw[a-p]$/.test(name)) return
    if (path.resolve(contentDir, name).startsWith(outDir + path.sep)) return
    schedule()
  }
  const onTemplate = (file: string | null): void => {
    const first = (file ?? '').split(/[\\/]/)[0] ?? ''
    touchedTemplates.add(['html', 'epub', 'pdf'].includes(first) ? first : '*')
    // The EPUB and PDF use the HTML templates too.
    if (first === 'html') for (const format of ['epub', 'pdf']) touchedTemplates.add(format)
    schedule()
  }

  // The PDF's Chromium stays up between rebuilds.
  const closeBrowser = options.formats.includes('pdf')
    ? (await import('@diglot/pdf')).keepBrowserWarm()
    : undefined
  const first = await rebuild()
  if (options.serve) {
    server = await startPreview(outDir, options.serve.port)
    output.info(`serving ${outDir} at ${server.url} (live reload of the HTML edition)`)
  }
  try {
    watchers.push(watchFiles(contentDir, {recursive: true}, (_event, file) => onContent(file)))
    if (templatesDir !== undefined)
      watchers.push(watchFiles(templatesDir, {recursive: true}, (_event, file) => onTemplate(file)))
  } catch (error) {
    output.error(
      `diglot build --watch: cannot watch ${contentDir}: ${error instanceof Error ? error.message : String(error)}`
    )
    await Promise.all([server?.close(), closeBrowser?.()])
    return 1
  }
  output.info(
    `watching ${contentDir}${templatesDir === undefined ? '' : ` and ${templatesDir}`}${first.ok ? '' : ' (the content has errors)'}; Ctrl-C stops`
  )

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    if (options.signal) {
      if (options.signal.aborted) resolve()
      options.signal.addEventListener('abort', stop, {once: true})
    } else {
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    }
  })
  for (const watcher of watchers) watcher.close()
  if (timer) clearTimeout(timer)
  await running
  await Promise.all([server?.close(), closeBrowser?.()])
  rememberSetBlocks(false)
  return 0
}

/**
 * A full garbage collection, between rebuilds. Without it V8 lets a watcher's
 * heap grow by each rebuild's garbage (about 6 MB a save) until its next major
 * collection, so resident memory climbs for many saves and then drops.
 */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as unknown
    return typeof gc === 'function' ? () => void (gc as () => void)() : () => {}
  } catch {
    return () => {}
  }
})()

function clock(): string {
  return new Date().toTimeString().slice(0, 8)
}
