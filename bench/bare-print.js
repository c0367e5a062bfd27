#!/usr/bin/env node
/**
 * The PDF baseline as a whole process: start a local server with the fonts,
 * launch Chromium (Debian's, through puppeteer), load a print HTML file, wait
 * for its fonts, `page.pdf()`, close. No Paged.js, no checks, no metadata.
 *
 *   node bench/bare-print.js <print.html> <out.pdf>
 */
import {readFile, writeFile} from 'node:fs/promises'
import {fontPackages, launchBrowser, startServer} from '../packages/pdf/dist/index.js'

const [input, output] = process.argv.slice(2)
const html = await readFile(input, 'utf8')
const server = await startServer(fontPackages())
const browser = await launchBrowser()
try {
  server.setPage(html)
  const page = await browser.newPage()
  await page.goto(server.url, {waitUntil: 'load'})
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000})
  await page.close()
  await writeFile(output, pdf)
} finally {
  await browser.close()
  await server.close()
}
