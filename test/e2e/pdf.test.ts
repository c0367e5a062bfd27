/**
 * End to end: build the PDF of every work in content/ into a temp dir and
 * read it back with poppler and mupdf as a printer and a reader would.
 */
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {
  alignmentsOf,
  headingsOf,
  readContent,
  works,
  type Root,
  type Work
} from '../../packages/pdf/test/core.js'
import {buildPdfEdition} from '../../packages/pdf/src/index.js'
import {facingTests, pageWith, plain} from './facing-checks.js'
import {
  folios,
  fonts,
  info,
  noteWidows,
  outline,
  pageFills,
  pages,
  run,
  squash
} from '../../packages/pdf/test/poppler.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const epoch = 1_700_000_000
let tree: Root
let outDir: string
let messages: string[]

beforeAll(async () => {
  const read = await readContent(path.join(repo, 'content'))
  tree = read.tree
  outDir = await mkdtemp(path.join(tmpdir(), 'diglot-pdf-e2e-'))
  // Both works at once (two browser pages), as on a machine with two cores or more.
  const result = await buildPdfEdition(
    tree,
    {
      outDir,
      templatesDir: path.join(repo, 'templates'),
      sourceDateEpoch: epoch,
      progress: () => {}
    },
    2
  )
  expect(result.files.sort()).toEqual(
    works(tree)
      .map((work) => `${work.id}.pdf`)
      .sort()
  )
  messages = result.messages.map((message) => `${message.reason} [${message.ruleId}]`)
}, 300_000)

/** The text just before each note call of a work, by note id. */
function callContexts(work: Work): Map<string, string> {
  const result = new Map<string, string>()
  const walk = (node: unknown, before: {text: string}): void => {
    const value = node as {type: string; value?: string; noteId?: string; children?: unknown[]}
    if (value.type === 'noteReference' && value.noteId) {
      if (!result.has(value.noteId)) result.set(value.noteId, before.text)
      return
    }
    if (value.type === 'pageMarker') {
      before.text = ''
      return
    }
    if (typeof value.value === 'string') before.text = squash(before.text + value.value).slice(-14)
    for (const child of value.children ?? []) walk(child, before)
  }
  for (const alignment of alignmentsOf(work))
    for (const segment of alignment.children) walk(segment, {text: ''})
  return result
}

/** The index of the text's first page (folio 1, printed or not: on facing pages it is the part title). */
function firstTextPage(pageFolios: string[]): number {
  const first = pageFolios.findIndex((folio) => /^\d+$/.test(folio))
  return first < 0 ? -1 : first - (Number(pageFolios[first]) - 1)
}

describe('pdf edition of content/', () => {
  it('reports no overflowing line and no missing glyph', () => {
    expect(messages).toEqual([])
  })

  for (const id of ['harmonious-world', 'world-dream']) {
    describe(id, () => {
      const file = (): string => path.join(outDir, `${id}.pdf`)
      const work = (): Work => works(tree).find((candidate) => candidate.id === id)!

      it('embeds every font as a subset, none as Type 3', () => {
        const list = fonts(file())
        expect(list.length).toBeGreaterThan(0)
        for (const font of list) {
          expect(font.type, font.name).not.toMatch(/Type 3/)
          expect(font.embedded, font.name).toBe(true)
          expect(font.subset, font.name).toBe(true)
          expect(font.name).toMatch(/NotoSerif/)
          // No light or hairline face for any text; Chinese only in its Regular, upright face.
          expect(font.name).not.toMatch(/Light|Thin|Hairline/)
          if (/SerifSC/.test(font.name))
            expect(font.name, 'the Chinese face').toMatch(/\+NotoSerifSC-Regular$/)
        }
        expect(
          list.some((font) => /SerifSC/.test(font.name)),
          'Chinese runs are set in Noto Serif SC'
        ).toBe(true)
      })

      it('has the configured trim size, metadata and tags', () => {
        const fields = info(file())
        const [width, height] = (fields['Page size'] ?? '').split(/\s+x\s+|\s+pts/).map(Number)
        const trim = work().meta.print.trim
        const expected = trim === 'A5' ? [419.53, 595.28] : [432, 648]
        expect(Math.abs((width ?? 0) - expected[0]!)).toBeLessThan(1.5)
        expect(Math.abs((height ?? 0) - expected[1]!)).toBeLessThan(1.5)
        expect(fields['Title']).toContain(Object.values(work().meta.title)[0]!.slice(0, 10))
        // The work's authors, or none (never the toolchain).
        const authors = work().meta.authors.map(
          (person) => person.name['en'] ?? Object.values(person.name)[0]
        )
        expect(fields['Author']).toBe(authors.length > 0 ? authors.join(', ') : undefined)
        expect(fields['Tagged']).toBe('yes')
        expect(fields['CreationDate']).toMatch(/2023/)
      })

      it('puts every heading on the page its TOC entry names', () => {
        const texts = pages(file())
        const pageFolios = folios(file())
        const headings = headingsOf(work()).filter((heading) => heading.depth <= 3)
        const contents = texts.findIndex((text) => /^\s*Contents\s*$/m.test(text))
        expect(contents).toBeGreaterThanOrEqual(0)
        // The contents pages, from "Contents" to the first page of the text (folio 1), read with -layout:
        // an entry's page number ends its last line.
        const firstBody = firstTextPage(pageFolios)
        const entries: Array<{text: string; number: string}> = []
        let pending = ''
        for (let page = contents; page < firstBody; page++) {
          for (const line of run('pdftotext', [
            '-layout',
            '-enc',
            'UTF-8',
            '-f',
            String(page + 1),
            '-l',
            String(page + 1),
            file(),
            '-'
          ]).split('\n')) {
            const numbered = /^(.*?)\s{2,}(\d+)\s*$/.exec(line)
            if (numbered) {
              entries.push({text: pending + squash(numbered[1]!), number: numbered[2]!})
              pending = ''
            } else if (line.trim() && !/^\s*([ivxlc]+|Contents)\s*$/.test(line))
              pending += squash(line)
          }
        }
        // (An entry's number is on its last line: no line is left without one.)
        expect(pending, 'a contents entry without its page number').toBe('')
        const lang = work().languages[1] ?? work().languages[0]!
        let searchFrom = firstBody
        let cursor = 0
        for (const heading of headings) {
          const text = heading.text[lang] ?? ''
          const index = entries.findIndex(
            (entry, at) => at >= cursor && entry.text.startsWith(squash(text).slice(0, 24))
          )
          expect(index, text).toBeGreaterThanOrEqual(0)
          cursor = index + 1
          const number = entries[index]!.number
          const page = pageFolios.indexOf(number, firstBody)
          expect(page, `${text} → ${number}`).toBeGreaterThanOrEqual(0)
          // (On facing pages, the number is the opening's verso; the translation's heading is on its recto.)
          const opening =
            work().meta.print.layout !== 'columns' && work().languages.length > 1
              ? (texts[page] ?? '') + (texts[page + 1] ?? '')
              : (texts[page] ?? '')
          expect(squash(opening), `${text} on page ${number}`).toContain(squash(text).slice(0, 20))
          searchFrom = page
        }
        expect(searchFrom).toBeGreaterThanOrEqual(firstBody)
      })

      it('sets each note on the page of its call', () => {
        const texts = pages(file())
        const contexts = callContexts(work())
        const failures: string[] = []
        let checked = 0
        for (const list of work().children) {
          if (list.type !== 'noteList') continue
          // Notes are numbered in the order of their calls: search each from the page of the one before.
          let from = 0
          let kind = ''
          for (const note of list.children) {
            // (The order is by kind, then number: an editor's note may be called before the last translator's note.)
            if (note.kind !== kind) from = 0
            kind = note.kind
            const opening = squash(plain({type: 'root', children: note.children})).slice(0, 40)
            const context = contexts.get(note.id)
            if (opening.length < 15 || !context || context.length < 6) continue
            const mark =
              note.kind === 'author'
                ? String(note.number)
                : `${note.kind === 'translator' ? 'T' : 'E'}${note.number}`
            // A note at the page foot begins with its mark.
            // (Translator's and editor's notes have their kind between the mark and the text.)
            const page =
              note.kind === 'author'
                ? pageWith(texts, mark + opening, from)
                : pageWith(texts, opening, from)
            if (page >= 0) from = page
            checked++
            if (page < 0) failures.push(`${note.id}: note text not found`)
            else {
              // The call is the note's mark right after its context (maybe after other calls: "…word102,103"),
              // or the first thing under the running head when the page breaks just before it.
              const escapeRegExp = (text: string): string =>
                text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              // (A paragraph number in the margin may come between the words of a line in the text layer.)
              const here = new RegExp(
                `${[...context].map(escapeRegExp).join('\\d{0,3}')}\\d{0,3}(?:[TE]?\\d+,?)*${escapeRegExp(mark)}`
              ).test(squash(texts[page]!))
              const body = squash(texts[page]!.split('\n').slice(1).join('\n'))
              // (The word before the call may be split across the break: "har-" | "mony".55".)
              const before = squash(texts[page - 1] ?? '')
              const split = Array.from({length: context.length}, (_, at) => at + 1).some(
                (at) =>
                  before.includes(context.slice(0, at)) &&
                  body.slice(0, 60).includes(context.slice(at) + mark)
              )
              const atTop =
                ((body.slice(0, 60).includes(mark) ||
                  texts[page]!.split('\n').some((line) => line.trim() === mark)) &&
                  before.includes(context)) ||
                split
              if (!here && !atTop) failures.push(`${note.id}: call not on page ${page + 1}`)
            }
          }
        }
        expect(checked).toBeGreaterThan(0)
        expect(failures).toEqual([])
      })

      it('loses no text at page breaks', () => {
        // Four-word windows of every block; a page break may interleave a window with the running head
        // or notes, so only three missing windows in a row count as lost text.
        const all = squash(pages(file()).join('\n')).replace(/\d+/g, '')
        const lost: string[] = []
        for (const alignment of alignmentsOf(work())) {
          for (const segment of alignment.children) {
            const words = plain(segment).split(/\s+/).filter(Boolean)
            let missing = 0
            for (let index = 0; index + 4 <= words.length; index += 4) {
              const window = squash(words.slice(index, index + 4).join(' ')).replace(/\d+/g, '')
              if (window.length < 8 || all.includes(window)) missing = 0
              else if (++missing >= 3) lost.push(words.slice(index - 8, index + 4).join(' '))
            }
          }
        }
        expect(lost).toEqual([])
      })

      it('leaves no page of the text mostly empty except at a section end', () => {
        // A page is sparse when its body text covers less than a third of the text area and
        // its lines (notes included) less than two thirds. Allowed: the last page before a
        // heading, a blank page or the back matter (a section end).
        const fills = pageFills(file())
        const starts = headingsOf(work()).flatMap((heading) =>
          Object.values(heading.text).map((text) => squash(text).slice(0, 15))
        )
        const first = firstTextPage(fills.map((page) => page.folio))
        const back = fills.findIndex(
          (page, index) => index > first && /^(Glossary|Indexofnames)/.test(squash(page.first))
        )
        const end = back >= 0 ? back : fills.length
        const sparse: string[] = []
        // On facing pages, the next page of a side is two pages on (a verso's next is the next verso).
        const facing = work().languages.length > 1 && work().meta.print.layout !== 'columns'
        const step = facing ? 2 : 1
        for (let index = first; index < end - step; index++) {
          const page = fills[index]!
          const next = fills[index + step]!
          const sectionEnd =
            next.lines === 0 ||
            starts.some((start) => start && squash(next.first).startsWith(start))
          if (!sectionEnd && page.fill < 1 / 3 && page.used < 2 / 3)
            sparse.push(
              `page ${page.folio}: ${Math.round(page.fill * 100)}% text, ${Math.round(page.used * 100)}% used`
            )
        }
        expect(first).toBeGreaterThanOrEqual(0)
        expect(sparse).toEqual([])
      })

      it('carries at least two lines of a note cut at the foot to the next page', () => {
        // The text only: the glossary and index are set in the notes' type size.
        const fills = pageFills(file())
        const first = firstTextPage(fills.map((page) => page.folio))
        const back = fills.findIndex(
          (page, index) => index > first && /^(Glossary|Indexofnames)/.test(squash(page.first))
        )
        const end = back >= 0 ? back : fills.length
        expect(first).toBeGreaterThanOrEqual(0)
        expect(
          noteWidows(file()).filter((widow) => widow.page > first && widow.page <= end)
        ).toEqual([])
      })

      it('has bookmarks for the headings', () => {
        const items = outline(file())
        expect(items.some((line) => line.includes('"Contents"'))).toBe(true)
        // (On facing pages, one bookmark per heading pair: the translation's heading, as in the contents.)
        const first = headingsOf(work())[0]!
        expect(
          items.some((line) =>
            Object.values(first.text).some((text) =>
              line.replace(/\\"/g, '"').includes(text.slice(0, 12))
            )
          )
        ).toBe(true)
        expect(items.length).toBeGreaterThanOrEqual(headingsOf(work()).length)
      })
    })
  }

  describe('harmonious-world on facing pages', () => {
    facingTests(
      () => path.join(outDir, 'harmonious-world.pdf'),
      () => works(tree).find((candidate) => candidate.id === 'harmonious-world')!,
      21
    )
  })

  it('writes the same bytes for the same source, the works one after the other as in parallel', async () => {
    // (Both works: split notes once carried Paged.js's random ids into the named destinations.)
    // The first build ran the works in parallel (a browser page each); this one runs them one by one.
    const again = await mkdtemp(path.join(tmpdir(), 'diglot-pdf-e2e-again-'))
    await buildPdfEdition(
      tree,
      {
        outDir: again,
        templatesDir: path.join(repo, 'templates'),
        sourceDateEpoch: epoch,
        progress: () => {}
      },
      1
    )
    for (const id of ['harmonious-world', 'world-dream']) {
      const [a, b] = await Promise.all([
        readFile(path.join(outDir, `${id}.pdf`)),
        readFile(path.join(again, `${id}.pdf`))
      ])
      expect(a.equals(b), id).toBe(true)
    }
  }, 180_000)
})
