/**
 * PDF edition of the CIIS report (one language, 138 notes) against a bare
 * Chromium print of the same HTML document (no Paged.js): same fonts, same
 * print.css, same Chromium, each side launching its own browser.
 */
import {works} from '../packages/core/dist/index.js'
import {fontFaces, fontPackages, launchBrowser, pdfEdition, printDocument, printHtml, startServer} from '../packages/pdf/dist/index.js'
import {builder, loadContent, only, templatesDir} from './editions.js'
import {compare, median, row, tableHead} from './measure.js'

const id = 'world-dream'

/** Launch Chromium, load the print HTML from a local server, wait for its fonts, `page.pdf()`, close. */
async function barePrint(html) {
  const server = await startServer(fontPackages())
  const browser = await launchBrowser()
  try {
    server.setPage(html)
    const page = await browser.newPage()
    await page.goto(server.url, {waitUntil: 'load'})
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000})
    await page.close()
    return pdf
  } finally {
    await browser.close()
    await server.close()
  }
}

export async function run() {
  const tree = await loadContent()
  const work = works(tree).find((candidate) => candidate.id === id)
  if (!work) throw new Error(`no work ${id} in content/`)
  const faces = await fontFaces(fontPackages())
  const html = await printHtml(printDocument(tree, work), templatesDir, faces.css)

  // (Alternately, so that a change in the machine's load hits both alike.)
  const [ours, base] = await compare(builder(pdfEdition, only(tree, [id])), () => barePrint(html), {runs: 11, warmup: 1})
  const compose = await median(async () => printHtml(printDocument(tree, work), templatesDir, (await fontFaces(fontPackages())).css), {runs: 5, warmup: 1})

  // Pages of the bare print, for the record.
  const pages = {bare: (Buffer.from(await barePrint(html)).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length}
  const ratio = ours.median / base.median
  return `## PDF edition (\`diglot build --format pdf\`) vs a bare Chromium print

The CIIS report (\`${id}\`, one language, 138 notes). Each run of either side starts a local
server and launches Chromium (\`/usr/bin/chromium\` through puppeteer), loads the print HTML, waits for its
fonts, prints with \`page.pdf()\` and closes the browser.
Diglot also composes the print document from the content tree (front and back matter,
hyphenation), paginates it with Paged.js 0.4.3 (notes at the page foot, running heads, folios,
contents and index page numbers), runs its checks (lost text, overflow, notes on the page of
their call) and appends the PDF's metadata as an incremental update.
The baseline prints the same HTML (same fonts, same print.css, composed once before timing)
without Paged.js: ${pages.bare} pages with the notes inline, no folios or running heads.
Target: at most 1.5× the bare print. The two subjects run alternately.

${tableHead}
${row('Diglot PDF, the report (compose, paginate, check, print, metadata)', ours)}
${row('baseline: Chromium page.pdf() of the same HTML, no Paged.js', base)}
${row('(part of the first row: composing the print HTML)', compose)}

Ratio: **${ratio.toFixed(2)}×** (${ratio <= 1.5 ? 'meets' : 'misses'} the 1.5× target).
`
}
