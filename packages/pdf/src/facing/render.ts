/**
 * Render a facing-page book in Chromium: load the page (no Paged.js), wait
 * for its fonts, lay it out with the in-page functions of `install.ts`,
 * finish it and print it.
 */
import type {Browser} from 'puppeteer'
import {guardRequests} from '../browser.js'
import {lateFaces, type PageReport, type PageServer} from '../paginate.js'
import {facingScript} from './install.js'
import type {FacingFinishData} from './finish.js'
import type {FacingGlobal} from './install.js'

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

/** Lay out and print a facing-page book. */
export async function renderFacing(options: FacingRenderOptions): Promise<{pdf: Uint8Array; report: PageReport; blocked: string[]}> {
  const url = options.server.setPage(options.html, options.name)
  const page = await options.browser.newPage()
  // No request leaves the build's own server (a remote image in a template, say): blocked and reported.
  const blocked: string[] = []
  await guardRequests(page, options.server.url, (request) => blocked.push(request))
  const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'] ?? process.env['DIGLOT_PDF_TIMING'])
  let last = performance.now()
  const lap = (name: string): void => {
    if (debug) console.error(`[pdf] ${options.name}: ${name} ${Math.round(performance.now() - last)} ms`)
    last = performance.now()
  }
  try {
    if (process.env['DIGLOT_PDF_DEBUG']) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('pageerror', (error) => console.error(`[page] error: ${String(error)}`))
    }
    const script = facingScript()
    let allFaces = false
    for (let attempt = 0; attempt < 2; attempt++) {
      options.step?.(attempt === 0 ? 'loading fonts' : 'laying out again (a font face was loaded late)')
      await page.goto(url, {waitUntil: 'load'})
      await page.evaluate(async (all: boolean, heads: string[]) => {
        // Every face the text needs starts loading with the first layout, that of the text the
        // layout writes too (a probe); all of them after a late one.
        const probe = document.createElement('div')
        probe.className = 'font-probe'
        for (const head of [...heads, '0123456789 – -', 'ivxlcdm']) {
          for (const name of ['running-head', 'folio']) {
            const line = document.createElement('div')
            line.className = name
            line.textContent = head
            probe.append(line)
          }
        }
        document.body.append(probe)
        void document.body.offsetHeight
        if (all) {
          const loads: Array<Promise<unknown>> = []
          document.fonts.forEach((face) => {
            loads.push(face.load().catch(() => face))
          })
          await Promise.all(loads)
        }
        await document.fonts.ready
        const preloaded: FontFace[] = []
        document.fonts.forEach((face) => {
          if (face.status === 'loaded') preloaded.push(face)
        })
        ;(window as unknown as Record<string, unknown>)['__diglotPreloaded'] = preloaded
        probe.remove()
      }, allFaces, [options.finish.versoHead, options.finish.rectoHead])
      lap('load and fonts')
      await page.addScriptTag({content: script})
      if (process.env['DIGLOT_PDF_TIMING']) {
        // (Time spent in each in-page function, for profiling.)
        await page.evaluate(() => {
          const F = (globalThis as unknown as Record<string, Record<string, unknown>>)['diglotFacing']!
          const times: Record<string, number> = {}
          ;(globalThis as unknown as Record<string, unknown>)['__times'] = times
          for (const [name, value] of Object.entries(F)) {
            if (typeof value !== 'function' || name.startsWith('layout')) continue
            const fn = value as (...args: unknown[]) => unknown
            F[name] = (...args: unknown[]) => {
              const start = performance.now()
              try {
                return fn(...args)
              } finally {
                times[name] = (times[name] ?? 0) + performance.now() - start
              }
            }
          }
        })
      }
      options.step?.('laying out')
      await page.evaluate(() => {
        const F = (globalThis as unknown as FacingGlobal).diglotFacing
        F.layoutBook(Number.parseFloat(getComputedStyle(document.body).lineHeight) || 17)
      })
      lap('layout')
      const late = await page.evaluate(lateFaces)
      if (late.length === 0) break
      if (process.env['DIGLOT_PDF_DEBUG']) console.error(`[pdf] faces loaded late: ${late.join('; ')}`)
      if (allFaces) throw new Error(`font faces loaded during layout although all were preloaded: ${late.join('; ')}`)
      allFaces = true
    }
    options.step?.('finishing')
    const report = await page.evaluate(async (data: FacingFinishData) => {
      const result = (globalThis as unknown as FacingGlobal).diglotFacing.finishFacing(data)
      await document.fonts.ready
      return result
    }, options.finish)
    lap('finish')
    if (process.env['DIGLOT_PDF_TIMING']) console.error(await page.evaluate(() => JSON.stringify((globalThis as unknown as Record<string, unknown>)['__times'])))
    options.step?.('printing')
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000})
    lap('print')
    return {pdf, report, blocked: [...new Set(blocked)]}
  } finally {
    await page.close()
  }
}
