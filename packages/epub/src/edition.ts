/**
 * The EPUB 3 edition: `dist/<work>.epub` for each work, packaged with
 * epub-gen-memory through our own OPF, nav and page templates
 * (templates/epub/), with subset fonts, a generated cover and fixed zip
 * entry dates so that the same source gives the same bytes.
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {works, type EditionFormat, type EditionOptions, type Root, type Work} from '@diglot/core'
import {EPub, type Options} from 'epub-gen-memory'
import type {Browser} from 'puppeteer'
import {h} from 'hastscript'
import {buildContent, xhtml, type Page} from './book.js'
import {coverHtml, coverText, launchBrowser, renderCover} from './cover.js'
import {bookFonts, type BookFonts} from './fonts.js'
import {apparatusLang, metadataXml} from './metadata.js'

/** The templates the edition reads from `templates/epub/`. */
export interface Templates {
  opf: string
  nav: string
  page: string
  css: string
  cover: string
}

export async function loadTemplates(dir: string): Promise<Templates> {
  const read = (name: string): Promise<string> => readFile(path.join(dir, 'epub', name), 'utf8')
  const [opf, nav, page, css, cover] = await Promise.all([read('content.opf.ejs'), read('nav.xhtml.ejs'), read('page.xhtml.ejs'), read('style.css'), read('cover.html')])
  return {opf, nav, page, css, cover}
}

/** Every character a reader will see (tags stripped, references decoded). */
export function visibleText(markup: string): string {
  return markup
    .replace(/<title>[\s\S]*?<\/title>/g, (title) => title)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

/** Options of `buildEpub`. */
export interface BuildEpubOptions {
  templates: Templates
  sourceDateEpoch: number
  /** Chromium for the cover; without it the book has no cover image. */
  browser?: Browser | undefined
}

/** Build one work's EPUB in memory. */
export async function buildEpub(tree: Root, work: Work, options: BuildEpubOptions): Promise<Buffer> {
  const {templates, sourceDateEpoch} = options
  const content = buildContent(tree, work)
  const lang = apparatusLang(work)
  const coverAlt = `Cover: ${work.languages.map((language) => work.meta.title[language]).filter(Boolean).join(' / ')}`
  const coverPage: Page = {
    filename: 'cover.xhtml',
    id: 'cover',
    title: 'Cover',
    lang,
    bodyType: 'cover',
    tree: {type: 'root', children: []},
    body: ''
  }
  const pages = [...content.pages]

  // Fonts: every character of every page, the nav and the cover.
  const allText = [coverText(work), content.nav, coverAlt, ...pages.map((page) => `${page.title} ${page.body}`)].map(visibleText).join('\n')
  const fonts: BookFonts = await bookFonts(allText)

  let cover: Buffer | undefined
  if (options.browser) cover = await renderCover(options.browser, coverHtml(templates.cover, work, fonts))
  if (cover) {
    coverPage.body = xhtml(h('section', {className: ['cover'], 'epub:type': 'cover', id: 'cover'}, [h('img', {src: 'images/cover.png', alt: coverAlt, role: 'doc-cover'})]))
    pages.unshift(coverPage)
  }

  const css = `${fonts.css}\n${templates.css.replaceAll('{{stack}}', fonts.stack).replaceAll('{{hanStack}}', fonts.hanStack)}`
  const manifest: Array<{id: string; href: string; mediaType: string; properties?: string}> = [
    {id: 'nav', href: 'toc.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav'},
    {id: 'style', href: 'style.css', mediaType: 'text/css'},
    ...pages.map((page) => ({id: page.id, href: page.filename, mediaType: 'application/xhtml+xml'})),
    ...fonts.fonts.map((font, index) => ({id: `font-${index + 1}`, href: `fonts/${font.filename}`, mediaType: 'font/ttf'})),
    ...(cover ? [{id: 'cover-image', href: 'images/cover.png', mediaType: 'image/png', properties: 'cover-image'}] : [])
  ]
  // The nav document joins the spine after the front matter (the landmarks point at it).
  const spine = pages.map((page) => ({idref: page.id}))
  const afterFront = pages.findIndex((page) => page.bodyType !== 'frontmatter' && page.bodyType !== 'cover')
  spine.splice(afterFront < 0 ? spine.length : afterFront, 0, {idref: 'nav'})
  const metadata = metadataXml({
    work,
    languages: content.languages,
    sourceDateEpoch,
    hasPageList: content.pageCount > 0,
    hasIndex: content.hasIndex,
    hasGlossary: content.hasGlossary,
    hasCover: cover !== undefined
  })
  const epubOptions = {
    title: work.meta.title[lang] ?? work.id,
    lang,
    css,
    version: 3,
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    date: new Date(sourceDateEpoch * 1000).toISOString(),
    chapterXHTML: templates.page,
    contentOPF: templates.opf,
    tocXHTML: templates.nav,
    tocNCX: '',
    verbose: false,
    // Our templates' own fields (epub-gen-memory passes every option to them).
    packageLang: lang,
    metadata,
    manifest,
    spine,
    navBody: content.nav
  } as Options
  // Each page's XHTML goes in as a template field, not as `content`: epub-gen-memory would
  // re-serialize `content` (numeric entities everywhere, attribute whitelist).
  const chapters = pages.map((page) => ({title: page.title, filename: page.filename, content: '', body: page.body, bodyType: page.bodyType, pageLang: page.lang}))
  const epub = new EPub(epubOptions, chapters)
  await epub.render()
  const zip = (epub as unknown as {zip: import('jszip')}).zip
  zip.remove('OEBPS/toc.ncx')
  for (const font of fonts.fonts) zip.file(`OEBPS/fonts/${font.filename}`, font.data)
  if (cover) zip.file('OEBPS/images/cover.png', cover)
  const date = new Date(sourceDateEpoch * 1000)
  for (const entry of Object.values(zip.files)) entry.date = date
  return zip.generateAsync({type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: {level: 9}, platform: 'UNIX'}) as Promise<Buffer>
}

/** Builds the epub edition of every work. */
export const epubEdition: EditionFormat = {
  name: 'epub',
  async build(tree: Root, options: EditionOptions) {
    const templates = await loadTemplates(options.templatesDir)
    const files: string[] = []
    let browser: Browser | undefined
    try {
      browser = await launchBrowser()
    } catch {
      browser = undefined
    }
    try {
      for (const work of works(tree)) {
        options.progress(work.id, 'epub')
        const data = await buildEpub(tree, work, {templates, sourceDateEpoch: options.sourceDateEpoch, browser})
        const file = `${work.id}.epub`
        await writeFile(path.join(options.outDir, file), data)
        files.push(file)
      }
    } finally {
      await browser?.close()
    }
    return {files, messages: []}
  }
}
