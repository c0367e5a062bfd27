/**
 * The real content: both works check clean, and what issue 3 promises of them holds.
 */
import {readFile} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {
  alignmentsOf,
  formatMessage,
  headingsOf,
  works,
  type Note,
  type Root,
  type Work
} from '../../packages/core/src/index.js'
import {readContent} from '../../packages/core/src/fs.js'

const content = new URL('../../content/', import.meta.url)
const {tree, messages} = await readContent(content.pathname)

function work(id: string): Work {
  const found = works(tree).find((item) => item.id === id)
  if (!found) throw new Error(`no work ${id}`)
  return found
}

function notes(item: Work, lang: string): Note[] {
  return (
    (item.children.find((child) => child.type === 'noteList' && child.lang === lang)
      ?.children as Note[]) ?? []
  )
}

function count(node: unknown, type: string): number {
  if (!node || typeof node !== 'object') return 0
  const self = (node as {type?: string}).type === type ? 1 : 0
  const children = (node as {children?: unknown[]}).children ?? []
  return self + children.reduce<number>((sum, child) => sum + count(child, type), 0)
}

describe('content/', () => {
  it('checks with no errors and no warnings', () => {
    expect(messages.map(formatMessage)).toEqual([])
    expect(works(tree).map((item) => item.id)).toEqual(['harmonious-world', 'world-dream'])
  })

  it('has a glossary of terms and at least 30 people and organisations, each with a note in Kazakh and English', () => {
    const glossary = (tree as Root).children.find((child) => child.type === 'glossary')
    const entries = glossary?.type === 'glossary' ? glossary.children : []
    expect(
      entries.filter((entry) => entry.entryKind === 'person' || entry.entryKind === 'organisation')
        .length
    ).toBeGreaterThanOrEqual(30)
    for (const id of ['harmonious-world', 'peaceful-development', 'soft-power'])
      expect(entries.map((entry) => entry.identifier)).toContain(id)
    for (const entry of entries) {
      expect(entry.note['en'], entry.identifier).toBeTruthy()
      expect(entry.note['kk'], entry.identifier).toBeTruthy()
    }
  })
})

describe('the Kazakh article and its translation', () => {
  const article = work('harmonious-world')

  it('pairs every Kazakh paragraph with an English one, in order', () => {
    const alignments = alignmentsOf(article)
    expect(alignments.filter((alignment) => alignment.blockType === 'paragraph')).toHaveLength(21)
    for (const alignment of alignments) {
      expect(alignment.children.map((segment) => `${segment.lang}:${segment.status}`)).toEqual([
        'kk:present',
        'en:present'
      ])
      expect(alignment.children[0]?.children[0]?.type).toBe(
        alignment.children[1]?.children[0]?.type
      )
    }
  })

  it('keeps the citation markers [1]–[9] (no [5]) in the same paragraphs on both sides', async () => {
    const markers = (segment: unknown): string[] => JSON.stringify(segment).match(/\[(\d)\]/g) ?? []
    for (const alignment of alignmentsOf(article)) {
      expect(markers(alignment.children[1]), alignment.id).toEqual(markers(alignment.children[0]))
    }
    const kk = await readFile(new URL('harmonious-world/kk.md', content), 'utf8')
    const body = kk
      .split('\n')
      .filter((line) => !line.startsWith('[^'))
      .join('\n')
    expect(body).not.toContain('[5]')
    for (const n of [1, 2, 3, 4, 6, 7, 8, 9]) expect(body).toContain(`[${n}]`)
  })

  it("tells the reader, in twin editor's notes, that [5] is missing and how the Roman numerals were written", () => {
    for (const lang of ['kk', 'en']) {
      const editors = notes(article, lang).filter((note) => note.kind === 'editor')
      expect(
        editors.map((note) => note.label),
        lang
      ).toEqual(['ed-numerals', 'ed-5'])
      expect(JSON.stringify(editors[1]), lang).toContain('[5]')
      expect(JSON.stringify(editors[0]), lang).toMatch(/XVI/)
    }
  })

  it('has no Latin schwa left in the Kazakh, and marks what the source lost', async () => {
    const kk = await readFile(new URL('harmonious-world/kk.md', content), 'utf8')
    expect(kk).not.toMatch(/[əƏ]/)
    expect(count(article, 'gap')).toBe(4)
  })

  it('says the translation was made for this edition, and the title is editorial', () => {
    expect(article.meta.translation?.madeForThisEdition).toBe(true)
    expect(article.meta.titleIsEditorial).toBe(true)
    expect(article.meta.authors).toEqual([])
    expect(article.meta.authorNote?.['en']).toMatch(/not named/i)
  })
})

describe('the CIIS report', () => {
  const report = work('world-dream')

  it('is one language with 67 headings of the report and the editorial note', () => {
    expect(report.languages).toEqual(['en'])
    const headings = headingsOf(report)
    expect(headings).toHaveLength(68)
    expect(headings.at(-1)?.text['en']).toBe('Editorial note')
  })

  it('has 138 note calls, 137 note texts and one marked gap (note 101)', () => {
    const list = notes(report, 'en').filter((note) => note.kind === 'author')
    expect(list).toHaveLength(138)
    expect(list.map((note) => note.number)).toEqual(
      Array.from({length: 138}, (_, index) => index + 1)
    )
    expect(count(report, 'noteReference')).toBe(138)
    const gaps = list.filter((note) => count(note, 'inlineGap') > 0)
    expect(gaps.map((note) => note.label)).toEqual(['101'])
    for (const note of list) expect(note.calls, note.label ?? '').toHaveLength(1)
  })

  it('keeps the Chinese citations, tagged as Chinese', () => {
    const json = JSON.stringify(report)
    expect(json).toContain('习近平')
    expect(count(report, 'langRun')).toBeGreaterThan(150)
  })
})
