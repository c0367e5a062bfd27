/**
 * Core: parse time of a 200 KB bilingual work (the Kazakh article and its
 * English translation repeated to 200 KB) and of the CIIS report, against
 * plain remark-parse + remark-gfm on the same Markdown.
 */
import {readFile} from 'node:fs/promises'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import {parseWork, prepareGlossary} from '../packages/core/dist/index.js'
import {compare, row, tableHead} from './measure.js'

const root = new URL('../content/', import.meta.url)
const read = (path) => readFile(new URL(path, root), 'utf8')

export async function run() {
  const glossaryText = await read('glossary.yaml').catch(() => undefined)
  const glossary = prepareGlossary(glossaryText).glossary
  const baseline = unified().use(remarkParse).use(remarkGfm)

  const kk = await read('harmonious-world/kk.md')
  const en = await read('harmonious-world/en.md')
  const meta = await read('harmonious-world/work.yaml')
  const body = (text) =>
    text
      .split('\n')
      .filter((line) => !/^\[\^[^\]]+\]:/.test(line))
      .join('\n')
  const notes = (text) =>
    text
      .split('\n')
      .filter((line) => /^\[\^[^\]]+\]:/.test(line))
      .join('\n\n')
  // Repeat the body until the pair is ~200 KB, keeping one set of note definitions.
  let bigKk = ''
  let bigEn = ''
  while (Buffer.byteLength(bigKk) + Buffer.byteLength(bigEn) < 200_000) {
    bigKk += `${body(kk)}\n\n`
    bigEn += `${body(en)}\n\n`
  }
  bigKk += notes(kk)
  bigEn += notes(en)
  const size = Buffer.byteLength(bigKk) + Buffer.byteLength(bigEn)
  const probe = parseWork({meta, files: {kk: bigKk, en: bigEn}, glossary})
  const errors = probe.messages.filter((message) => message.fatal)
  if (errors.length > 0) throw new Error(`bench input does not parse cleanly: ${errors[0].reason}`)

  const [ours, plain] = await compare(
    () => parseWork({meta, files: {kk: bigKk, en: bigEn}, glossary}),
    () => {
      baseline.parse(bigKk)
      baseline.parse(bigEn)
    },
    {runs: 31, warmup: 5}
  )

  const report = await read('world-dream/en.md')
  const reportMeta = await read('world-dream/work.yaml')
  const [oursReport, plainReport] = await compare(
    () => parseWork({meta: reportMeta, files: {en: report}, glossary}),
    () => baseline.parse(report),
    {runs: 31, warmup: 5}
  )

  const ratio = ours.median / plain.median
  const ratioReport = oursReport.median / plainReport.median
  return `## Core: parse (\`@diglot/core\` parseWork vs remark-parse + remark-gfm)

Target: the core costs at most 1.5× the plain parse. The two subjects run alternately, so
that machine load hits both alike. The core's figure includes everything \`parseWork\` does:
the parse with directives and frontmatter, notes, page markers, language runs, glossary
references against the ${glossary.children.length}-entry glossary, alignment, ids and sections.

${tableHead}
${row(`parseWork, bilingual ${(size / 1000).toFixed(0)} KB (article ×${Math.round(size / (Buffer.byteLength(kk) + Buffer.byteLength(en)))})`, ours)}
${row('baseline: remark-parse + remark-gfm, same two files', plain)}
${row(`parseWork, CIIS report (${(Buffer.byteLength(report) / 1000).toFixed(0)} KB, 138 notes)`, oursReport)}
${row('baseline: remark-parse + remark-gfm, same file', plainReport)}

Ratio: **${ratio.toFixed(2)}×** on the bilingual work, **${ratioReport.toFixed(2)}×** on the report (${ratio <= 1.5 && ratioReport <= 1.5 ? 'within' : 'over'} the 1.5× target).
`
}
