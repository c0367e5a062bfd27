#!/usr/bin/env node
/**
 * The baseline of the PDF bench, as a process of its own: print an HTML file
 * with Chromium and nothing else (a local server for the page and its fonts,
 * load, wait for the fonts, `page.pdf()`, close).
 *
 *   node bench/bare-print.js page.html out.pdf
 */
import {readFile, writeFile} from 'node:fs/promises'
import {fontPackages, launchBrowser, startServer} from '../packages/pdf/dist/index.js'

const [input, output] = process.argv.slice(2)
if (!input || !output) throw new Error('usage: bare-print.js page.html out.pdf')
const server = await startServer(fontPackages())
const browser = await launchBrowser()
try {
  await server.setPage(await readFile(input, 'utf8'))
  const page = await browser.newPage()
  await page.goto(server.url, {waitUntil: 'load'})
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await writeFile(
    output,
    await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout: 300_000
    })
  )
  await page.close()
} finally {
  await browser.close()
  await server.close()
}
