/** The navigation document and the languages of the book. */
import {headingsOf, pageMarkersOf, type HeadingEntry, type Work} from '@diglot/core'
import type {ElementContent, Root as HastRoot} from 'hast'
import {esc} from './xhtml.js'
import type {Unit} from './chapters.js'
import type {Page} from './types.js'

/** The languages of the book: the work's, then every other `lang` in the text (not pinyin, not Latin tags of the apparatus). */
export function languagesOf(work: Work, pages: Page[]): string[] {
  const found = new Set<string>(work.languages)
  const walk = (node: HastRoot | ElementContent): void => {
    if (node.type === 'element') {
      const lang = node.properties['lang']
      if (typeof lang === 'string' && !lang.includes('-Latn') && lang !== 'la') found.add(lang)
    }
    if ('children' in node) for (const child of node.children) walk(child as ElementContent)
  }
  for (const page of pages) if (page.bodyType === 'bodymatter') walk(page.tree)
  return [...found]
}

/** The nav document's body: table of contents, landmarks, page list. */
export function navBody(
  work: Work,
  pages: Page[],
  fileOf: Map<string, string>,
  lang: string,
  units: Unit[]
): string {
  const headings = headingsOf(work)
  const label = (entry: HeadingEntry): string => {
    const parts = work.languages
      .filter((language) => entry.text[language])
      .map((language) =>
        language === lang
          ? esc(entry.text[language] ?? '')
          : `<span lang="${esc(language)}" xml:lang="${esc(language)}">${esc(entry.text[language] ?? '')}</span>`
      )
    return parts.length > 0 ? parts.join(' · ') : esc(entry.id)
  }
  // Nest headings by depth.
  interface NavItem {
    html: string
    depth: number
    children: NavItem[]
  }
  const roots: NavItem[] = []
  const stack: NavItem[] = []
  for (const entry of headings) {
    const file = fileOf.get(entry.id)
    if (!file) continue
    const item: NavItem = {
      html: `<a href="${file}#${esc(entry.id)}">${label(entry)}</a>`,
      depth: entry.depth,
      children: []
    }
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= entry.depth) stack.pop()
    const parent = stack.at(-1)
    if (parent) parent.children.push(item)
    else roots.push(item)
    stack.push(item)
  }
  // Chapters without a heading (loose blocks) still get an entry.
  for (const [index, unit] of units.entries()) {
    const first = unit.nodes[0]
    const hasHeading = unit.nodes.some((node) =>
      node.type === 'section' ? true : node.blockType === 'heading'
    )
    if (!hasHeading && first)
      roots.splice(Math.min(index, roots.length), 0, {
        html: `<a href="chapter-${String(index + 1).padStart(3, '0')}.xhtml">${esc(unit.title)}</a>`,
        depth: 1,
        children: []
      })
  }
  const render = (items: NavItem[], indent: string): string =>
    `${indent}<ol>\n${items.map((item) => `${indent}  <li>${item.html}${item.children.length > 0 ? `\n${render(item.children, `${indent}    `)}${indent}  ` : ''}</li>\n`).join('')}${indent}</ol>\n`
  const front = pages
    .filter((page) => page.navLabel && page.bodyType === 'frontmatter')
    .map((page) => ({
      html: `<a href="${page.filename}">${esc(page.navLabel ?? '')}</a>`,
      depth: 0,
      children: []
    }))
  const back = pages
    .filter((page) => page.navLabel && page.bodyType === 'backmatter')
    .map((page) => ({
      html: `<a href="${page.filename}">${esc(page.navLabel ?? '')}</a>`,
      depth: 0,
      children: []
    }))
  const toc = render([...front, ...roots, ...back], '    ')
  const firstChapter = pages.find((page) => page.bodyType === 'bodymatter')
  const landmarks = [
    `<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>`,
    ...pages
      .filter((page) => page.landmark?.type === 'titlepage')
      .map(
        (page) =>
          `<li><a epub:type="titlepage" href="${page.filename}">${esc(page.landmark?.label ?? '')}</a></li>`
      ),
    `<li><a epub:type="toc" href="toc.xhtml">Table of contents</a></li>`,
    ...(firstChapter
      ? [`<li><a epub:type="bodymatter" href="${firstChapter.filename}">Start of the text</a></li>`]
      : []),
    ...pages
      .filter((page) => page.landmark && page.landmark.type !== 'titlepage')
      .map(
        (page) =>
          `<li><a epub:type="${page.landmark?.type ?? ''}" href="${page.filename}">${esc(page.landmark?.label ?? '')}</a></li>`
      )
  ]
  const markers = pageMarkersOf(work)
  const pageList = markers
    .filter((marker) => fileOf.has(marker.id))
    .map(
      (marker) =>
        `      <li><a href="${fileOf.get(marker.id) ?? ''}#${esc(marker.id)}">${esc(marker.n)}</a></li>\n`
    )
    .join('')
  return [
    `  <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n    <h2 id="toc-title">Contents</h2>\n${toc}  </nav>\n`,
    `  <nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">\n    <h2 id="landmarks-title">Landmarks</h2>\n    <ol>\n${landmarks.map((item) => `      ${item}\n`).join('')}    </ol>\n  </nav>\n`,
    pageList
      ? `  <nav epub:type="page-list" id="page-list" role="doc-pagelist" aria-labelledby="page-list-title" hidden="hidden">\n    <h2 id="page-list-title">Pages of the source</h2>\n    <ol>\n${pageList}    </ol>\n  </nav>\n`
      : ''
  ].join('')
}
