/**
 * Cost against size: the report ×1, ×4, ×16 in one work, and 1, 4, 16 copies
 * of it as separate works, for `diglot check`, HTML and EPUB against pandoc on
 * the same Markdown (whole processes, cold, round-robin per row).
 */
import {rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {
  contentDir,
  diglot,
  exec,
  inTemp,
  makeContent,
  markdownFiles,
  node,
  pandoc,
  pandocEpub,
  pandocHtml,
  roundRobin,
  runs,
  seconds,
  subject
} from './process.js'

const report = path.join(contentDir, 'world-dream')

/** The report's text `times` times in one file: each copy's note labels and page numbers made its own. */
export function repeated(times) {
  return (text) => {
    const parts = []
    for (let copy = 0; copy < times; copy++) {
      const body = copy === 0 ? text : text.replace(/^---\n[\s\S]*?\n---\n/, '')
      parts.push(
        body
          .replace(/\[\^([^\]]+)\]/g, (_, label) => `[^${label}${copy === 0 ? '' : `-c${copy}`}]`)
          .replace(/:pb\{n=(\d+)\}/g, (_, n) => `:pb{n=${Number(n) + copy * 1000}}`)
      )
    }
    return parts.join('\n\n')
  }
}

async function size(files) {
  let bytes = 0
  for (const file of files) bytes += (await stat(file)).size
  return bytes
}

export async function run() {
  const cases = [
    {label: 'report ×1 (1 work)', works: [{from: report, id: 'world-dream'}], count: 3},
    {
      label: 'report ×4 in one work',
      works: [{from: report, id: 'world-dream', transform: repeated(4)}],
      count: 3
    },
    {
      label: 'report ×16 in one work',
      works: [{from: report, id: 'world-dream', transform: repeated(16)}],
      count: 1
    },
    {
      label: '4 works (the report 4 times)',
      works: Array.from({length: 4}, (_, index) => ({
        from: report,
        id: `world-dream-${index + 1}`
      })),
      count: 3
    },
    {
      label: '16 works (the report 16 times)',
      works: Array.from({length: 16}, (_, index) => ({
        from: report,
        id: `world-dream-${index + 1}`
      })),
      count: 1
    }
  ]
  const rows = []
  for (const item of cases) {
    process.stderr.write(`bench: scaling: ${item.label}…\n`)
    const dir = await makeContent(item.works)
    try {
      const files = await markdownFiles(dir)
      const bytes = await size(files)
      const build = (format) =>
        inTemp(`scale-${format}`, (out) =>
          exec(process.execPath, [diglot, 'build', dir, '--format', format, '--out', out])
        )
      // The input must be clean (else diglot would stop early and look fast).
      await exec(process.execPath, [diglot, 'check', dir])
      const [check, html, pandocH, epub, pandocE] = await roundRobin(
        [
          subject('check', node(diglot, ['check', dir])),
          subject('html', build('html')),
          subject('pandoc html', pandoc(files, 'html', pandocHtml)),
          subject('epub', build('epub')),
          subject('pandoc epub', pandoc(files, 'epub', pandocEpub))
        ],
        {runs: runs(item.count), warmup: 0}
      )
      const mb = bytes / 1e6
      rows.push(
        `| ${item.label} | ${mb.toFixed(2)} MB | ${seconds(check.median)} | ${seconds(html.median)} | ${seconds(pandocH.median)} | ${(html.median / pandocH.median).toFixed(2)}× | ${seconds(epub.median)} | ${seconds(pandocE.median)} | ${(epub.median / pandocE.median).toFixed(2)}× | ${(html.median / 1000 / mb).toFixed(2)} s | ${check.runs} |`
      )
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  }
  return `## Scaling: the report ×1, ×4, ×16 in one work, and in 1, 4, 16 works

Whole processes, cold, medians; each row's five subjects run round-robin. The report
(\`content/world-dream/en.md\`, 138 notes) is repeated inside one work (each copy's note
labels and page numbers made its own), or copied into separate works, with the real
glossary. pandoc runs once per Markdown file, files one after another.
"HTML s/MB" is Diglot's HTML time per megabyte of Markdown: flat means linear. (The ×16
rows, about a minute a round, run once to keep \`pnpm bench\` near ten minutes.)

| input | Markdown | check | HTML | pandoc HTML | ratio | EPUB | pandoc EPUB | ratio | HTML s/MB | runs |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`
}
