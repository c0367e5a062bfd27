/**
 * End to end on a longer bilingual work: the Kazakh article and its
 * translation four times over (a fixture made from content/ at test time,
 * note labels renamed per copy), set on facing pages and read back with
 * poppler and mupdf.
 */
import {copyFile, mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect} from 'vitest'
import {readContent, works, type Work} from '../../packages/pdf/test/core.js'
import {buildPdfEdition} from '../../packages/pdf/src/index.js'
import {facingTests} from './facing-checks.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const copies = 4
let work: Work
let file: string

/** The article `copies` times in one work, in a fresh content folder. */
async function longArticle(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'diglot-long-'))
  const dir = path.join(root, 'harmonious-world-x4')
  await mkdir(dir)
  const source = path.join(repo, 'content', 'harmonious-world')
  await copyFile(path.join(repo, 'content', 'glossary.yaml'), path.join(root, 'glossary.yaml'))
  for (const lang of ['kk', 'en']) {
    const text = await readFile(path.join(source, `${lang}.md`), 'utf8')
    const parts = Array.from({length: copies}, (_, copy) =>
      copy === 0 ? text : text.replace(/\[\^([\w-]+)\]/g, `[^$1-c${copy}]`).replace(/^# /m, '## ')
    )
    await writeFile(path.join(dir, `${lang}.md`), parts.join('\n\n'))
  }
  const yaml = (await readFile(path.join(source, 'work.yaml'), 'utf8'))
    .replace(/^id: .*$/m, 'id: harmonious-world-x4')
    .replace(/^ {2}(file|sha256): .*\n/gm, '')
  await writeFile(path.join(dir, 'work.yaml'), yaml)
  return root
}

beforeAll(async () => {
  const content = await longArticle()
  const {tree} = await readContent(content)
  work = works(tree).find((candidate) => candidate.id === 'harmonious-world-x4')!
  expect(work).toBeDefined()
  const outDir = await mkdtemp(path.join(tmpdir(), 'diglot-long-pdf-'))
  const result = await buildPdfEdition(
    tree,
    {
      outDir,
      templatesDir: path.join(repo, 'templates'),
      sourceDateEpoch: 1_700_000_000,
      progress: () => {}
    },
    1
  )
  expect(result.messages.map((message) => message.reason)).toEqual([])
  file = path.join(outDir, 'harmonious-world-x4.pdf')
}, 300_000)

describe('the article four times on facing pages', () => {
  facingTests(
    () => file,
    () => work,
    21 * copies
  )
})
