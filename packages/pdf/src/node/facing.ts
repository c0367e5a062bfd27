/**
 * Render a facing-page book in Chromium: load the page (no Paged.js), wait
 * for its fonts, lay it out with the page script's facing-page engine (`page/facing/`),
 * finish it and print it.
 */
import type {FacingFinishData, PageReport} from '../page/api.js'
import {printOptions, type GuardedPage} from './browser.js'
import {injectPageScriptOnLoad} from './page-script.js'
import type {PageServer} from './server.js'

/** What `renderFacing` needs. */
export interface FacingRenderOptions {
  /** The page to lay the book out in (`openGuardedPage`); closed when done. */
  page: GuardedPage
  server: PageServer
  /** Name of the page on the server (one per work, so that works render at once). */
  name: string
  html: string
  finish: FacingFinishData
  step?: (name: string) => void
}

/**
 * The page with its source kept out of the first layout: the book's engine
 * lays each page out alone, so the layout of the whole text as one long page
 * that Chromium makes on load (about a second for the report) is not needed;
 * the engine removes this style when it starts (`page/facing/layout.ts`).
 */
function deferLayout(html: string): string {
  const style = '<style id="diglot-deferred-layout">body > * {display: none !important}</style>'
  const at = html.indexOf('</head>')
  return at < 0 ? html : `${html.slice(0, at)}${style}${html.slice(at)}`
}

/** What the page's layout run gives back. */
interface FacingRun {
  /** Faces loaded during the layout (it is then run again with every face preloaded). */
  late: string[]
  report?: PageReport
  /** How long each step took in the page (`DIGLOT_PDF_DEBUG`, `DIGLOT_PDF_TIMING`). */
  laps: Array<[string, number]>
  /** Time spent in each in-page function (`DIGLOT_PDF_TIMING`). */
  times?: Record<string, number>
}

/** The page's window while a layout runs (`startLayoutOnLoad`). */
interface LayoutWindow {
  diglotLayout: Promise<FacingRun>
}

/**
 * Run in the page before its document loads: when it has loaded, load the
 * fonts (every face with `all`), lay the book out and, unless a face was
 * loaded late, finish it; the run is `window.diglotLayout`.
 */
function startLayoutOnLoad(all: boolean, finish: FacingFinishData, timing: boolean): void {
  const run = async (): Promise<FacingRun> => {
    const facing = window.diglot.facing
    const started = performance.now()
    await facing.preloadFonts(all, [finish.versoHead, finish.rectoHead])
    const fontsLoaded = performance.now()
    // (Time spent in each in-page function, for profiling.)
    if (timing) facing.profile()
    facing.layout(Number.parseFloat(getComputedStyle(document.body).lineHeight) || 17)
    const laidOut = performance.now()
    const late = window.diglot.lateFaces()
    const laps: Array<[string, number]> = [
      ['fonts', fontsLoaded - started],
      ['layout', laidOut - fontsLoaded]
    ]
    if (late.length > 0) return {late, laps}
    const report = facing.finish(finish)
    await document.fonts.ready
    laps.push(['finish', performance.now() - laidOut])
    return {late, report, laps, ...(timing ? {times: facing.times()} : {})}
  }
  ;(window as unknown as LayoutWindow).diglotLayout = new Promise((resolve, reject) => {
    window.addEventListener('load', () => run().then(resolve, reject), {once: true})
  })
}

/** Lay out and print a facing-page book. */
export async function renderFacing(
  options: FacingRenderOptions
): Promise<{pdf: Uint8Array; report: PageReport; blocked: string[]}> {
  const {page, blocked} = options.page
  const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'] ?? process.env['DIGLOT_PDF_TIMING'])
  let last = performance.now()
  const lap = (name: string): void => {
    if (debug)
      console.error(
        `[pdf] ${options.name}: ${name} ${Math.round(performance.now() - last)} ms (at ${Math.round(performance.now())} ms)`
      )
    last = performance.now()
  }
  try {
    const url = await options.server.setPage(deferLayout(options.html), options.name)
    if (process.env['DIGLOT_PDF_DEBUG']) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('pageerror', (error) => console.error(`[page] error: ${String(error)}`))
    }
    // The page loads, lays the book out and finishes it on its own (`startLayoutOnLoad`): this
    // process is busy with the other editions meanwhile, and each step that waited for it would
    // keep Chromium waiting.
    await injectPageScriptOnLoad(page)
    let run: FacingRun | undefined
    for (let allFaces = false; ; allFaces = true) {
      const {identifier} = await page.evaluateOnNewDocument(
        startLayoutOnLoad,
        allFaces,
        options.finish,
        Boolean(process.env['DIGLOT_PDF_TIMING'])
      )
      const navigation = page.goto(url, {waitUntil: 'load'})
      navigation.catch(() => {})
      // (The navigation is on its way to Chromium before the other editions take this thread.)
      await new Promise((resolve) => setImmediate(resolve))
      options.step?.(allFaces ? 'laying out again (a font face was loaded late)' : 'laying out')
      await navigation
      lap('load')
      run = await page.evaluate(() => (window as unknown as LayoutWindow).diglotLayout)
      await page.removeScriptToEvaluateOnNewDocument(identifier)
      for (const [name, ms] of run.laps)
        if (debug) console.error(`[pdf] ${options.name}: ${name} ${Math.round(ms)} ms`)
      last = performance.now()
      if (run.late.length === 0) break
      if (process.env['DIGLOT_PDF_DEBUG'])
        console.error(`[pdf] faces loaded late: ${run.late.join('; ')}`)
      if (allFaces)
        throw new Error(
          `font faces loaded during layout although all were preloaded: ${run.late.join('; ')}`
        )
    }
    const report = run.report
    if (!report) throw new Error('the facing-page layout gave no report')
    if (run.times) console.error(JSON.stringify(run.times))
    options.step?.('printing')
    const pdf = await page.pdf(printOptions)
    lap('print')
    return {pdf, report, blocked: [...new Set(blocked)]}
  } finally {
    await page.close()
  }
}
