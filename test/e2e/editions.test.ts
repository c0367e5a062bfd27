/**
 * End to end: every edition of the real content, built once with the `diglot`
 * command, read as a reader sees it: the typography (no straight quote or
 * typewriter dash in running text of the HTML, the EPUB and the PDF text layer;
 * no-break characters where a break misleads), and one apparatus (the glossary
 * and the index of names have the same groups, entries and order in every edition).
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import JSZip from 'jszip'
import {beforeAll, describe, expect, it} from 'vitest'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)
const works = ['harmonious-world', 'world-dream']
let outDir = ''

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'diglot-typography-'))
  await run(process.execPath, [path.join(repo, 'packages/cli/dist/bin.js'), 'build', path.join(repo, 'content'), '--out', outDir], {
    env: {...process.env, SOURCE_DATE_EPOCH: '1700000000'},
    maxBuffer: 64 * 1024 * 1024
  })
}, 300_000)

/** The text a reader sees in an HTML or XHTML page (no scripts, styles, tags or attributes). */
function visibleText(markup: string): string {
  return markup
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|section|aside|nav|header|footer|td|th|tr|table|br|hr|dt|dd|dl|blockquote)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
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
      const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', path.join(outDir, name), '-'], {maxBuffer: 64 * 1024 * 1024})
      expect(typewriterMarks(stdout), name).toEqual([])
      expect(stdout).toMatch(/“[^”]+”/)
    }
  })

  it('keeps initials with their names in every edition', async () => {
    const html = visibleText(await readFile(path.join(outDir, 'harmonious-world', 'index.html'), 'utf8'))
    expect(html).toContain('R.\u00A0Robertson')
    expect(html).toContain('Л.\u00A0Гумилев')
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const chapters = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.xhtml')).map((name) => zip.file(name)!.async('string')))
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
const letters = (text: string): string => text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase()

describe('the glossary and the index of names', () => {
  it('have the same groups, entries and order in the HTML, EPUB and PDF editions of each work', async () => {
    const page = await readFile(path.join(outDir, 'glossary', 'index.html'), 'utf8')
    const html = {
      glossary: idsIn(section(page, 'glossary', 'names'), /<article class="entry[^"]*" id="([^"]+)"/g),
      names: idsIn(section(page, 'names'), /<article class="entry[^"]*" id="([^"]+)"/g)
    }
    const headword = new Map([...page.matchAll(/<h3 id="([^"]+)-name">(.*?)<span class="entry-kind">/g)].map((match) => [match[1] ?? '', visibleText(match[2] ?? '').trim()]))
    expect(html.glossary.length).toBeGreaterThan(20)
    expect(html.names.length).toBeGreaterThan(20)
    for (const work of works) {
      const zip = await JSZip.loadAsync(await readFile(path.join(outDir, `${work}.epub`)))
      const read = async (name: string): Promise<string> => (await zip.file(`OEBPS/${name}`)?.async('string')) ?? ''
      const epub = {
        glossary: idsIn(await read('glossary.xhtml'), /<dt id="glossary-([^"]+)"/g),
        names: idsIn(await read('index.xhtml'), /<li id="index-([^"]+)"/g)
      }
      // The web glossary holds every work's entries; a book, those its work references, in the same order.
      for (const group of ['glossary', 'names'] as const) {
        const inBook = new Set(epub[group])
        expect(epub[group].length, `${work} ${group}`).toBeGreaterThan(3)
        expect(html[group].filter((id) => inBook.has(id)), `${work} ${group}: HTML against EPUB`).toEqual(epub[group])
      }
      const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', path.join(outDir, `${work}.pdf`), '-'], {maxBuffer: 64 * 1024 * 1024})
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
    expect(visibleText((await zip.file('OEBPS/index.xhtml')?.async('string')) ?? '')).toContain('Obama, Barack')
    const {stdout} = await run('pdftotext', ['-enc', 'UTF-8', path.join(outDir, 'world-dream.pdf'), '-'], {maxBuffer: 64 * 1024 * 1024})
    expect(stdout.replaceAll('\u00AD', '')).toMatch(/Obama,\s+Barack/)
  })
})

describe('the title pages', () => {
  it('give the date in words and contributor lines in sentence case in every edition', async () => {
    const html = visibleText(await readFile(path.join(outDir, 'world-dream', 'index.html'), 'utf8'))
    expect(html).toContain('December 2013')
    const epub = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const pages = (await Promise.all(Object.keys(epub.files).filter((name) => name.endsWith('.xhtml')).map((name) => epub.file(name)!.async('string')))).map(visibleText).join('\n')
    expect(pages).toContain('Translated into English by the editors of this edition')
    const report = await JSZip.loadAsync(await readFile(path.join(outDir, 'world-dream.epub')))
    expect(visibleText((await report.file('OEBPS/imprint.xhtml')?.async('string')) ?? '')).toContain('December 2013')
    for (const [work, expected] of [['harmonious-world', 'Translated into English by the editors of this edition'], ['world-dream', 'December 2013']] as const) {
      const {stdout} = await run('pdftotext', ['-f', '1', '-l', '6', '-enc', 'UTF-8', path.join(outDir, `${work}.pdf`), '-'])
      expect(stdout.replace(/\s+/g, ' '), work).toContain(expected)
      expect(stdout).not.toMatch(/\b\d{4}-\d{2}\b/)
    }
  })
})
