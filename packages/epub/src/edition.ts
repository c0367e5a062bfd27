/**
 * The EPUB 3 edition: `dist/<work>.epub` for each work, its OPF, nav and
 * pages rendered with EJS from our templates (templates/epub/), with subset
 * fonts and a generated cover, in a deterministic zip (fixed entry dates and
 * order) so that the same source gives the same bytes.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  works,
  type DiglotMessage,
  type EditionFormat,
  type EditionOptions,
  type Root,
  type Work
} from '@diglot/core'
import {readTemplate} from '@diglot/core/fs'
import {epubMessage} from './rules.js'
import {describeChar} from '@diglot/html'
import ejs from 'ejs'
import {h} from 'hastscript'
import {buildContent, xhtml, type Page} from './content/index.js'
import {coverSvg, coverText, prepareCover, renderCover} from './cover.js'
import {bookFonts, createFontSource, type BookFonts, type FontSource} from './fonts.js'
import {apparatusLang, metadataXml} from './package/metadata.js'
import {deflateOnHelper} from './helper.js'
import {zip, type ZipEntry} from './package/zip.js'

/** The templates and styles this package ships (`packages/epub/templates/`); a templates folder's `epub/` overrides them. */
const shippedTemplates = fileURLToPath(new URL('../templates/', import.meta.url))

/** The templates the edition reads (shipped, or from a templates folder's `epub/`). */
export interface Templates {
  opf: string
  nav: string
  page: string
  css: string
  cover: string
}

/** Read the edition's templates; `templatesDir` (a folder with `epub/`) overrides the shipped ones file by file. */
export async function loadTemplates(templatesDir?: string): Promise<Templates> {
  const read = async (name: string): Promise<string> =>
    (await readTemplate(name, {format: 'epub', shipped: shippedTemplates, templatesDir})).toString(
      'utf8'
    )
  const [opf, nav, page, css, cover] = await Promise.all([
    read('content.opf.ejs'),
    read('nav.xhtml.ejs'),
    read('page.xhtml.ejs'),
    read('style.css'),
    read('cover.svg')
  ])
  return {opf, nav, page, css, cover}
}

/** The five entities XML predefines (XHTML has no others). */
const xmlEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  amp: '&'
}

/**
 * Every character a reader will see (tags stripped, references decoded). References are
 * decoded in one pass, so the text `&#87654321;` (written `&#x26;#87654321;`) stays text;
 * a reference to no character (beyond U+10FFFF, a surrogate) reads as U+FFFD.
 */
export function visibleText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(
      /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|apos|amp));/gi,
      (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
        if (name !== undefined) return xmlEntities[name.toLowerCase()] ?? whole
        const point = hex === undefined ? Number.parseInt(dec ?? '', 10) : Number.parseInt(hex, 16)
        return point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)
          ? String.fromCodePoint(point)
          : '\uFFFD'
      }
    )
}

/** Options of `buildEpub`. */
export interface BuildEpubOptions {
  templates: Templates
  sourceDateEpoch: number
  /** Without a cover image (default: with one). */
  cover?: boolean
  /** Font files shared by the books of one build (default: a fresh one). */
  fontSource?: FontSource
  /** Told of the characters no embedded font has a glyph for (default: the build fails). */
  onMissingGlyphs?: (missing: string[]) => void
}

/** The cover image, in `OEBPS/`. */
const coverHref = 'cover.png'

/** The container document every EPUB has (as epub-gen-memory, which assembled the books before, wrote it). */
const containerXml =
  '<?xml version="1.0" encoding="UTF-8" ?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'

/** Build one work's EPUB in memory. */
export async function buildEpub(
  tree: Root,
  work: Work,
  options: BuildEpubOptions
): Promise<Buffer> {
  return zipBook(await composeEpub(tree, work, options))
}

/** A book composed and not yet zipped: its entries (the cover's may still be rendering) and their date. */
interface ComposedBook {
  entries: Array<ZipEntry | Promise<ZipEntry>>
  date: Date
}

/** Zip a composed book (waiting for its cover). */
function zipBook(book: ComposedBook): Promise<Buffer> {
  return zip(book.entries, book.date, 9, deflateOnHelper)
}

/** Compose one work's EPUB: every entry of its zip, the cover still rendering on its thread. */
async function composeEpub(
  tree: Root,
  work: Work,
  options: BuildEpubOptions
): Promise<ComposedBook> {
  const {templates, sourceDateEpoch} = options
  const content = buildContent(tree, work)
  const lang = apparatusLang(work)
  const coverAlt = `Cover: ${work.languages
    .map((language) => work.meta.title[language])
    .filter(Boolean)
    .join(' / ')}`
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
  const allText = [
    coverText(work),
    content.nav,
    coverAlt,
    ...pages.map((page) => `${page.title} ${page.body}`)
  ]
    .map(visibleText)
    .join('\n')
  const fonts: BookFonts = await bookFonts(allText, options.fontSource)
  if (fonts.missing.length > 0) {
    if (options.onMissingGlyphs) options.onMissingGlyphs(fonts.missing)
    else throw new Error(`epub: no embedded font has a glyph for ${fonts.missing.join(', ')}`)
  }

  // The cover renders on another thread while the rest is compressed (it is the last entry).
  const withCover = options.cover !== false
  const cover = withCover ? renderCover(await coverSvg(templates.cover, work, fonts)) : undefined
  if (withCover) {
    coverPage.body = xhtml(
      h('section', {className: ['cover'], 'epub:type': 'cover', id: 'cover'}, [
        h('img', {src: coverHref, alt: coverAlt, role: 'doc-cover'})
      ])
    )
    pages.unshift(coverPage)
  }

  const css = `${fonts.css}\n${templates.css.replaceAll('{{stack}}', fonts.stack).replaceAll('{{hanStack}}', fonts.hanStack)}`
  const manifest: Array<{id: string; href: string; mediaType: string; properties?: string}> = [
    {id: 'nav', href: 'toc.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav'},
    {id: 'style', href: 'style.css', mediaType: 'text/css'},
    ...pages.map((page) => ({
      id: page.id,
      href: page.filename,
      mediaType: 'application/xhtml+xml'
    })),
    ...fonts.fonts.map((font, index) => ({
      id: `font-${index + 1}`,
      href: `fonts/${font.filename}`,
      mediaType: 'font/ttf'
    })),
    ...(withCover
      ? [{id: 'cover-image', href: coverHref, mediaType: 'image/png', properties: 'cover-image'}]
      : [])
  ]
  // The nav document joins the spine after the front matter (the landmarks point at it).
  const spine = pages.map((page) => ({idref: page.id}))
  const afterFront = pages.findIndex(
    (page) => page.bodyType !== 'frontmatter' && page.bodyType !== 'cover'
  )
  spine.splice(afterFront < 0 ? spine.length : afterFront, 0, {idref: 'nav'})
  const metadata = metadataXml({
    work,
    languages: content.languages,
    sourceDateEpoch,
    hasPageList: content.pageCount > 0,
    hasIndex: content.hasIndex,
    hasGlossary: content.hasGlossary,
    hasCover: withCover
  })
  // The fields the templates get (those epub-gen-memory gave them, which assembled the books before).
  const bookFields = {
    title: work.meta.title[lang] ?? work.id,
    lang,
    version: 3,
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    date: new Date(sourceDateEpoch * 1000).toISOString(),
    ...(withCover ? {cover: {mediaType: 'image/png', extension: 'png'}} : {}),
    // Our templates' own fields.
    packageLang: lang,
    metadata,
    manifest,
    spine,
    navBody: content.nav
  }
  // Each page's XHTML goes in as the template field `body`, already serialized.
  const chapters = pages.map((one, index) => ({
    id: `item_${index}`,
    url: '',
    excludeFromToc: false,
    beforeToc: false,
    author: [] as string[],
    title: one.title,
    filename: one.filename,
    content: '',
    body: one.body,
    bodyType: one.bodyType,
    pageLang: one.lang
  }))
  const entries: Array<ZipEntry | Promise<ZipEntry>> = [
    // The mimetype first and stored; the PNG cover is already deflated.
    {name: 'mimetype', data: 'application/epub+zip', store: true},
    {name: 'OEBPS/style.css', data: css},
    ...chapters.map((chapter) => ({
      name: `OEBPS/${chapter.filename}`,
      data: ejs.render(templates.page, {lang, prependChapterTitles: false, ...chapter})
    })),
    {name: 'META-INF/container.xml', data: containerXml},
    {
      name: 'OEBPS/content.opf',
      data: ejs.render(templates.opf, {...bookFields, images: [], content: chapters})
    },
    {
      name: 'OEBPS/toc.xhtml',
      data: ejs.render(templates.nav, {...bookFields, images: [], content: chapters})
    },
    ...fonts.fonts.map((font) => ({name: `OEBPS/fonts/${font.filename}`, data: font.data})),
    // The cover renders on resvg's thread while the entries before it are compressed.
    ...(cover ? [cover.then((data) => ({name: `OEBPS/${coverHref}`, data, store: true}))] : [])
  ]
  // Handled when zipped, in order; until then a failure (of the cover) must not count as unhandled.
  for (const entry of entries) if (entry instanceof Promise) entry.catch(() => undefined)
  return {entries, date: new Date(sourceDateEpoch * 1000)}
}

/** Builds the epub edition of every work. */
export const epubEdition: EditionFormat = {
  name: 'epub',
  // A book holds one work.
  byWork: true,
  async build(tree: Root, options: EditionOptions) {
    prepareCover()
    const templates = await loadTemplates(options.templatesDir)
    const files: string[] = []
    const messages: DiglotMessage[] = []
    // Font files are read and decoded once per build for all its books.
    const fontSource = createFontSource()
    // Each book is handed to the helper thread once composed: its cover renders and its entries
    // are deflated there while this thread composes the next book.
    const zipped: Array<{file: string; data: Promise<Buffer>}> = []
    for (const work of works(tree)) {
      options.progress(work.id, 'epub')
      const file = `${work.id}.epub`
      const onMissingGlyphs = (missing: string[]): void => {
        for (const char of missing) {
          messages.push(
            epubMessage(
              file,
              undefined,
              'epub-missing-glyph',
              `no embedded font has a glyph for ${describeChar(char)}; use another character or add a font that covers it`
            )
          )
        }
      }
      const book = await composeEpub(tree, work, {
        templates,
        sourceDateEpoch: options.sourceDateEpoch,
        fontSource,
        onMissingGlyphs
      })
      const data = zipBook(book)
      data.catch(() => undefined) // (awaited below, in order)
      zipped.push({file, data})
    }
    for (const {file, data} of zipped) {
      await writeFile(path.join(options.outDir, file), await data)
      files.push(file)
    }
    return {files, messages}
  }
}
