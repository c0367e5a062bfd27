/**
 * The PDF edition as whole processes, in the same run: `diglot build --format pdf` of the CIIS
 * report (one language, 138 notes) against a bare Chromium print of the same HTML (a process of
 * its own: server, Chromium, load, fonts, `page.pdf()`), and of the Kazakh article on facing
 * pages (measured, no target).
 */
import {execFile} from 'node:child_process'
import {cp, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {works} from '../packages/core/dist/index.js'
import {fontFaces, fontPackages, printDocument, printHtml} from '../packages/pdf/dist/index.js'
import {contentDir, loadContent, templatesDir} from './editions.js'
import {compare, row, tableHead} from './measure.js'

const exec = promisify(execFile)
const cli = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url))
const bare = fileURLToPath(new URL('./bare-print.js', import.meta.url))

/** A content folder holding one work and the glossary. */
async function contentOf(id) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-content-${id}-`))
  await cp(path.join(contentDir, 'glossary.yaml'), path.join(dir, 'glossary.yaml'))
  await cp(path.join(contentDir, id), path.join(dir, id), {recursive: true})
  return dir
}

/** A process: `diglot build <content> --format pdf --out <tmp>`. */
function diglot(content) {
  return async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'bench-pdf-out-'))
    try {
      await exec(process.execPath, [cli, 'build', content, '--format', 'pdf', '--out', out], {
        maxBuffer: 64 << 20
      })
    } finally {
      await rm(out, {recursive: true, force: true})
    }
  }
}

/** A process: the bare Chromium print of `html`. */
function barePrint(html) {
  return async () => {
    const out = path.join(os.tmpdir(), `bench-bare-${process.pid}.pdf`)
    await exec(process.execPath, [bare, html, out], {maxBuffer: 64 << 20})
    await rm(out, {force: true})
  }
}

const pagesOf = async (file) =>
  (await exec('pdfinfo', [file])).stdout.match(/Pages:\s+(\d+)/)?.[1] ?? '?'

export async function run() {
  const tree = await loadContent()
  const report = works(tree).find((work) => work.id === 'world-dream')
  if (!report) throw new Error('no work world-dream in content/')
  const faces = await fontFaces(fontPackages())
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-pdf-'))
  const html = path.join(work, 'world-dream.html')
  await writeFile(html, await printHtml(printDocument(tree, report), templatesDir, faces.css))
  const [reportContent, articleContent] = await Promise.all([
    contentOf('world-dream'),
    contentOf('harmonious-world')
  ])
  const runs = Number(process.env['BENCH_PDF_RUNS'] ?? 7)
  // (Alternately, so that a change in the machine's load hits all alike.)
  const [ours, base] = await compare(diglot(reportContent), barePrint(html), {runs, warmup: 1})
  const [article] = await compare(diglot(articleContent), async () => {}, {runs, warmup: 1})
  // (One output folder per content folder: a build removes the outputs its folder no longer makes.)
  const out = await mkdtemp(path.join(os.tmpdir(), 'bench-pdf-pages-'))
  const articleOut = await mkdtemp(path.join(os.tmpdir(), 'bench-pdf-pages-'))
  await exec(process.execPath, [cli, 'build', reportContent, '--format', 'pdf', '--out', out])
  await exec(process.execPath, [
    cli,
    'build',
    articleContent,
    '--format',
    'pdf',
    '--out',
    articleOut
  ])
  await exec(process.execPath, [bare, html, path.join(out, 'bare.pdf')])
  const pages = {
    report: await pagesOf(path.join(out, 'world-dream.pdf')),
    article: await pagesOf(path.join(articleOut, 'harmonious-world.pdf')),
    bare: await pagesOf(path.join(out, 'bare.pdf'))
  }
  await Promise.all(
    [work, out, articleOut, reportContent, articleContent].map((dir) =>
      rm(dir, {recursive: true, force: true})
    )
  )
  const ratio = ours.median / base.median
  return `## PDF edition (\`diglot build --format pdf\`, whole processes) vs a bare Chromium print

Every subject is a whole process, cold: \`node packages/cli/dist/bin.js build <content> --format pdf\`
on a content folder holding one work (read the source, compose, lay out, check, print, write the
metadata), and \`node bench/bare-print.js\` (start a local server, launch Chromium, load the same
print HTML, wait for its fonts, \`page.pdf()\`, close). Both launch \`/usr/bin/chromium\` through
puppeteer. The report (\`world-dream\`, one language, 138 notes) comes out in ${pages.report} pages; the bare
print of its HTML, without pagination (notes inline, no folios or running heads), in ${pages.bare}.
The article (\`harmonious-world\`) is set on facing pages, ${pages.article} pages. Target: the report at most
1.5× the bare print. The subjects run alternately.

${tableHead}
${row('Diglot PDF, the report (one column), whole process', ours)}
${row("baseline: bare Chromium print of the report's print HTML, whole process", base)}
${row('Diglot PDF, the article on facing pages, whole process', article)}

Ratio (report): **${ratio.toFixed(2)}×** (${ratio <= 1.5 ? 'meets' : 'misses'} the 1.5× target).
`
}
