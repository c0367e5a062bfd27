/**
 * The cover: a typographic page (templates/epub/cover.html) with the
 * book's subset fonts, rasterised to PNG by headless Chromium. Same fonts,
 * same text, same Chromium → same bytes.
 */
import type {Work} from '@diglot/core'
import type {Browser} from 'puppeteer'
import {esc} from './book.js'
import type {BookFonts} from './fonts.js'
import {personName} from './metadata.js'

/** The text shown on the cover (also subset into the fonts). */
export function coverText(work: Work): string {
  const meta = work.meta
  return [
    ...work.languages.map((lang) => meta.title[lang] ?? ''),
    meta.subtitle?.[work.languages[0] ?? ''] ?? '',
    ...meta.authors.map((author) => personName(author, 'en')),
    meta.series ?? '',
    meta.publisher ?? '',
    'Translated by  Kazakh–English edition',
    ...meta.translators.map((translator) => personName(translator, 'en'))
  ].join('\n')
}

/** The cover page's HTML (fonts inlined as data URLs). */
export function coverHtml(template: string, work: Work, fonts: BookFonts): string {
  const meta = work.meta
  const [original, translation] = work.languages
  const parts: string[] = []
  if (meta.series) parts.push(`<p class="series">${esc(meta.series)}</p>`)
  if (original && meta.title[original]) parts.push(`<h1 class="title original" lang="${esc(original)}">${esc(meta.title[original] ?? '')}</h1>`)
  if (translation && meta.title[translation]) parts.push(`<p class="title translation" lang="${esc(translation)}">${esc(meta.title[translation] ?? '')}</p>`)
  parts.push('<hr class="rule">')
  const subtitle = original ? meta.subtitle?.[original] : undefined
  if (subtitle) parts.push(`<p class="subtitle">${esc(subtitle)}</p>`)
  if (meta.authors.length > 0) parts.push(`<p class="people">${esc(meta.authors.map((author) => personName(author, 'en')).join(', '))}</p>`)
  else if (translation && meta.translators.length > 0) parts.push(`<p class="people">Translated by ${esc(meta.translators.map((person) => personName(person, 'en')).join(', '))}</p>`)
  parts.push('<div class="spacer"></div>')
  const edition = translation ? `${esc(meta.publisher ?? '')}` : esc(meta.publisher ?? '')
  if (edition) parts.push(`<p class="imprint">${edition}</p>`)
  const fontCss = fonts.fonts
    .map((font) => `@font-face { font-family: "${font.family}"; font-style: ${font.style}; font-weight: ${font.weight}; src: url(data:font/ttf;base64,${font.data.toString('base64')}) format("truetype"); }`)
    .join('\n')
  return template.replace('{{fonts}}', fontCss).replace('{{stack}}', fonts.stack).replace('{{lang}}', esc(original ?? 'en')).replace('{{body}}', parts.join('\n'))
}

/** Launch headless Chromium (Debian's; never downloaded). */
export async function launchBrowser(): Promise<Browser> {
  const puppeteer = (await import('puppeteer')).default
  return puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--font-render-hinting=none'],
    headless: true
  })
}

/** Rasterise the cover page: 1600 × 2560 PNG. */
export async function renderCover(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage()
  try {
    await page.setViewport({width: 800, height: 1280, deviceScaleFactor: 2})
    await page.setContent(html, {waitUntil: 'load'})
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return Buffer.from(await page.screenshot({type: 'png', clip: {x: 0, y: 0, width: 800, height: 1280}, omitBackground: false}))
  } finally {
    await page.close()
  }
}
