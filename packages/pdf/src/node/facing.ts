/**
 * Render a facing-page book in Chromium: load the page (no Paged.js), wait
 * for its fonts, lay it out with the page script's facing-page engine (`page/facing/`),
 * finish it and print it.
 */
import type {Browser} from 'puppeteer'
import type {FacingFinishData, PageReport} from '../page/api.js'
import {guardRequests, printOptions} from './browser.js'
import {injectPageScript} from './page-script.js'
import type {PageServer} from './server.js'

/** What `renderFacing` needs. */
export interface FacingRenderOptions {
  browser: Browser
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

/** Lay out and print a facing-page book. */
export async function renderFacing(
  options: FacingRenderOptions
): Promise<{pdf: Uint8Array; report: PageReport; blocked: string[]}> {
  const url = options.server.setPage(deferLayout(options.html), options.name)
  const page = await options.browser.newPage()
  // No request leaves the build's own server (a remote image in a template, say): blocked and reported.
  const blocked: string[] = []
  await guardRequests(page, options.server.url, (request) => blocked.push(request))
  const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'] ?? process.env['DIGLOT_PDF_TIMING'])
  let last = performance.now()
  const lap = (name: string): void => {
    if (debug)
      console.error(`[pdf] ${options.name}: ${name} ${Math.round(performance.now() - last)} ms`)
    last = performance.now()
  }
  try {
    if (process.env['DIGLOT_PDF_DEBUG']) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('pageerror', (error) => console.error(`[page] error: ${String(error)}`))
    }
    let allFaces = false
    for (let attempt = 0; attempt < 2; attempt++) {
      options.step?.(
        attempt === 0 ? 'loading fonts' : 'laying out again (a font face was loaded late)'
      )
      await page.goto(url, {waitUntil: 'load'})
      await injectPageScript(page)
      lap('load')
      await page.evaluate(
        (all: boolean, heads: string[]) => window.diglot.facing.preloadFonts(all, heads),
        allFaces,
        [options.finish.versoHead, options.finish.rectoHead]
      )
      lap('fonts')
      // (Time spent in each in-page function, for profiling.)
      if (process.env['DIGLOT_PDF_TIMING'])
        await page.evaluate(() => window.diglot.facing.profile())
      options.step?.('laying out')
      await page.evaluate(() =>
        window.diglot.facing.layout(
          Number.parseFloat(getComputedStyle(document.body).lineHeight) || 17
        )
      )
      lap('layout')
      const late = await page.evaluate(() => window.diglot.lateFaces())
      if (late.length === 0) break
      if (process.env['DIGLOT_PDF_DEBUG'])
        console.error(`[pdf] faces loaded late: ${late.join('; ')}`)
      if (allFaces)
        throw new Error(
          `font faces loaded during layout although all were preloaded: ${late.join('; ')}`
        )
      allFaces = true
    }
    options.step?.('finishing')
    const report = await page.evaluate(async (data: FacingFinishData) => {
      const result = window.diglot.facing.finish(data)
      await document.fonts.ready
      return result
    }, options.finish)
    lap('finish')
    if (process.env['DIGLOT_PDF_TIMING'])
      console.error(JSON.stringify(await page.evaluate(() => window.diglot.facing.times())))
    options.step?.('printing')
    const pdf = await page.pdf(printOptions)
    lap('print')
    return {pdf, report, blocked: [...new Set(blocked)]}
  } finally {
    await page.close()
  }
}
