/**
 * HTML edition of both works against pandoc `-s --toc` on the same Markdown.
 */
import {htmlEdition} from '../packages/html/dist/index.js'
import {builder, loadContent, markdownFiles, pandoc, pandocVersion} from './editions.js'
import {median, row, tableHead} from './measure.js'

export async function run() {
  const tree = await loadContent()
  const files = markdownFiles(tree)
  const ours = await median(builder(htmlEdition, tree), {runs: 7, warmup: 1})
  const base = await median(pandoc(files, 'html', ['-s', '--toc', '--metadata', 'title=bench']), {
    runs: 7,
    warmup: 1
  })
  const ratio = ours.median / base.median
  return `## HTML edition (\`diglot build --format html\`) vs pandoc \`-s --toc\`

Both works (${files.length} Markdown files); pandoc: ${await pandocVersion()}, one run per file.
Target: no slower than pandoc.

${tableHead}
${row('Diglot HTML edition, both works (with glossary, index, fonts)', ours)}
${row('baseline: pandoc -s --toc, same Markdown', base)}

Ratio: **${ratio.toFixed(2)}×** (${ratio <= 1 ? 'meets' : 'misses'} the target).
`
}
