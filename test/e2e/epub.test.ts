/**
 * End to end: build the EPUB of every work in content/ (into temp dirs,
 * twice), then check it as a reader and the validators would.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import puppeteer from 'puppeteer'
import type {Alignment, Root, Work} from '@diglot/core'
import {epubEdition} from '../../packages/epub/src/index.js'
import {describeChar, glyphSet, noGlyphNeeded} from '../../packages/html/dist/index.js'
import {
  ace,
  aceBin,
  alignmentsOf,
  epubcheck,
  notesById,
  plainText,
  readContent,
  repo,
  tempDir,
  textNodes,
  unpack,
  words,
  works
} from '../../packages/epub/test/helpers.js'

let tree: Root
let first: string
let second: string
const epoch = 1_700_000_000

async function build(): Promise<string> {
  const outDir = await tempDir('diglot-epub-e2e-')
  const result = await epubEdition.build(tree, {
    outDir,
    templatesDir: path.join(repo, 'templates'),
    sourceDateEpoch: epoch,
    progress: () => {}
  })
  expect(result.files.sort()).toEqual(
    works(tree)
      .map((work) => `${work.id}.epub`)
      .sort()
  )
  return outDir
}

beforeAll(async () => {
  const read = await readContent(path.join(repo, 'content'))
  expect(read.messages.filter((message) => message.fatal).map(String)).toEqual([])
  tree = read.tree
  first = await build()
  second = await build()
}, 300_000)

/** Plain text of a segment's block, without the apparatus. */
function segmentText(node: unknown): string {
  const value = node as {type: string; value?: string; children?: unknown[]}
  if (value.type === 'noteReference' || value.type === 'pageMarker') return ' '
  if (typeof value.value === 'string') return value.value
  return (value.children ?? []).map(segmentText).join(' ')
}

describe('epub edition of content/', () => {
  it('builds byte-identical files twice', async () => {
    for (const work of works(tree)) {
      const a = await readFile(path.join(first, `${work.id}.epub`))
      const b = await readFile(path.join(second, `${work.id}.epub`))
      expect(a.equals(b), work.id).toBe(true)
    }
  })

  it('passes epubcheck with 0 errors and 0 warnings', async () => {
    for (const work of works(tree)) {
      const report = await epubcheck(path.join(first, `${work.id}.epub`))
      expect(report.messages, work.id).toEqual([])
      expect(report.errors + report.warnings + report.fatals).toBe(0)
    }
  })

  it('has mimetype first and stored, and fixed entry dates', async () => {
    for (const work of works(tree)) {
      const data = await readFile(path.join(first, `${work.id}.epub`))
      expect(data.subarray(30, 38).toString()).toBe('mimetype')
      expect(data.readUInt16LE(8)).toBe(0)
      const {zip} = await unpack(path.join(first, `${work.id}.epub`))
      for (const entry of Object.values(zip.files))
        expect(Math.abs(entry.date.getTime() - epoch * 1000)).toBeLessThan(2000)
    }
  })

  for (const id of ['harmonious-world', 'world-dream']) {
    describe(id, () => {
      let work: Work
      let text: Map<string, string>
      let names: string[]
      beforeAll(async () => {
        const found = works(tree).find((candidate) => candidate.id === id)
        if (!found) throw new Error(`no work ${id}`)
        work = found
        ;({text, names} = await unpack(path.join(first, `${id}.epub`)))
      })

      it('resolves every note call to a footnote in the same book, with a back link', () => {
        const notes = notesById(work)
        let calls = 0
        for (const [name, xhtml] of text) {
          if (!name.endsWith('.xhtml')) continue
          for (const match of xhtml.matchAll(
            /<a href="([^"#]*)#([^"]+)" id="([^"]+)"[^>]*epub:type="noteref"/g
          )) {
            calls += 1
            const file = match[1] ? `OEBPS/${match[1]}` : name
            const target = text.get(file) ?? ''
            expect(target, `${name} → ${match[1]}#${match[2]}`).toMatch(
              new RegExp(`<aside id="${match[2]}"[^>]*epub:type="footnote"`)
            )
            // The note links back to this call.
            const aside = target.slice(target.indexOf(`<aside id="${match[2]}"`))
            const back = file === name ? `#${match[3]}"` : `${path.basename(name)}#${match[3]}"`
            expect(aside.slice(0, aside.indexOf('</aside>'))).toContain(back)
          }
        }
        const expected = [...notes.values()].reduce((sum, note) => sum + note.calls.length, 0)
        expect(calls).toBe(expected)
        expect(calls).toBeGreaterThan(0)
      })

      it('resolves every internal link', () => {
        for (const [name, xhtml] of text) {
          if (!name.endsWith('.xhtml')) continue
          for (const match of xhtml.matchAll(/ href="([^"]+)"/g)) {
            const href = match[1] ?? ''
            if (/^[a-z]+:/.test(href) || href.endsWith('.css')) continue
            const [file, fragment] = href.split('#')
            const target = file ? `OEBPS/${file}` : name
            expect(names, `${name}: ${href}`).toContain(target)
            if (fragment) expect(text.get(target), `${name}: ${href}`).toContain(`id="${fragment}"`)
          }
        }
      })

      it('has every paragraph of every language, in order', () => {
        const chapters = [...text.keys()].filter((name) => /chapter-\d+\.xhtml$/.test(name)).sort()
        const all = chapters.map((name) => text.get(name) ?? '').join('\n')
        const alignments: Alignment[] = alignmentsOf(work)
        expect(alignments.length).toBeGreaterThan(0)
        let previous = -1
        for (const alignment of alignments) {
          const at = all.indexOf(`id="${alignment.id}"`)
          expect(at, alignment.id).toBeGreaterThan(previous)
          previous = at
          const rendered = words(plainText(all.slice(at, at + 200_000)))
          for (const segment of alignment.children) {
            if (segment.status !== 'present') continue
            const expected = words(segmentText(segment))
            // Every word of the source, in order (the apparatus may add words between).
            let position = 0
            for (const word of expected) {
              const found = rendered.indexOf(word, position)
              expect(found, `${alignment.id} (${segment.lang}): ${word}`).toBeGreaterThanOrEqual(0)
              position = found + 1
            }
          }
        }
      })

      it('tags every Chinese run zh-Hans', () => {
        let han = 0
        for (const [name, xhtml] of text) {
          if (!name.endsWith('.xhtml')) continue
          for (const node of textNodes(xhtml)) {
            if (!/\p{Script=Han}/u.test(node.text)) continue
            han += 1
            expect(node.lang, `${name}: ${node.text}`).toBe('zh-Hans')
          }
        }
        expect(han).toBeGreaterThan(0)
      })

      it('declares the metadata a library needs', () => {
        const opf = text.get('OEBPS/content.opf') ?? ''
        for (const language of work.languages)
          expect(opf).toContain(`<dc:language>${language}</dc:language>`)
        expect(opf).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>')
        expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:/)
        expect(opf).toContain('schema:accessibilitySummary')
        expect(opf).toContain('properties="cover-image"')
        expect(opf).toContain('<dc:rights>')
        expect(opf).toContain('<dc:source')
        expect(opf).toMatch(/property="role" scheme="marc:relators">trl</)
        // An author, or an explicit anonymous one; a series with its position; the page source whole.
        expect(opf).toMatch(
          /<dc:creator id="creator-1">[^<]+<\/dc:creator>\s*<meta refines="#creator-1" property="role" scheme="marc:relators">aut</
        )
        if (work.meta.authors.length === 0) expect(opf).toContain('>Anonymous</dc:creator>')
        if (work.meta.series)
          expect(opf).toMatch(/<meta refines="#series" property="group-position">\d+<\/meta>/)
        const pageSource = /<meta property="pageBreakSource">([^<]*)<\/meta>/.exec(opf)?.[1]
        if (pageSource !== undefined)
          expect(pageSource).toBe(
            work.meta.source.description
              .replace(/\s+/g, ' ')
              .trim()
              .replace(/&/g, '&amp;')
              .replace(/"/g, '&quot;')
          )
        // Every lang has its xml:lang, with the same value.
        for (const [name, xhtml] of text) {
          if (!name.endsWith('.xhtml')) continue
          for (const match of xhtml.matchAll(/<[a-z][^>]*>/g)) {
            const lang = / lang="([^"]*)"/.exec(match[0])?.[1]
            if (lang !== undefined)
              expect(
                / xml:lang="([^"]*)"/.exec(match[0])?.[1],
                `${name}: ${match[0].slice(0, 80)}`
              ).toBe(lang)
          }
          // Page breaks are named by their title, never by aria-label.
          expect(xhtml).not.toMatch(/role="doc-pagebreak"[^>]*aria-label/)
        }
        const nav = text.get('OEBPS/toc.xhtml') ?? ''
        expect(nav).toContain('epub:type="landmarks"')
        expect(nav).toMatch(/<ol>\s*<li>[\s\S]*<ol>/)
      })

      it('has a glyph in its embedded fonts for every character of its text (real glyph tables)', async () => {
        const {zip} = await unpack(path.join(first, `${id}.epub`))
        const css = text.get('OEBPS/style.css') ?? ''
        // Family → glyph sets of its files (every style), read from the fonts' cmap with fontkit.
        const families = new Map<string, Array<Set<number>>>()
        for (const block of css.split('@font-face').slice(1)) {
          const family = /font-family:\s*"([^"]+)"/.exec(block)?.[1]
          const file = /url\(([^)]+)\)/.exec(block)?.[1]
          if (!family || !file) continue
          const data = await zip.file(`OEBPS/${file}`)!.async('uint8array')
          families.set(family, [...(families.get(family) ?? []), glyphSet(data)])
        }
        expect(families.size).toBeGreaterThan(0)
        const stackOf = (selector: string): string[] => {
          const rule =
            new RegExp(
              `${selector.replace(/[()]/g, '\\$&')}\\s*\\{\\s*font-family:\\s*([^;]+);`
            ).exec(css)?.[1] ?? ''
          return [...rule.matchAll(/"([^"]+)"/g)].map((match) => match[1]!)
        }
        const stack = stackOf('html')
        const hanStack = stackOf(':lang(zh-Hans)')
        expect(stack.length).toBeGreaterThan(0)
        expect(hanStack.length).toBeGreaterThan(0)
        const uncovered = new Set<string>()
        let checked = 0
        for (const [name, xhtml] of text) {
          if (!name.endsWith('.xhtml')) continue
          for (const node of textNodes(xhtml)) {
            const families_ = node.lang.startsWith('zh') ? hanStack : stack
            for (const char of node.text) {
              if (noGlyphNeeded.test(char) || char === '\n') continue
              checked++
              const code = char.codePointAt(0)!
              // The first family of the stack with the character must have it in every one of its styles.
              const family = families_.find((candidate) =>
                (families.get(candidate) ?? []).some((glyphs) => glyphs.has(code))
              )
              if (!family) uncovered.add(`${describeChar(char)} in ${name}`)
              else if (!(families.get(family) ?? []).every((glyphs) => glyphs.has(code)))
                uncovered.add(`${describeChar(char)} lacks a style in ${family}`)
            }
          }
        }
        expect([...uncovered]).toEqual([])
        expect(checked).toBeGreaterThan(10_000)
        // The word space and the Kazakh letters the issue found missing are there.
        const all = [...families.values()].flat()
        expect(all.some((glyphs) => glyphs.has(0x20))).toBe(true)
        if (id === 'harmonious-world')
          for (const code of [0x04b0, 0x04b1])
            expect(
              all.some((glyphs) => glyphs.has(code)),
              describeChar(String.fromCodePoint(code))
            ).toBe(true)
      })
    })
  }

  it('has a page list from the source page markers (world-dream)', async () => {
    const {text} = await unpack(path.join(first, 'world-dream.epub'))
    const nav = text.get('OEBPS/toc.xhtml') ?? ''
    expect(nav).toContain('epub:type="page-list"')
    expect((nav.match(/#page-/g) ?? []).length).toBeGreaterThan(10)
  })

  it("keeps every text at a contrast of 4.5:1 or more under a reading system's dark theme (epub.js, colour on body only)", async () => {
    const browser = await puppeteer.launch({
      executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run'
      ]
    })
    try {
      for (const work of works(tree)) {
        const page = await browser.newPage()
        await page.setViewport({width: 800, height: 1000})
        await page.setContent(
          '<!DOCTYPE html><html lang="en"><head><title>reader</title></head><body style="margin:0"><div id="viewer"></div></body></html>'
        )
        await page.addScriptTag({path: path.join(repo, 'node_modules/jszip/dist/jszip.min.js')})
        await page.addScriptTag({path: path.join(repo, 'node_modules/epubjs/dist/epub.min.js')})
        const data = (await readFile(path.join(first, `${work.id}.epub`))).toString('base64')
        const result = await page.evaluate(async (base64: string) => {
          type Contents = {document: Document}
          type Rendition = {
            themes: {
              register: (name: string, rules: Record<string, Record<string, string>>) => void
              select: (name: string) => void
            }
            display: (target?: string) => Promise<void>
            getContents: () => Contents[]
          }
          type Book = {
            open: (input: string, type: string) => Promise<void>
            renderTo: (element: string, options: Record<string, unknown>) => Rendition
            spine: {get: (index: number) => {href: string} | null; length?: number}
          }
          const ePub = (window as unknown as {ePub: () => Book}).ePub
          const book = ePub()
          await book.open(base64, 'base64')
          const rendition = book.renderTo('viewer', {
            width: 800,
            height: 1000,
            flow: 'scrolled-doc',
            allowScriptedContent: false
          })
          // What a reading system's night mode does: colour and background on body, nothing else.
          rendition.themes.register('night', {body: {color: '#e8e8e8', background: '#121212'}})
          rendition.themes.select('night')
          const parse = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number)
          const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
            const channel = (c: number): number => {
              const s = c / 255
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
            }
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
          }
          const backgroundOf = (element: Element | null, view: Window): number[] => {
            for (let node = element; node; node = node.parentElement) {
              const color = parse(view.getComputedStyle(node).backgroundColor)
              if (color.length === 3 || (color.length === 4 && color[3]! > 0))
                return color.slice(0, 3)
            }
            return [255, 255, 255]
          }
          const report: Array<{
            file: string
            lowest: number
            translation: number
            texts: number
            where: string
          }> = []
          // The chapters: every spine item whose file name says so.
          const hrefs: string[] = []
          for (let index = 0; ; index++) {
            const item = book.spine.get(index)
            if (!item) break
            if (/chapter-\d+\.xhtml$/.test(item.href)) hrefs.push(item.href)
          }
          for (const href of hrefs) {
            await rendition.display(href)
            const contents = rendition.getContents()[0]
            if (!contents) continue
            const doc = contents.document
            const view = doc.defaultView!
            let lowest = 21
            let translation = 21
            let texts = 0
            let where = ''
            const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT)
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!(node.textContent ?? '').trim()) continue
              const element = node.parentElement!
              const style = view.getComputedStyle(element)
              if (style.display === 'none' || style.visibility === 'hidden') continue
              texts++
              const fg = luminance(parse(style.color))
              const bg = luminance(backgroundOf(element, view))
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
              if (ratio < lowest) {
                lowest = ratio
                where = `${element.tagName.toLowerCase()}.${element.className}: ${style.color}`
              }
              if (element.closest('.segment-translation'))
                translation = Math.min(translation, ratio)
            }
            report.push({file: href, lowest, translation, texts, where})
          }
          return report
        }, data)
        expect(result.length, work.id).toBeGreaterThan(0)
        expect(
          result.reduce((sum, chapter) => sum + chapter.texts, 0),
          work.id
        ).toBeGreaterThan(50)
        for (const chapter of result) {
          expect(
            chapter.lowest,
            `${work.id} ${chapter.file}: ${chapter.where}`
          ).toBeGreaterThanOrEqual(4.5)
          expect(chapter.translation, `${work.id} ${chapter.file}`).toBeGreaterThanOrEqual(4.5)
        }
        if (work.languages.length > 1)
          expect(result.some((chapter) => chapter.translation < 21)).toBe(true)
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })

  it.skipIf(!aceBin())(
    'passes DAISY Ace with no critical or serious violation',
    async () => {
      for (const work of works(tree)) {
        const violations = await ace(path.join(first, `${work.id}.epub`))
        expect(
          violations.filter(
            (violation) => violation.impact === 'critical' || violation.impact === 'serious'
          ),
          work.id
        ).toEqual([])
      }
    },
    600_000
  )
})
