/**
 * End to end: the typography a reader sees in every edition of the real content,
 * built with the `diglot` command: no straight quote or typewriter dash in running
 * text (HTML, EPUB, PDF text layer), no-break characters where a break misleads.
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

  it('keeps initials with their names and Kazakh suffixes with their numbers in every edition', async () => {
    const html = visibleText(await readFile(path.join(outDir, 'harmonious-world', 'index.html'), 'utf8'))
    expect(html).toContain('R.\u00A0Robertson')
    expect(html).toContain('15\u2011жұлдызында')
    expect(html).toMatch(/ҚХР\u2011дың/)
    const zip = await JSZip.loadAsync(await readFile(path.join(outDir, 'harmonious-world.epub')))
    const chapters = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.xhtml')).map((name) => zip.file(name)!.async('string')))
    expect(chapters.join('')).toContain('15\u2011жұлдызында')
  })
})
