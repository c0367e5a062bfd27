import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {glossaryOf, parseWork, works} from '@diglot/core'
import {initialOf} from '../src/pages/index.js'
import {
  buildHtml,
  facesFor,
  fontFaceCss,
  glossaryPage,
  indexPage,
  parseRanges,
  serialize,
  workPage,
  availableFaces,
  codePointsOf
} from '../src/index.js'
import {parse, sample, templatesDir} from './helpers.js'

describe('work page', () => {
  it('has a title page with the metadata, the editorial title marked, and a table of contents', async () => {
    const {tree, work} = await sample()
    const out = serialize(workPage(work, glossaryOf(tree)))
    expect(out).toMatch(/^<!doctype html>\n?<html lang="en" class="no-js">/)
    expect(out).toContain(
      '<h1 class="work-title"><span lang="kk" class="title-original">Гармониялық әлем туралы</span><br><span lang="en" class="title-translation">On the Harmonious World</span></h1>'
    )
    expect(out).toContain('Editorial title.')
    expect(out).toContain('<dt>Author</dt><dd>The author is not named in the source.</dd>')
    expect(out).toContain(
      '<dt>Translation made for this edition</dt><dd>This translation was made for this edition.</dd>'
    )
    expect(out).toContain('<dt>Translated into English by</dt><dd>The editors of this edition</dd>')
    expect(out).toContain('<nav class="toc" aria-labelledby="toc-heading">')
    expect(out).toMatch(
      /<ol><li><a href="#[^"]+"><span lang="kk" class="toc-original">Гармониялық әлем<\/span> <span lang="en" class="toc-translation">The Harmonious World<\/span><\/a><ol><li>/
    )
    expect(out).toContain(
      '<div class="view-switch" role="group" aria-label="Languages shown" hidden>'
    )
    expect(out).toContain('<script type="application/json" id="diglot-glossary">')
    expect(out).toContain('href="../assets/diglot.css"')
  })

  it('one-language works: one column, no view switch', () => {
    const {tree, work} = parse({en: '# Title\n\nText.[^1]\n\n[^1]: A note.\n'})
    const out = serialize(workPage(work, glossaryOf(tree)))
    expect(out).toContain('class="work-page languages-1"')
    expect(out).not.toContain('view-switch')
  })
})

describe('index and glossary pages', () => {
  it('lists the works', async () => {
    const {tree} = await sample()
    const out = serialize(indexPage(works(tree)))
    expect(out).toContain(
      '<a href="sample/index.html"><span lang="kk">Гармониялық әлем туралы</span><br><span lang="en">On the Harmonious World</span></a>'
    )
  })

  it('lists every entry with every form and links to every occurrence in both languages', async () => {
    const {tree} = await sample()
    const out = serialize(glossaryPage(tree, glossaryOf(tree), works(tree)))
    expect(out).toContain('<article class="entry entry-person" id="hu-jintao"')
    expect(out).toContain('<dd><span lang="zh-Hans">胡锦涛</span></dd>')
    expect(out).toContain('<dd><span lang="zh-Latn-pinyin">Hú Jǐntāo</span></dd>')
    expect(out).toMatch(
      /<span class="occ-lang">Kazakh: <\/span><a href="\.\.\/sample\/index\.html#[^"]+"/
    )
    expect(out).toMatch(
      /<span class="occ-lang">English: <\/span><a href="\.\.\/sample\/index\.html#[^"]+"/
    )
    expect(out).toMatch(/href="\.\.\/sample\/index\.html#note-en-1"[^>]*>n\. 1</)
    expect(out).toContain('<section id="names" aria-labelledby="names-heading">')
  })

  it('sorts the index of names by the surname-first form of a Western name', () => {
    const glossary = [
      'entries:',
      '  - { id: barack-obama, kind: person, forms: { en: [Barack Obama] }, indexAs: { en: "Obama, Barack" } }',
      '  - { id: hu-jintao, kind: person, forms: { en: [Hu Jintao] } }',
      '  - { id: fareed-zakaria, kind: person, forms: { en: [Fareed Zakaria] }, indexAs: { en: "Zakaria, Fareed" } }'
    ].join('\n')
    const meta =
      'id: w\nlanguages:\n  original: en\ntitle:\n  en: T\nlicence: CC0-1.0\nsource:\n  description: A test.\n'
    const {tree} = parseWork({
      meta,
      files: {en: 'Barack Obama, Hu Jintao and Fareed Zakaria.\n'},
      glossary,
      path: 'w'
    })
    const out = serialize(glossaryPage(tree, glossaryOf(tree), works(tree)))
    const order = ['hu-jintao', 'barack-obama', 'fareed-zakaria'].map((id) =>
      out.indexOf(`id="${id}"`)
    )
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })
})

describe('fonts', () => {
  it('parses unicode ranges', () => {
    expect(parseRanges('U+0000-00FF, U+0131,U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff]
    ])
  })

  it('picks only the subsets the text needs', async () => {
    const faces = await availableFaces()
    const latin = facesFor(faces, codePointsOf('Hello'))
    expect(latin.every((face) => face.family === 'Noto Serif')).toBe(true)
    const han = facesFor(faces, codePointsOf('和谐世界'))
    expect(han.length).toBeGreaterThan(0)
    expect(han.length).toBeLessThan(10)
    expect(han.every((face) => face.family === 'Noto Serif SC')).toBe(true)
    const kazakh = facesFor(faces, codePointsOf('Қазақ әлем ү'))
    expect(kazakh.map((face) => path.basename(face.file))).toContain(
      'noto-serif-cyrillic-ext-400-normal.woff2'
    )
    expect(fontFaceCss(kazakh)).toContain(
      "src: url(fonts/noto-serif-cyrillic-ext-400-normal.woff2) format('woff2');"
    )
  })
})

describe('buildHtml', () => {
  it('writes the pages and assets, the same bytes every time', async () => {
    const {tree} = await sample()
    const dirs = [
      await mkdtemp(path.join(tmpdir(), 'diglot-html-a-')),
      await mkdtemp(path.join(tmpdir(), 'diglot-html-b-'))
    ]
    const results = []
    for (const outDir of dirs)
      results.push(
        await buildHtml(tree, {outDir, templatesDir, sourceDateEpoch: 1, progress: () => {}})
      )
    expect(results[0]!.files).toEqual(results[1]!.files)
    expect(results[0]!.files).toEqual(
      expect.arrayContaining([
        'index.html',
        'sample/index.html',
        'glossary/index.html',
        'assets/diglot.css',
        'assets/diglot.js',
        'assets/print.css',
        'assets/fonts.css'
      ])
    )
    for (const file of results[0]!.files) {
      expect(
        Buffer.compare(
          await readFile(path.join(dirs[0]!, file)),
          await readFile(path.join(dirs[1]!, file))
        ),
        file
      ).toBe(0)
    }
    const fonts = await readdir(path.join(dirs[0]!, 'assets/fonts'))
    expect(fonts.some((name) => name.startsWith('noto-serif-sc-'))).toBe(true)
    for (const dir of dirs) await rm(dir, {recursive: true, force: true})
  })
})

describe('the A–Z list of the glossary page', () => {
  it('files an entry under its first letter, and one that starts with a digit under #', () => {
    expect(initialOf('16th National Congress')).toBe('#')
    expect(initialOf('Élysée Treaty')).toBe('E')
    expect(initialOf('“Harmonious World”')).toBe('H')
    expect(initialOf('Ұлы Дала')).toBe('Ұ')
  })
})
