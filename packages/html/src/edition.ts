/**
 * The annotated HTML edition: `<outDir>/<work>/index.html` per work,
 * `<outDir>/index.html` listing the works, `<outDir>/glossary/index.html`
 * (glossary and index of names), and shared assets in `<outDir>/assets/`.
 */
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root as HastRoot} from 'hast'
import {unified} from 'unified'
import rehypeStringify from 'rehype-stringify'
import {
  glossaryOf,
  works as worksOf,
  type DiglotMessage,
  type EditionFormat,
  type EditionOptions,
  type EditionResult,
  type Root
} from '@diglot/core'
import {readTemplate} from '@diglot/core/fs'
import {htmlMessage} from './rules.js'
import {
  availableFaces,
  codePointsOf,
  describeChar,
  facesFor,
  fontFaceCss,
  glyphSet,
  noGlyphNeeded,
  type FontFace
} from './fonts.js'
import {glossaryPage, indexPage, workPage} from './pages/index.js'
import {markLessThan, unmarkLessThan} from './attributes.js'

/** The templates and styles this package ships (`packages/html/templates/`); a templates folder's `html/` overrides them. */
const shippedTemplates = fileURLToPath(new URL('../templates/', import.meta.url))

/** The files of `templates/` copied to `assets/`. */
export const templateAssets = ['diglot.css', 'print.css', 'diglot.js'] as const

/** Serialize a hast document to HTML. */
export function serialize(tree: HastRoot): string {
  return `${unmarkLessThan(unified().use(rehypeStringify, {upperDoctype: false}).stringify(markLessThan(tree)))}\n`
}

/** Render the pages of the edition in memory: path (relative to outDir) → HTML. */
export function renderPages(
  tree: Root,
  progress: (work: string, step: string) => void = () => {}
): Map<string, string> {
  const glossary = glossaryOf(tree)
  const works = worksOf(tree)
  const pages = new Map<string, string>()
  for (const work of works) {
    progress(work.id, 'html')
    pages.set(`${work.id}/index.html`, serialize(workPage(work, glossary)))
  }
  pages.set('index.html', serialize(indexPage(works)))
  pages.set('glossary/index.html', serialize(glossaryPage(tree, glossary, works)))
  return pages
}

/** Build the HTML edition. */
export async function buildHtml(tree: Root, options: EditionOptions): Promise<EditionResult> {
  const files: string[] = []
  // Small files, written synchronously: a round trip through libuv's pool for each would cost more than the write.
  const made = new Set<string>()
  const folderOf = (target: string): void => {
    const folder = path.dirname(target)
    if (!made.has(folder)) mkdirSync(folder, {recursive: true})
    made.add(folder)
  }
  const write = (relative: string, data: string | Buffer): void => {
    const target = path.join(options.outDir, relative)
    folderOf(target)
    writeFileSync(target, data)
    files.push(relative)
  }
  const pages = renderPages(tree, options.progress)
  for (const [relative, html] of pages) write(relative, html)

  for (const name of templateAssets)
    write(
      `assets/${name}`,
      await readTemplate(name, {
        format: 'html',
        shipped: shippedTemplates,
        templatesDir: options.templatesDir
      })
    )

  // Fonts: the subsets holding a character of some page.
  const points = new Set<number>()
  for (const html of pages.values()) codePointsOf(html, points)
  const faces = facesFor(await availableFaces(), points)
  const messages = await missingGlyphs(faces, points)
  write('assets/fonts.css', fontFaceCss(faces))
  for (const face of faces) {
    const relative = `assets/fonts/${path.basename(face.file)}`
    const target = path.join(options.outDir, relative)
    folderOf(target)
    copyFileSync(face.file, target)
    files.push(relative)
  }
  return {files: files.sort(), messages}
}

/**
 * Every character of the pages must be in the declared range of a shipped
 * face whose real glyph table (read with fontkit) has it: the browser takes a
 * character only from a face whose `unicode-range` holds it.
 */
async function missingGlyphs(
  faces: readonly FontFace[],
  points: ReadonlySet<number>
): Promise<DiglotMessage[]> {
  // Read from the WOFF twin of each WOFF2 file (the same font; fontkit's WOFF2 decoder is several times slower).
  const tables = await Promise.all(
    faces.map(async (face) =>
      glyphSet(
        await readFile(face.file.replace(/\.woff2$/, '.woff')).catch(() => readFile(face.file))
      )
    )
  )
  const messages: DiglotMessage[] = []
  for (const point of [...points].sort((a, b) => a - b)) {
    const char = String.fromCodePoint(point)
    if (point < 0x20 || noGlyphNeeded.test(char)) continue
    const covered = faces.some(
      (face, index) =>
        face.style === 'normal' &&
        face.ranges.some(([from, to]) => point >= from && point <= to) &&
        tables[index]?.has(point)
    )
    if (!covered)
      messages.push(
        htmlMessage(
          'assets/fonts.css',
          undefined,
          'html-missing-glyph',
          `no font of the HTML edition has a glyph for ${describeChar(char)}; use another character or add a font that covers it`
        )
      )
  }
  return messages
}

/** The html edition format. */
export const htmlEdition: EditionFormat = {
  name: 'html',
  build: buildHtml
}
