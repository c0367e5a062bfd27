/**
 * Unit and golden tests of the EPUB edition on the shared sample work.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {glyphSet} from '@diglot/html'
import {
  bookFonts,
  buildContent,
  buildEpub,
  chapterUnits,
  identifierOf,
  loadTemplates,
  seriesOf,
  visibleText
} from '../src/index.js'
import {readContent, repo, tempDir, textNodes, unpack, works, writeFile} from './helpers.js'

const fixtures = path.join(repo, 'test', 'fixtures')

async function sample() {
  const {tree, messages} = await readContent(path.join(fixtures, 'content'))
  expect(messages.filter((message) => message.fatal)).toEqual([])
  const work = works(tree).find((candidate) => candidate.id === 'sample')
  if (!work) throw new Error('no sample work')
  return {tree, work}
}

describe('epub: the sample work', () => {
  it('reads a series position from the series statement', () => {
    expect(seriesOf('CIIS Report No. 2')).toEqual({name: 'CIIS Report', position: 2})
    expect(seriesOf('Studies, 3')).toEqual({name: 'Studies', position: 3})
    expect(seriesOf('Papers #14')).toEqual({name: 'Papers', position: 14})
    expect(seriesOf('Report 2012')).toEqual({name: 'Report 2012'})
  })

  it('gives each character to the split file that really draws it and keeps the spaces in every subset', async () => {
    // Kazakh ұ is in the declared range of both Cyrillic split files, but only `cyrillic` has the glyph.
    const fonts = await bookFonts('Ұлы ұлт and a\u00a0word')
    expect(fonts.missing).toEqual([])
    const regular = fonts.fonts.filter((font) => font.style === 'normal' && font.weight === 400)
    const holders = regular
      .filter((font) => glyphSet(font.data).has(0x4b1))
      .map((font) => font.filename)
    expect(holders).toEqual(['noto-serif-cyrillic-400-normal.ttf'])
    for (const font of regular) {
      const glyphs = glyphSet(font.data)
      expect(glyphs.has(0x20) && glyphs.has(0xa0), font.filename).toBe(true)
    }
  })

  it('derives the identifier from the work id', () => {
    expect(identifierOf('sample')).toBe(identifierOf('sample'))
    expect(identifierOf('sample')).not.toBe(identifierOf('other'))
    expect(identifierOf('sample')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
  })

  it('splits a lone title section at its subsections', async () => {
    const {work} = await sample()
    const units = chapterUnits(work)
    expect(units.length).toBeGreaterThanOrEqual(2)
    expect(units[1]?.title).toBe('The thought of Hu Jintao')
  })

  it('places each note at the end of the chapter that first calls it, and resolves every link', async () => {
    const {tree, work} = await sample()
    const content = buildContent(tree, work)
    const chapters = content.pages.filter((page) => page.bodyType === 'bodymatter')
    for (const page of chapters) {
      for (const match of page.body.matchAll(
        /<a href="([^"#]*)#([^"]+)"[^>]*epub:type="noteref"/g
      )) {
        const file = match[1] || page.filename
        const target = content.pages.find((candidate) => candidate.filename === file)
        expect(target?.body).toContain(`id="${match[2]}"`)
        expect(target?.body).toMatch(new RegExp(`<aside id="${match[2]}"[^>]*epub:type="footnote"`))
      }
    }
    expect(content.nav).toContain('epub:type="page-list"')
    expect(content.nav).toContain('#page-2')
  })

  it('matches the golden chapter XHTML', async () => {
    const {tree, work} = await sample()
    const templates = await loadTemplates(path.join(repo, 'templates'))
    const dir = await tempDir('diglot-epub-sample-')
    const file = path.join(dir, 'sample.epub')
    await writeFile(file, await buildEpub(tree, work, {templates, sourceDateEpoch: 1_700_000_000}))
    const {text} = await unpack(file)
    const chapters = [...text.keys()].filter((name) => /chapter-\d+\.xhtml$/.test(name)).sort()
    const actual = chapters.map((name) => `<!-- ${name} -->\n${text.get(name) ?? ''}`).join('\n')
    const golden = path.join(fixtures, 'golden', 'sample.epub.xhtml')
    if (process.env['UPDATE_FIXTURES'] === '1') await writeFile(golden, actual)
    expect(actual).toBe(await readFile(golden, 'utf8'))
    // Chinese is tagged.
    for (const name of chapters) {
      for (const node of textNodes(text.get(name) ?? ''))
        if (/\p{Script=Han}/u.test(node.text)) expect(node.lang).toBe('zh-Hans')
    }
  })

  it('packs the mimetype first and stored, then the pages, the package, the nav, the fonts and the cover', async () => {
    const {tree, work} = await sample()
    const templates = await loadTemplates(path.join(repo, 'templates'))
    const data = await buildEpub(tree, work, {templates, sourceDateEpoch: 1_700_000_000})
    // The first local header: stored (method 0), named `mimetype`, its content right after.
    expect(data.readUInt16LE(8)).toBe(0)
    expect(data.subarray(30, 38).toString('latin1')).toBe('mimetype')
    expect(data.subarray(38, 58).toString('latin1')).toBe('application/epub+zip')
    const dir = await tempDir('diglot-epub-entries-')
    const file = path.join(dir, 'sample.epub')
    await writeFile(file, data)
    const {names, text} = await unpack(file)
    expect(names.slice(0, 3)).toEqual(['mimetype', 'OEBPS/style.css', 'OEBPS/cover.xhtml'])
    const fixed = ['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/toc.xhtml']
    expect(names.filter((name) => fixed.includes(name))).toEqual(fixed)
    expect(names.indexOf('META-INF/container.xml')).toBeGreaterThan(
      names.findLastIndex((name) => name.endsWith('.xhtml') && name !== 'OEBPS/toc.xhtml')
    )
    expect(names.findIndex((name) => name.startsWith('OEBPS/fonts/'))).toBeGreaterThan(
      names.indexOf('OEBPS/toc.xhtml')
    )
    expect(names.at(-1)).toBe('OEBPS/cover.png')
    // No directory entries and no NCX (EPUB 3 only).
    expect(names.filter((name) => name.endsWith('/') || name.endsWith('.ncx'))).toEqual([])
    expect(text.get('META-INF/container.xml')).toContain('full-path="OEBPS/content.opf"')
    // Every page of the manifest is in the book.
    for (const [, href] of (text.get('OEBPS/content.opf') ?? '').matchAll(/href="([^"]+)"/g))
      expect(names).toContain(`OEBPS/${href}`)
  })

  it('reads the visible text of markup', () => {
    expect(visibleText('<p>a &#x26; b<span lang="zh-Hans">&#x548C;</span></p>')).toContain(
      'a & b 和'
    )
  })
})
