/**
 * End to end on hard input for the facing-page layout, made at test time: a
 * pair whose original runs over three pages, a note longer than a page, a
 * block not translated yet and a translation that stops early (status
 * partial). Everything is laid out; no word is lost.
 */
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {readContent, works} from '../../packages/pdf/test/core.js'
import {buildPdfEdition} from '../../packages/pdf/src/index.js'
import {info, pages, squash} from '../../packages/pdf/test/poppler.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const sentence = (index: number): string =>
  `Сөйлем ${index} ұзын абзацтың ішінде тұрады және ол беттен бетке ауысады.`
const long = Array.from({length: 260}, (_, index) => sentence(index + 1)).join(' ')
const noteText = Array.from(
  {length: 90},
  (_, index) => `Note sentence ${index + 1} runs on and on across the foot of the page.`
).join(' ')
let file: string
let messages: string[]

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'diglot-edge-'))
  const dir = path.join(root, 'edge')
  await mkdir(dir)
  await writeFile(path.join(root, 'glossary.yaml'), 'entries: []\n')
  await writeFile(
    path.join(dir, 'work.yaml'),
    'id: edge\nlanguages:\n  original: kk\n  translation: en\ntitle:\n  kk: Шекті жағдайлар\n  en: Edge cases\nauthors: []\ntranslation:\n  status: partial\nlicence: CC0-1.0\nsource:\n  description: Made by the test.\n'
  )
  await writeFile(
    path.join(dir, 'kk.md'),
    `# Шекті жағдайлар\n\n${long}\n\nҚысқа абзац.\n\nАударылмаған абзац.\n\nСоңғы абзац, аудармасы жоқ.\n`
  )
  await writeFile(
    path.join(dir, 'en.md'),
    `# Edge cases\n\nA short translation of the long paragraph.[^1]\n\nA short paragraph.\n\n::untranslated\n\n[^1]: ${noteText}\n`
  )
  const read = await readContent(root)
  expect(read.messages.filter((message) => message.fatal)).toEqual([])
  const outDir = await mkdtemp(path.join(tmpdir(), 'diglot-edge-pdf-'))
  const result = await buildPdfEdition(
    read.tree,
    {
      outDir,
      templatesDir: path.join(repo, 'templates'),
      sourceDateEpoch: 1_700_000_000,
      progress: () => {}
    },
    1
  )
  expect(result.files).toEqual(works(read.tree).map((work) => `${work.id}.pdf`))
  messages = result.messages.map((message) => `${message.reason} [${message.ruleId}]`)
  file = path.join(outDir, 'edge.pdf')
}, 300_000)

describe('facing pages on hard input', () => {
  it('reports nothing lost, nothing overflowing', () => {
    expect(messages).toEqual([])
  })

  it('carries a side longer than a page over the next versos, the next pair after both ends', () => {
    const texts = pages(file)
    const all = texts.map(squash)
    const first = all.findIndex((text) => text.includes(squash(sentence(1))))
    const last = all.findIndex((text) => text.includes(squash(sentence(260))))
    expect(first % 2).toBe(1)
    expect(last - first).toBeGreaterThanOrEqual(4)
    // Every sentence is there, on versos only.
    // (Without the running heads and folios between the pages.)
    // (pdftotext joins a line that ends with a hyphen to the next: the last line of a page to its folio.)
    const body = (text: string): string =>
      squash(text.trim().split('\n').slice(1).join('\n').replace(/\d+$/, ''))
    const versos = texts
      .filter((_, index) => index % 2 === 1)
      .map(body)
      .join('')
    for (let index = 1; index <= 260; index++)
      expect(versos.includes(squash(sentence(index))), `sentence ${index}`).toBe(true)
    expect(all.filter((_, index) => index % 2 === 0).some((text) => text.includes('Сөйлем'))).toBe(
      false
    )
    const next = all.findIndex((text) => text.includes('Қысқаабзац'))
    const nextEnglish = all.findIndex((text) => text.includes('Ashortparagraph'))
    expect(next).toBeGreaterThanOrEqual(last)
    expect(nextEnglish).toBe(next + 1)
  })

  it('runs a note longer than a page on over the next rectos', () => {
    const all = pages(file).map(squash)
    const pagesWithNote = all.flatMap((text, index) =>
      text.includes('Notesentence') ? [index] : []
    )
    expect(pagesWithNote.length).toBeGreaterThanOrEqual(2)
    for (const page of pagesWithNote) expect(page % 2).toBe(0)
    for (let index = 1; index <= 90; index++)
      expect(
        all.some((text) => text.includes(`Notesentence${index}runs`)),
        `note sentence ${index}`
      ).toBe(true)
  })

  it('shows a missing translation as such, opposite its original', () => {
    const all = pages(file).map(squash)
    const untranslated = all.findIndex((text) => text.includes('Аударылмағанабзац'))
    const last = all.findIndex((text) => text.includes('Соңғыабзац'))
    expect(untranslated % 2).toBe(1)
    expect(last % 2).toBe(1)
    expect(all[untranslated + 1]).toMatch(/not|translat/i)
    expect(Number(info(file)['Pages']) % 2).toBe(0)
  })
})
