/**
 * End to end: every edition of the real content, built once with the `diglot`
 * command, read as a reader sees it: the typography (no straight quote or
 * typewriter dash in running text of the HTML, the EPUB and the PDF text layer;
 * no-break characters where a break misleads; hyphenation, names, headings and
 * page markers in print), and one apparatus (the glossary and the index of names
 * have the same groups, entries and order in every edition).
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import JSZip from 'jszip'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {
  bodyLines,
  endsAtSoftHyphen,
  endsHyphenated,
  printLines,
  styledLines,
  type StyledLine
} from './print-lines.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)
const works = ['harmonious-world', 'world-dream']
let outDir = ''

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'diglot-typography-'))
  await run(
    process.execPath,
    [
      path.join(repo, 'packages/cli/dist/bin.js'),
      'build',
      path.join(repo, 'content'),
      '--out',
      outDir
    ],
    {
      env: {...process.env, SOURCE_DATE_EPOCH: '1700000000'},
      maxBuffer: 64 * 1024 * 1024
    }
  )
}, 300_000)

/** The text a reader sees in an HTML or XHTML page (no scripts, styles, tags or attributes). */
function visibleText(markup: string): string {
  return markup
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(
      /<\/?(?:p|div|li|ul|ol|h[1-6]|section|aside|nav|header|footer|td|th|tr|table|br|hr|dt|dd|dl|blockquote)\b[^>]*>/gi,
      ' '
    )
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16))
    )
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Straight quotes and typewriter dashes in running text, URLs and addresses left out, with context. */
function typewriterMarks(text: string): string[] {
  const prose = text.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
  const found: string[] = []
  for (const match of prose.matchAll(/["']|(?<=\s)-(?=\s)|--/g)) {
    found.push(prose.slice(Math.max(0, match.index - 20), match.index + 20).replace(/\s+/g, ' '))
  }
  return found
}

describe('typography of every edition', () => {
  it('has no straight quote or spaced hyphen in the HTML edition', async () => {
    for (const work of works) {
      const page = await readFile(path.join(outDir, work, 'index.html'), 'utf8')
      expect(typewriterMarks(visibleText(page)), work).toEqual([])
      expect(visibleText(page)).toMatch(/[“”’]/)
    }
    const glossary = await readFile(path.join(outDir, 'glossary', 'index.html'), 'utf8')
    expect(typewriterMarks(visibleText(glossary))).toEqual([])
  })

  it('has no straight quote or spaced hyphen in the EPUB text', async () => {
    for (const work of works) {
      const zip = await JSZip.loadAsync(await readFile(path.join(outDir, `${work}.epub`)))
      const pages = Object.keys(zip.files).filter((name) => name.endsWith('.xhtml'))
      expect(pages.length).toBeGreaterThan(2)
      for (const name of pages) {
        const text = visibleText(await zip.file(name)!.async('string'))
        expect(typewriterMarks(text), `${work}.epub ${name}`).toEqual([])
      }
    }
  })

  it('has no straight quote or spaced hyphen in the PDF text layer', async () => {
    const pdfs = (await readdir(outDir)).filter((name) => name.endsWith('.pdf'))
    expect(pdfs.sort()).toEqual(works.map((work) => `${work}.pdf`))
    for (const name of pdfs) {
      const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', path.join(outDir, name), '-'], {
        maxBuffer: 64 * 1024 * 1024
      })
      expect(typewriterMarks(stdout), name).toEqual([])
      expect(stdout).toMatch(/“[^”]+”/)
    }
  })

  it('keeps a number or an abbreviation with its suffix in every edition (15-жұлдызында, ҚХР-дың)', async () => {
    // What the `nobreak` spans hold (the abbreviation may be a glossary link or span inside).
    const kept = (markup: string): string[] =>
      [
        ...markup.matchAll(
          /<span class="nobreak">((?:<(?:a|span)\b[^>]*>[^<]*<\/(?:a|span)>)?[^<]*)<\/span>/g
        )
      ].map((match) => visibleText(match[1] ?? ''))
    const page = kept(await readFile(path.join(outDir, 'harmonious-world', 'index.html'), 'utf8'))
    for (const word of ['15-жұлдызында', 'ҚХР-дың', 'АҚШ-тың', 'КСРО-ға'])
      expect(page, word).toContain(word)
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => zip.file(name)!.async('string'))
    )
    expect(kept(chapters.join(''))).toContain('ҚХР-дың')
    // In print no line ends between the number or the abbreviation and its suffix.
    const lines = printLines(path.join(outDir, 'harmonious-world.pdf'))
    const split = lines
      .filter((line) => /(?:^|\s)(?:\d+|\p{Lu}{2,})-$/u.test(line.text))
      .map((line) => `p. ${line.page}: ${line.text.slice(-30)}`)
    expect(split).toEqual([])
  })

  it('keeps initials with their names in every edition', async () => {
    const html = visibleText(
      await readFile(path.join(outDir, 'harmonious-world', 'index.html'), 'utf8')
    )
    expect(html).toContain('R.\u00A0Robertson')
    expect(html).toContain('Л.\u00A0Гумилев')
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const chapters = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.endsWith('.xhtml'))
        .map((name) => zip.file(name)!.async('string'))
    )
    expect(visibleText(chapters.join(''))).toContain('R.\u00A0Robertson')
  })
})

/** Entry ids in document order of the elements whose id starts with `prefix` inside `markup`. */
function idsIn(markup: string, pattern: RegExp): string[] {
  return [...markup.matchAll(pattern)].map((match) => match[1] ?? '')
}

/** The part of a page between the element with id `from` and the next element with id `until` (or the end). */
function section(markup: string, from: string, until?: string): string {
  const start = markup.indexOf(`id="${from}"`)
  const end = until ? markup.indexOf(`id="${until}"`, start) : -1
  return markup.slice(start, end >= 0 ? end : undefined)
}

/** Letters only: the PDF text layer breaks lines and words where it will. */
const letters = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase()

describe('the glossary and the index of names', () => {
  it('have the same groups, entries and order in the HTML, EPUB and PDF editions of each work', async () => {
    const page = await readFile(path.join(outDir, 'glossary', 'index.html'), 'utf8')
    const html = {
      glossary: idsIn(
        section(page, 'glossary', 'names'),
        /<article class="entry[^"]*" id="([^"]+)"/g
      ),
      names: idsIn(section(page, 'names'), /<article class="entry[^"]*" id="([^"]+)"/g)
    }
    const headword = new Map(
      [...page.matchAll(/<h3 id="([^"]+)-name">(.*?)<span class="entry-kind">/g)].map((match) => [
        match[1] ?? '',
        visibleText(match[2] ?? '').trim()
      ])
    )
    expect(html.glossary.length).toBeGreaterThan(20)
    expect(html.names.length).toBeGreaterThan(20)
    for (const work of works) {
      const zip = await JSZip.loadAsync(await readFile(path.join(outDir, `${work}.epub`)))
      const read = async (name: string): Promise<string> =>
        (await zip.file(`OEBPS/${name}`)?.async('string')) ?? ''
      const epub = {
        glossary: idsIn(await read('glossary.xhtml'), /<dt id="glossary-([^"]+)"/g),
        names: idsIn(await read('index.xhtml'), /<li id="index-([^"]+)"/g)
      }
      // The web glossary holds every work's entries; a book, those its work references, in the same order.
      for (const group of ['glossary', 'names'] as const) {
        const inBook = new Set(epub[group])
        expect(epub[group].length, `${work} ${group}`).toBeGreaterThan(3)
        expect(
          html[group].filter((id) => inBook.has(id)),
          `${work} ${group}: HTML against EPUB`
        ).toEqual(epub[group])
      }
      const {stdout} = await run(
        'pdftotext',
        ['-enc', 'UTF-8', path.join(outDir, `${work}.pdf`), '-'],
        {maxBuffer: 64 * 1024 * 1024}
      )
      const text = letters(stdout.replaceAll('\u00AD', ''))
      // The back matter: the contents list "Glossary" and "Index of names" first; the next
      // "Glossary" is the back matter's (its first running head or heading), then its index.
      const contentsEnd = text.indexOf(letters('Index of names')) + 1
      let cursor = text.indexOf(letters('Glossary'), contentsEnd)
      const indexStart = text.indexOf(letters('Index of names'), cursor)
      expect(cursor, `${work}.pdf has a glossary`).toBeGreaterThan(0)
      expect(indexStart, `${work}.pdf has an index of names`).toBeGreaterThan(cursor)
      for (const group of ['glossary', 'names'] as const) {
        if (group === 'names') cursor = indexStart
        const missing: string[] = []
        for (const id of epub[group]) {
          const word = letters(headword.get(id) ?? id)
          const at = text.indexOf(word, cursor)
          if (at < 0) missing.push(`${id} (${headword.get(id)})`)
          else cursor = at + word.length
        }
        expect(missing, `${work}.pdf ${group}: entries missing or out of order`).toEqual([])
      }
    }
  })

  it('lists Western names surname first and sorts them so: “Obama, Barack” in the report', async () => {
    const page = await readFile(path.join(outDir, 'glossary', 'index.html'), 'utf8')
    expect(visibleText(section(page, 'names'))).toContain('Obama, Barack')
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'world-dream.epub')))
    expect(visibleText((await zip.file('OEBPS/index.xhtml')?.async('string')) ?? '')).toContain(
      'Obama, Barack'
    )
    const {stdout} = await run(
      'pdftotext',
      ['-enc', 'UTF-8', path.join(outDir, 'world-dream.pdf'), '-'],
      {maxBuffer: 64 * 1024 * 1024}
    )
    expect(stdout.replaceAll('\u00AD', '')).toMatch(/Obama,\s+Barack/)
  })
})

describe('the title pages', () => {
  it('give the date in words and contributor lines in sentence case in every edition', async () => {
    const html = visibleText(await readFile(path.join(outDir, 'world-dream', 'index.html'), 'utf8'))
    expect(html).toContain('December 2013')
    const epub = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const pages = (
      await Promise.all(
        Object.keys(epub.files)
          .filter((name) => name.endsWith('.xhtml'))
          .map((name) => epub.file(name)!.async('string'))
      )
    )
      .map(visibleText)
      .join('\n')
    expect(pages).toContain('Translated into English by the editors of this edition')
    const report = await JSZip.loadAsync(await readFile(path.join(outDir, 'world-dream.epub')))
    expect(
      visibleText((await report.file('OEBPS/imprint.xhtml')?.async('string')) ?? '')
    ).toContain('December 2013')
    for (const [work, expected] of [
      ['harmonious-world', 'Translated into English by the editors of this edition'],
      ['world-dream', 'December 2013']
    ] as const) {
      const {stdout} = await run('pdftotext', [
        '-f',
        '1',
        '-l',
        '6',
        '-enc',
        'UTF-8',
        path.join(outDir, `${work}.pdf`),
        '-'
      ])
      expect(stdout.replace(/\s+/g, ' '), work).toContain(expected)
      expect(stdout).not.toMatch(/\b\d{4}-\d{2}\b/)
    }
  })
})

describe('the print edition’s lines', () => {
  it('hyphenates at most 15 % of the line ends of running text, never more than two in a row', () => {
    for (const work of works) {
      const lines = bodyLines(printLines(path.join(outDir, `${work}.pdf`)))
      let hyphenated = 0
      let run = 0
      const runs: string[] = []
      lines.forEach((line, index) => {
        const previous = lines[index - 1]
        if (!previous || previous.page !== line.page || previous.block !== line.block) run = 0
        if (!endsHyphenated(line)) {
          run = 0
          return
        }
        hyphenated++
        if (++run > 2) runs.push(`p. ${line.page}: ${line.text.slice(-30)}`)
      })
      expect(lines.length, work).toBeGreaterThan(500)
      expect(
        hyphenated / lines.length,
        `${work}: ${hyphenated} of ${lines.length} line ends hyphenated`
      ).toBeLessThanOrEqual(0.15)
      expect(hyphenated, `${work} hyphenates some words`).toBeGreaterThan(10)
      expect(runs, `${work}: runs of three hyphenated lines`).toEqual([])
    }
  })

  it('breaks no glossary name across lines, at a hyphen or between its words', async () => {
    const glossary = parseYaml(
      await readFile(path.join(repo, 'content/glossary.yaml'), 'utf8')
    ) as {entries: Array<{kind: string; forms: Record<string, string[]>}>}
    const names = glossary.entries
      .filter((entry) => entry.kind !== 'term')
      .flatMap((entry) => Object.values(entry.forms).flat())
    // The capitalised words of names (case matters: “cooperation” in running text is no name).
    const nameWords = new Set(
      names
        .flatMap((name) => name.split(/\s+/))
        .filter((word) => word.length >= 6 && /^\p{Lu}\p{Ll}/u.test(word))
    )
    // Short persons' names are kept on one line (a longer one may break between its words: see docs/decisions.md).
    const persons = glossary.entries
      .filter((entry) => entry.kind === 'person')
      .flatMap((entry) => Object.values(entry.forms).flat())
      .filter((name) => /\s/.test(name))
    for (const work of works) {
      const lines = bodyLines(printLines(path.join(outDir, `${work}.pdf`)))
      const broken: string[] = []
      lines.forEach((line, index) => {
        const next = lines[index + 1]
        if (!next || next.page !== line.page) return
        const first = next.text.split(' ')[0] ?? ''
        if (endsAtSoftHyphen(line)) {
          // The word broken at the line end, put back together (a Kazakh name may carry a suffix).
          const word = `${line.text
            .split(' ')
            .at(-1)!
            .replace(/\u00AD?[-\u00AD\u2010]$/u, '')}${first}`.replace(
            /^[^\p{L}]+|[^\p{L}]+$/gu,
            ''
          )
          if (
            [...nameWords].some(
              (name) => word === name || (word.startsWith(name) && /[а-яәіңғүұқөһ]/.test(word))
            )
          )
            broken.push(`p. ${line.page}: ${word}`)
        }
        for (const person of persons) {
          const words = person.split(/\s+/)
          for (let cut = 1; cut < words.length; cut++) {
            if (
              !line.text.endsWith(` ${words.slice(0, cut).join(' ')}`) ||
              !next.text.startsWith(words.slice(cut).join(' '))
            )
              continue
            // The name as it stands, with its case ending: 12 characters or fewer never break.
            const written = `${words.slice(0, cut).join(' ')} ${next.text
              .split(' ')
              .slice(0, words.length - cut)
              .join(' ')}`.replace(/[^\p{L}]+$/u, '')
            if ([...written].length <= 12) broken.push(`p. ${line.page}: ${written}`)
          }
        }
      })
      expect(broken, work).toEqual([])
    }
  })

  it('never ends a page with a heading', () => {
    for (const work of works) {
      const lines = styledLines(path.join(outDir, `${work}.pdf`))
      const lastOnPage = new Map<number, StyledLine>()
      // Running text and headings only (notes, running heads, folios and margin numbers are smaller).
      for (const line of lines)
        if (
          line.size >= 8.5 &&
          line.text.trim() !== '' &&
          (lastOnPage.get(line.page)?.top ?? -1) < line.top
        )
          lastOnPage.set(line.page, line)
      const headings = lines.filter((line) => line.bold > 0.8 && line.size >= 9)
      expect(headings.length, `${work} has bold headings`).toBeGreaterThan(5)
      // (The contents and the back matter's titles are not headings of the text: a page of them may end with one.)
      const stranded = [...lastOnPage.values()]
        .filter(
          (line) =>
            line.bold > 0.8 && !/^(Contents|Glossary|Index of names)$/.test(line.text.trim())
        )
        .map((line) => `p. ${line.page}: ${line.text}`)
      expect(stranded, work).toEqual([])
    }
  })

  it('sets the source page markers between words and outside headings, in every edition', async () => {
    const {stdout} = await run(
      'pdftotext',
      ['-enc', 'UTF-8', path.join(outDir, 'world-dream.pdf'), '-'],
      {maxBuffer: 64 * 1024 * 1024}
    )
    expect(stdout).toContain(' | ')
    expect(stdout.match(/\p{L}\||\|\p{L}/gu) ?? []).toEqual([])
    const headingLines = styledLines(path.join(outDir, 'world-dream.pdf')).filter(
      (line) => line.bold > 0.8
    )
    expect(headingLines.filter((line) => /\|/.test(line.text)).map((line) => line.text)).toEqual([])
    for (const work of works) {
      const page = await readFile(path.join(outDir, work, 'index.html'), 'utf8')
      const headings = [...page.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g)].map(
        (match) => match[2] ?? ''
      )
      expect(
        headings.filter((heading) => heading.includes('class="pb')),
        `${work}: a marker inside a heading`
      ).toEqual([])
      expect(
        visibleText(page).match(/\[p\. \d+\]\p{L}|\p{L}\[p\. \d+\]/gu) ?? [],
        `${work}: a marker glued to a word`
      ).toEqual([])
    }
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'world-dream.epub')))
    for (const name of Object.keys(zip.files).filter((file) => file.endsWith('.xhtml'))) {
      const markup = await zip.file(name)!.async('string')
      const headings = [...markup.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g)].map(
        (match) => match[2] ?? ''
      )
      expect(
        headings.filter((heading) => heading.includes('pagebreak')),
        name
      ).toEqual([])
    }
  })
})
