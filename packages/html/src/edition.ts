/**
 * The annotated HTML edition: `<outDir>/<work>/index.html` per work,
 * `<outDir>/index.html` listing the works, `<outDir>/glossary/index.html`
 * (glossary and index of names), and shared assets in `<outDir>/assets/`.
 */
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import {unified} from 'unified'
import rehypeStringify from 'rehype-stringify'
import {glossaryOf, works as worksOf, type EditionFormat, type EditionOptions, type EditionResult, type Root} from '@diglot/core'
import {availableFaces, codePointsOf, facesFor, fontFaceCss} from './fonts.js'
import {glossaryPage, indexPage, workPage} from './page.js'

/** The files of `templates/html/` copied to `assets/`. */
export const templateAssets = ['diglot.css', 'print.css', 'diglot.js'] as const

/** Serialize a hast document to HTML. */
export function serialize(tree: HastRoot): string {
  return unified().use(rehypeStringify, {upperDoctype: false}).stringify(tree) + '\n'
}

/** Render the pages of the edition in memory: path (relative to outDir) → HTML. */
export function renderPages(tree: Root, progress: (work: string, step: string) => void = () => {}): Map<string, string> {
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
  const write = async (relative: string, data: string | Buffer): Promise<void> => {
    const target = path.join(options.outDir, relative)
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(target, data)
    files.push(relative)
  }
  const pages = renderPages(tree, options.progress)
  for (const [relative, html] of pages) await write(relative, html)

  const templates = path.join(options.templatesDir, 'html')
  for (const name of templateAssets) await write(`assets/${name}`, await readFile(path.join(templates, name)))

  // Fonts: the subsets holding a character of some page.
  const points = new Set<number>()
  for (const html of pages.values()) codePointsOf(html, points)
  const faces = facesFor(await availableFaces(), points)
  await write('assets/fonts.css', fontFaceCss(faces))
  for (const face of faces) {
    const relative = `assets/fonts/${path.basename(face.file)}`
    await mkdir(path.join(options.outDir, 'assets/fonts'), {recursive: true})
    await copyFile(face.file, path.join(options.outDir, relative))
    files.push(relative)
  }
  return {files: files.sort(), messages: []}
}

/** The html edition format. */
export const htmlEdition: EditionFormat = {
  name: 'html',
  build: buildHtml
}
