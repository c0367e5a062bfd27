/**
 * EPUB of both works against pandoc's EPUB of the same Markdown.
 */
import {epubEdition} from '../packages/epub/dist/index.js'
import {builder, loadContent, markdownFiles, pandoc, pandocVersion} from './editions.js'
import {median, row, tableHead} from './measure.js'

export async function run() {
  const tree = await loadContent()
  const files = markdownFiles(tree)
  const ours = await median(builder(epubEdition, tree), {runs: 5, warmup: 1})
  const base = await median(pandoc(files, 'epub', ['--toc', '--metadata', 'title=bench']), {
    runs: 5,
    warmup: 1
  })
  const ratio = ours.median / base.median
  return `## EPUB edition (\`diglot build --format epub\`) vs pandoc EPUB

Both works (${files.length} Markdown files); pandoc: ${await pandocVersion()}, one run per file.
Target: no slower than pandoc.

${tableHead}
${row('Diglot EPUB, both works (cover, glossary, subset fonts)', ours)}
${row('baseline: pandoc --toc -o x.epub, same Markdown', base)}

Ratio: **${ratio.toFixed(2)}×** (${ratio <= 1 ? 'meets' : 'misses'} the target).
`
}
