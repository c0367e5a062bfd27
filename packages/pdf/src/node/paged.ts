/**
 * Paginate a print document with Paged.js 0.4.3 in Debian Chromium and print
 * it to PDF. The in-page work (patches, handlers, checks, folios) is the page
 * script's (`page/`), called through `window.diglot`; here: the attempts, and
 * the print.
 */
import type {FinishData, PageReport, PrepareOptions} from '../page/api.js'
import {printOptions, type GuardedPage} from './browser.js'
import {injectPageScript} from './page-script.js'
import {installedPagedVersion, type PageServer} from './server.js'

/** Options of `renderPdf`. */
export interface RenderOptions {
  /** The page to paginate in (`openGuardedPage`); closed when done. */
  page: GuardedPage
  server: PageServer
  /** Name of the page on the server (one per work, so that works render at once). */
  name?: string
  html: string
  finish: FinishData
  /** Called with each step. */
  step?: (name: string) => void
}

/**
 * The page Paged.js paginates: the document's body inside
 * `<template data-ref="pagedjs-content">`, where Paged.js looks for it. The
 * browser neither lays it out nor loads its fonts before Paged.js does
 * (laying the whole book out once first costs about as much as the bare print's load).
 */
function pagedHtml(html: string): string {
  const open = /<body\b[^>]*>/.exec(html)
  const close = html.lastIndexOf('</body>')
  if (!open || close < open.index) throw new Error('the print template has no <body>…</body>')
  const start = open.index + open[0].length
  return `${html.slice(0, start)}<template data-ref="pagedjs-content">${html.slice(start, close)}</template>${html.slice(close)}`
}

/** Paginate `html` with Paged.js and print it. */
export async function renderPdf(
  options: RenderOptions
): Promise<{pdf: Uint8Array; report: PageReport; blocked: string[]}> {
  const {server} = options
  const {page, blocked} = options.page
  try {
    const url = await server.setPage(pagedHtml(options.html), options.name)
    const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'])
    if (debug) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('pageerror', (error) => console.error(`[page] error: ${String(error)}`))
      page.on('requestfailed', (request) =>
        console.error(`[page] request failed: ${request.url()}`)
      )
    }
    // Paged.js 0.4.3 may hide the lines after a note call at a page break
    // (they overflow into a column right of the page; cf. pagedjs/pagedjs#130).
    // Every paragraph's text is compared before and after pagination and its
    // lines are checked to lie on the page; a paragraph that lost text starts
    // on a new page (then is also set ragged-right) and the document is paginated again.
    const ragged: number[] = []
    const fresh: number[] = []
    let lost: number[] = []
    let allFaces = false
    const pagedVersion = installedPagedVersion()
    for (let attempt = 0; attempt < 6; attempt++) {
      options.step?.(
        attempt === 0
          ? 'loading fonts'
          : lost.length > 0
            ? `paginating again (text lost in ${lost.length} paragraph(s))`
            : 'paginating again (a font face was loaded late)'
      )
      await page.goto(url, {waitUntil: 'load'})
      await injectPageScript(page)
      // Paged.js loads, and reads its style sheets and the content, while the fonts load.
      await Promise.all([
        page.evaluate(
          (prepare: PrepareOptions, debugPage: boolean) => {
            window.diglot.debug = debugPage
            window.diglot.paged.prepare(prepare)
          },
          {ragged, fresh, allFaces},
          debug
        ),
        page
          .addScriptTag({url: '/paged.polyfill.js'})
          .then(() =>
            page.evaluate((version: string) => window.diglot.paged.install(version), pagedVersion)
          )
      ])
      if (attempt === 0) options.step?.('paginating')
      await page.evaluate(() => window.diglot.paged.paginate())
      options.step?.('checking')
      const late = await page.evaluate(() => window.diglot.lateFaces())
      if (late.length > 0) {
        // (Rare: a face the style sheets ask for in a way `prepareContent` does not see, e.g. in a
        // pseudo-element. The book is paginated again with every face loaded.)
        if (allFaces)
          throw new Error(
            `font faces loaded during pagination although all were preloaded: ${late.join('; ')}`
          )
        if (debug) console.error(`[pdf] faces loaded late: ${late.join('; ')}`)
        allFaces = true
        continue
      }
      lost = await page.evaluate(() => window.diglot.paged.lostParagraphs())
      // First start the paragraph on a new page; if that is not enough, also set it ragged-right.
      if (lost.length === 0 || lost.every((index) => ragged.includes(index))) break
      for (const index of lost) {
        if (!fresh.includes(index)) fresh.push(index)
        else if (!ragged.includes(index)) ragged.push(index)
      }
    }
    options.step?.('finishing')
    // One round trip: finish the pages, name the paragraphs that lost text, wait for any font
    // face the finished pages need.
    const report = await page.evaluate(
      async (data: FinishData, indices: number[]) => {
        const result = window.diglot.paged.finish(data, indices)
        await document.fonts.ready
        return result
      },
      options.finish,
      lost
    )
    // Soft hyphens only where a line breaks (a clean text layer).
    await page.evaluate(() =>
      window.diglot.stripSoftHyphens('.pagedjs_page_content, .pagedjs_footnote_area .footnote')
    )
    options.step?.('printing')
    const pdf = await page.pdf(printOptions)
    return {pdf, report, blocked: [...new Set(blocked)]}
  } finally {
    await page.close()
  }
}
