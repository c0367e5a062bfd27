/**
 * What a user waits for: the `diglot` command as a whole process, cold,
 * against pandoc (HTML, EPUB) on the same Markdown files and against a bare
 * Chromium print (PDF) of the same HTML, each table measured round-robin in
 * one run.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {works} from '../packages/core/dist/index.js'
import {readContent} from '../packages/core/dist/fs.js'
import {fontFaces, fontPackages, printDocument, printHtml} from '../packages/pdf/dist/index.js'
import {
  contentDir,
  diglot,
  diglotUnbundled,
  exec,
  inTemp,
  makeContent,
  markdownFiles,
  node,
  pandoc,
  pandocEpub,
  pandocHtml,
  repo,
  roundRobin,
  row,
  runs,
  seconds,
  sequence,
  subject,
  tableHead,
  templatesDir
} from './process.js'

const ratio = (a, b) => a.median / b.median
const verdict = (value, target) =>
  `**${value.toFixed(2)}×** (${value <= target ? 'meets' : 'misses'} the ${target.toFixed(1)}× target)`

export async function run() {
  const files = await markdownFiles(contentDir)
  const {stdout: pandocVersion} = await new Promise((resolve, reject) => {
    import('node:child_process').then(({execFile}) =>
      execFile('pandoc', ['--version'], (error, stdout) =>
        error ? reject(error) : resolve({stdout})
      )
    )
  })
  const version = pandocVersion.split('\n')[0]
  const build = (script, format, extra = []) =>
    inTemp(`diglot-${format}`, (dir) =>
      exec(process.execPath, [
        script,
        'build',
        contentDir,
        ...(format === 'all' ? [] : ['--format', format]),
        '--out',
        dir,
        ...extra
      ])
    )

  // 1. HTML of both works, check, start-up.
  process.stderr.write('bench: process: html…\n')
  const html = await roundRobin(
    [
      subject('diglot build --format html (both works)', build(diglot, 'html')),
      subject(
        'baseline: pandoc -s --toc, the same 3 Markdown files',
        pandoc(files, 'html', pandocHtml)
      ),
      subject('diglot build --format html, unbundled (tsc output)', build(diglotUnbundled, 'html')),
      subject('diglot check content', node(diglot, ['check', contentDir])),
      subject('diglot --version (start-up only)', node(diglot, ['--version'])),
      subject('node -e 0 (Node itself)', node('-e', ['0']))
    ],
    {runs: runs(5)}
  )

  // 2. EPUB of both works.
  process.stderr.write('bench: process: epub…\n')
  const epub = await roundRobin(
    [
      subject('diglot build --format epub (both works)', build(diglot, 'epub')),
      subject(
        'baseline: pandoc --toc -o x.epub, the same 3 files',
        pandoc(files, 'epub', pandocEpub)
      )
    ],
    {runs: runs(5)}
  )

  // The report's print HTML, composed once, for the bare print.
  const {tree} = await readContent(contentDir)
  const report = works(tree).find((work) => work.id === 'world-dream')
  const printDir = await mkdtemp(path.join(os.tmpdir(), 'bench-print-'))
  const printFile = path.join(printDir, 'print.html')
  await writeFile(
    printFile,
    await printHtml(
      printDocument(tree, report),
      templatesDir,
      (await fontFaces(fontPackages())).css
    )
  )
  const barePrint = inTemp('bare', (dir) =>
    exec(process.execPath, [
      path.join(repo, 'bench', 'bare-print.js'),
      printFile,
      path.join(dir, 'report.pdf')
    ])
  )
  const reportContent = await makeContent([
    {from: path.join(contentDir, 'world-dream'), id: 'world-dream'}
  ])

  // 3. Every edition of both works.
  process.stderr.write('bench: process: every edition…\n')
  const all = await roundRobin(
    [
      subject('diglot build (every edition of both works)', build(diglot, 'all')),
      subject(
        'baseline: pandoc HTML + pandoc EPUB of the 3 files + a bare Chromium print of the report',
        sequence(pandoc(files, 'html', pandocHtml), pandoc(files, 'epub', pandocEpub), barePrint)
      ),
      subject(
        'diglot build --jobs 1 (formats one after another)',
        build(diglot, 'all', ['--jobs', '1'])
      )
    ],
    {runs: runs(5)}
  )

  // 4. The report's PDF.
  process.stderr.write('bench: process: pdf…\n')
  const pdf = await roundRobin(
    [
      subject(
        'diglot build --format pdf (the report)',
        inTemp('diglot-pdf', (dir) =>
          exec(process.execPath, [
            diglot,
            'build',
            reportContent,
            '--format',
            'pdf',
            '--templates',
            templatesDir,
            '--out',
            dir
          ])
        )
      ),
      subject(
        'baseline: bare Chromium print of the same HTML (node + puppeteer + Chromium)',
        barePrint
      )
    ],
    {runs: runs(5)}
  )
  await rm(printDir, {recursive: true, force: true})
  await rm(reportContent, {recursive: true, force: true})

  const [htmlOurs, htmlPandoc, htmlUnbundled, check, version_, nodeOnly] = html
  const [epubOurs, epubPandoc] = epub
  const [allOurs, allBase, allSerial] = all
  const [pdfOurs, pdfBare] = pdf
  return `## What a user waits for: whole processes, cold

Each subject is one process (or, for the baselines, the processes a user would run one
after another), started cold, timed from spawn to exit, with its output written to a fresh
temp folder. The subjects of a table run round-robin (one of each, then again), so that a
change in the machine's load hits all alike; each figure is the median. \`diglot\` is the
bundled command (\`node packages/cli/bundle/diglot.js\`, what \`pnpm build\` makes).
pandoc: ${version}, one process per Markdown file, files one after another. The same three
Markdown files: \`content/harmonious-world/{kk,en}.md\`, \`content/world-dream/en.md\`.

| target | ratio |
|---|---|
| HTML of both works ≤ 1.0× pandoc | ${verdict(ratio(htmlOurs, htmlPandoc), 1.0)} |
| EPUB of both works ≤ 1.0× pandoc | ${verdict(ratio(epubOurs, epubPandoc), 1.0)} |
| every edition ≤ 1.3× (pandoc HTML + pandoc EPUB + bare print) | ${verdict(ratio(allOurs, allBase), 1.3)} |
| the report's PDF ≤ 1.5× a bare print | ${verdict(ratio(pdfOurs, pdfBare), 1.5)} |

### HTML, check and start-up

${tableHead}
${row('diglot build --format html (both works)', htmlOurs)}
${row('baseline: pandoc -s --toc, the same 3 Markdown files', htmlPandoc)}
${row('diglot build --format html, unbundled (tsc output, for the record)', htmlUnbundled)}
${row('diglot check content', check)}
${row('diglot --version (start-up only)', version_)}
${row('node -e 0 (Node itself)', nodeOnly)}

### EPUB

${tableHead}
${row('diglot build --format epub (both works)', epubOurs)}
${row('baseline: pandoc --toc -o x.epub, the same 3 files', epubPandoc)}

### Every edition

The baseline is the sum of what a user of the other tools would run: pandoc's HTML and EPUB
of the three files and a bare Chromium print of the report (below).

${tableHead}
${row('diglot build (HTML, EPUB and PDF of both works)', allOurs)}
${row('baseline: pandoc HTML + pandoc EPUB + bare print of the report', allBase)}
${row('diglot build --jobs 1 (the formats one after another, for the record)', allSerial)}

Overlapping the formats saves ${seconds(allSerial.median - allOurs.median)} (median) of the serial build.

### The report's PDF

The CIIS report (\`world-dream\`, one language, 138 notes), alone in a content folder.
The baseline is a process (\`bench/bare-print.js\`) that starts the same local font server,
launches the same Chromium through puppeteer, loads the same print HTML (composed by Diglot
once, before timing), waits for its fonts, prints with \`page.pdf()\` and closes: no
Paged.js (the notes stay inline, no folios or running heads), no checks, no metadata.

${tableHead}
${row('diglot build --format pdf (compose, paginate, check, print, metadata)', pdfOurs)}
${row('baseline: bare Chromium print of the same HTML', pdfBare)}
`
}
