/**
 * One work → the pages of its EPUB (pure: no I/O). Chapters are the work's
 * top-level sections (a lone title section is split at its subsections), each
 * ending with the notes first called in it; then the glossary and the index
 * of names. Links are resolved across files at the end.
 */
import {
  alignmentsOf,
  apparatusOf,
  dateInWords,
  frontMatterOf,
  headingsOf,
  labelsFor,
  pageMarkersOf,
  type Alignment,
  type ApparatusEntry,
  type ApparatusGroup,
  type ApparatusGroupName,
  type HeadingEntry,
  type Note,
  type Root,
  type Section,
  type Work
} from '@diglot/core'
import {blockToHast, hyphenateScreen, markLessThan, unmarkLessThan, noteMark, noteToHast, notesById, type ToHastOptions} from '@diglot/html'
import type {Element, ElementContent, Nodes, Properties, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {apparatusLang, languageName, personName} from './metadata.js'

/** One XHTML file of the book. */
export interface Page {
  /** File name inside `OEBPS/`. */
  filename: string
  /** Manifest id. */
  id: string
  /** `<title>`. */
  title: string
  /** Language of the page (the apparatus language). */
  lang: string
  /** `epub:type` of `<body>`. */
  bodyType: string
  /** The body's content as hast (before serialization). */
  tree: HastRoot
  /** Serialized body content (after `resolveLinks`). */
  body: string
  /** Shown in the table of contents as a top-level entry (front and back matter). */
  navLabel?: string | undefined
  /** Landmark type, if the page is a landmark. */
  landmark?: {type: string; label: string} | undefined
}

/** Everything the packager needs about a work's content. */
export interface BookContent {
  pages: Page[]
  /** The nav document's body. */
  nav: string
  /** File of each id. */
  fileOf: Map<string, string>
  /** Languages used in the text (works' languages first, then runs). */
  languages: string[]
  hasIndex: boolean
  hasGlossary: boolean
  pageCount: number
}

/**
 * Serialize hast as XHTML. HTML allows a raw `<` in an attribute value, XML does
 * not (a title `a < b` in the cover's `alt` made the EPUB unreadable): it is
 * written `&#x3C;`. (U+FFFF marks it during serialization: no source may hold it.)
 */
export const xhtml = (tree: Nodes): string =>
  unmarkLessThan(toHtml(markLessThan(tree), {closeSelfClosing: true, tightSelfClosing: false, allowDangerousCharacters: false, characterReferences: {useNamedReferences: false}}))

/** Text with its Han runs tagged `zh-Hans` (for plain strings from the metadata and the glossary). */
export function tagged(text: string): ElementContent[] {
  const parts: ElementContent[] = []
  let last = 0
  for (const match of text.matchAll(/\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff01-\uff60]*/gu)) {
    const at = match.index ?? 0
    if (at > last) parts.push({type: 'text', value: text.slice(last, at)})
    parts.push(h('span', {lang: 'zh-Hans'}, match[0]))
    last = at + match[0].length
  }
  if (last < text.length) parts.push({type: 'text', value: text.slice(last)})
  return parts
}

/** Give every element with `lang` the same `xml:lang` (XHTML content documents want both). */
export function withXmlLang(node: HastRoot | ElementContent): void {
  if (node.type === 'element') {
    const lang = node.properties['lang']
    if (typeof lang === 'string') node.properties['xmlLang'] = lang
  }
  if ('children' in node) for (const child of node.children) withXmlLang(child as ElementContent)
}

/** Escape text for XML. */
export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Build the pages of one work (the cover page is added by the packager). */
export function buildContent(tree: Root, work: Work): BookContent {
  const lang = apparatusLang(work)
  // The glossary and the index of names as the book model has them: groups, order, headwords.
  const [glossaryGroup, indexGroup] = apparatusOf(tree, {lang, labels: labelsFor(lang), work})
  const groupOf = new Map<string, ApparatusGroupName>(apparatusOf(tree, {lang, labels: labelsFor(lang)}).flatMap((group) => group.entries.map((entry) => [entry.id, group.name] as const)))
  const options: ToHastOptions = {
    target: 'epub',
    glossaryHref: (identifier) => `#${groupOf.get(identifier) === 'names' ? 'index-' : 'glossary-'}${identifier}`
  }
  const notes = notesById(work)
  const placed = new Set<string>()
  const pages: Page[] = []

  pages.push(titlePage(work, lang))
  pages.push(imprintPage(work, lang))

  // Chapters.
  const units = chapterUnits(work)
  units.forEach((unit, index) => {
    const content: ElementContent[] = []
    for (const node of unit.nodes) content.push(...(blockToHast(work, node, options).children as ElementContent[]))
    const chapter = h('section', {className: ['chapter'], 'epub:type': 'chapter', role: 'doc-chapter', ariaLabel: unit.title}, content)
    const called = notesCalledIn(chapter, notes, placed)
    const body: ElementContent[] = [chapter]
    if (called.length > 0) {
      body.push(
        h('section', {className: ['notes'], 'epub:type': 'footnotes', ariaLabel: 'Notes'}, [
          h('hr', {className: ['notes-rule']}),
          ...called.map((note) => noteToHast(note, options, work))
        ])
      )
    }
    pages.push({
      filename: `chapter-${String(index + 1).padStart(3, '0')}.xhtml`,
      id: `chapter-${index + 1}`,
      title: unit.title,
      lang,
      bodyType: 'bodymatter',
      tree: {type: 'root', children: body},
      body: ''
    })
  })
  // Notes never called (should not happen: `diglot check` requires a call) go after the last chapter.
  const orphans = [...notes.values()].filter((note) => !placed.has(note.id))
  const last = pages.at(-1)
  if (orphans.length > 0 && last) {
    last.tree.children.push(h('section', {className: ['notes'], 'epub:type': 'footnotes', ariaLabel: 'Notes'}, orphans.map((note) => noteToHast(note, options, work))))
  }

  const targets = new Map<string, string>()
  for (const alignment of alignmentsOf(work)) targets.set(alignment.id, `¶${alignment.paragraph ?? alignment.n}`)
  for (const note of notes.values()) targets.set(note.id, `n. ${noteMark(note)}${work.languages.length > 1 ? ` (${note.lang})` : ''}`)
  const locators = (entry: ApparatusEntry): Array<{href: string; label: string}> =>
    entry.occurrences.map((occurrence) => ({href: `#${occurrence.target}`, label: targets.get(occurrence.target) ?? occurrence.target}))
  if (glossaryGroup && glossaryGroup.entries.length > 0) pages.push(glossaryPage(glossaryGroup, work, lang, locators))
  if (indexGroup && indexGroup.entries.length > 0) pages.push(indexPage(indexGroup, lang, locators))

  const fileOf = resolveLinks(pages)
  for (const page of pages) {
    // Kazakh soft hyphens in the text (reading systems have no Kazakh dictionary).
    if (page.bodyType === 'bodymatter') hyphenateScreen(page.tree, page.lang)
    withXmlLang(page.tree)
    page.body = xhtml(page.tree)
  }

  const markers = pageMarkersOf(work)
  return {
    pages,
    nav: navBody(work, pages, fileOf, lang, units),
    fileOf,
    languages: languagesOf(work, pages),
    hasIndex: (indexGroup?.entries.length ?? 0) > 0,
    hasGlossary: (glossaryGroup?.entries.length ?? 0) > 0,
    pageCount: markers.length
  }
}

interface Unit {
  nodes: Array<Section | Alignment>
  title: string
}

/**
 * Top-level sections become chapters. When the work is one section (its
 * title) holding subsections, its opening blocks are one chapter and each
 * subsection another.
 */
export function chapterUnits(work: Work): Unit[] {
  const top = work.children.filter((child): child is Section | Alignment => child.type === 'section' || child.type === 'alignment')
  const headings = new Map(headingsOf(work).map((entry) => [entry.id, entry]))
  const lang = apparatusLang(work)
  const titleOf = (node: Section | Alignment): string => {
    const alignment = node.type === 'section' ? node.children.find((child): child is Alignment => child.type === 'alignment') : node
    if (!alignment) return work.meta.title[lang] ?? work.id
    const entry = headings.get(alignment.id)
    return (entry ? entry.text[lang] ?? Object.values(entry.text)[0] : undefined) ?? `¶${alignment.paragraph ?? alignment.n}`
  }
  let nodes: Array<Section | Alignment> = top
  const lone = top.length === 1 && top[0]?.type === 'section' ? top[0] : undefined
  const units: Unit[] = []
  if (lone && lone.children.some((child) => child.type === 'section')) {
    const opening = lone.children.filter((child): child is Alignment => child.type === 'alignment')
    units.push({nodes: opening, title: titleOf(lone)})
    nodes = lone.children.filter((child): child is Section => child.type === 'section')
  }
  let loose: Alignment[] = []
  const flush = (): void => {
    if (loose.length > 0) units.push({nodes: loose, title: units.length === 0 ? work.meta.title[apparatusLang(work)] ?? work.id : `¶${loose[0]?.n ?? ''}`})
    loose = []
  }
  for (const node of nodes) {
    if (node.type === 'alignment') {
      loose.push(node)
      continue
    }
    flush()
    units.push({nodes: [node], title: titleOf(node)})
  }
  flush()
  return units
}

/** Notes called in `tree` (and in those notes, recursively) not placed yet, in order of first call. */
function notesCalledIn(tree: Element, notes: Map<string, Note>, placed: Set<string>): Note[] {
  const result: Note[] = []
  const visit = (node: ElementContent | HastRoot): void => {
    if (node.type === 'element') {
      const href = node.properties['href']
      const classes = node.properties['className']
      if (typeof href === 'string' && Array.isArray(classes) && classes.includes('noteref')) {
        const note = notes.get(href.slice(1))
        if (note && !placed.has(note.id)) {
          placed.add(note.id)
          result.push(note)
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as ElementContent)
  }
  visit(tree)
  return result
}

/** Give every `#id` link the file that holds the id; returns the file of every id. */
export function resolveLinks(pages: Page[]): Map<string, string> {
  const fileOf = new Map<string, string>()
  const walk = (node: HastRoot | ElementContent, visitor: (element: Element) => void): void => {
    if (node.type === 'element') visitor(node)
    if ('children' in node) for (const child of node.children) walk(child as ElementContent, visitor)
  }
  for (const page of pages) {
    walk(page.tree, (element) => {
      const id = element.properties['id']
      if (typeof id === 'string') fileOf.set(id, page.filename)
    })
  }
  for (const page of pages) {
    walk(page.tree, (element) => {
      const href = element.properties['href']
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
      // The Markdown's link address is percent-encoded (`#бас` is `#%D0%B1…`); ids are not.
      const file = fileOf.get(href.slice(1)) ?? fileOf.get(decodedFragment(href))
      if (!file) throw new Error(`epub: link to #${href.slice(1)} in ${page.filename} has no target in the book`)
      if (file !== page.filename) element.properties['href'] = `${file}${href}`
    })
  }
  return fileOf
}

/** The id a `#fragment` address names, as a browser finds it (percent-decoded). */
function decodedFragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}

function titleLines(work: Work): ElementContent[] {
  const result: ElementContent[] = []
  work.languages.forEach((language, index) => {
    const title = work.meta.title[language]
    if (title) result.push(h('span', {className: ['title', index === 0 ? 'title-original' : 'title-translation'], lang: language}, title))
    const subtitle = work.meta.subtitle?.[language]
    if (subtitle) result.push(h('span', {className: ['subtitle'], lang: language}, subtitle))
  })
  return result
}

function titlePage(work: Work, lang: string): Page {
  const children: ElementContent[] = [h('h1', {className: ['title-heading']}, titleLines(work))]
  if (work.meta.authors.length > 0) {
    children.push(
      h('p', {className: ['authors']}, work.meta.authors.flatMap((author, index) => {
        const names = work.languages.concat(Object.keys(author.name)).filter((language, i, all) => all.indexOf(language) === i && author.name[language])
        const parts: ElementContent[] = []
        if (index > 0) parts.push({type: 'text', value: ', '})
        names.forEach((language, i) => {
          if (i > 0) parts.push({type: 'text', value: ' '})
          parts.push(h('span', {lang: language}, i > 0 ? `(${author.name[language]})` : author.name[language] ?? ''))
        })
        return parts
      }))
    )
  }
  if (work.meta.translators.length > 0) {
    // As the book model words it: “Translated into English by the editors of this edition”.
    for (const line of frontMatterOf(work, lang, labelsFor(lang)).contributors) {
      if (line.role === 'translator') children.push(h('p', {className: ['translators']}, line.text))
    }
  }
  if (work.meta.series) children.push(h('p', {className: ['series']}, work.meta.series))
  if (work.meta.publisher) children.push(h('p', {className: ['publisher']}, work.meta.publisher))
  return {
    filename: 'titlepage.xhtml',
    id: 'titlepage',
    title: work.meta.title[lang] ?? work.meta.title[work.languages[0] ?? ''] ?? work.id,
    lang,
    bodyType: 'frontmatter',
    tree: {type: 'root', children: [h('section', {className: ['titlepage'], 'epub:type': 'titlepage', id: 'titlepage', ariaLabel: 'Title page'}, children)]},
    body: '',
    navLabel: 'Title page',
    landmark: {type: 'titlepage', label: 'Title page'}
  }
}

function imprintPage(work: Work, lang: string): Page {
  const meta = work.meta
  const rows: ElementContent[] = []
  const row = (label: string, value: ElementContent | ElementContent[] | string): void => {
    rows.push(h('p', [h('span', {className: ['imprint-label']}, `${label}: `), ...(typeof value === 'string' ? tagged(value) : Array.isArray(value) ? value : [value])]))
  }
  row('Title', titleLines(work).map((line) => ({...(line as Element), tagName: 'span', properties: {...(line as Element).properties, className: ['imprint-title']}})))
  if (meta.authors.length > 0) row('Author', meta.authors.map((author) => personName(author, lang)).join(', '))
  const authorNote = meta.authorNote?.[lang]
  if (authorNote) rows.push(h('p', {className: ['imprint-note']}, tagged(authorNote)))
  if (meta.translators.length > 0) {
    row('Translation', meta.translators.map((translator) => `${personName(translator, lang)} (into ${languageName(translator.language)})`).join(', '))
  }
  if (meta.translation?.madeForThisEdition) rows.push(h('p', {className: ['imprint-edition']}, 'The translation was made for this edition.'))
  for (const language of [lang, ...work.languages.filter((other) => other !== lang)]) {
    const note = meta.translation?.note?.[language]
    if (note) rows.push(h('p', {className: ['imprint-note'], ...(language === lang ? {} : {lang: language})}, tagged(note)))
  }
  if (meta.translation?.status === 'partial') rows.push(h('p', 'The translation is not finished: untranslated passages are marked.'))
  if (meta.publisher) row('Publisher', meta.publisher)
  if (meta.series) row('Series', meta.series)
  if (meta.date) row('Date of the original', dateInWords(meta.date, lang))
  row('Source', meta.source.description)
  if (meta.source.sha256) row('Source file SHA-256', h('code', {className: ['hash']}, meta.source.sha256))
  row('Licence', meta.licence)
  rows.push(h('p', {className: ['imprint-made']}, 'This EPUB was made with Diglot from the edition’s structured source; the same source gives the same bytes.'))
  return {
    filename: 'imprint.xhtml',
    id: 'imprint',
    title: 'Imprint',
    lang,
    bodyType: 'frontmatter',
    tree: {type: 'root', children: [h('section', {className: ['imprint'], 'epub:type': 'imprint', id: 'imprint', ariaLabelledBy: 'imprint-title'}, [h('h2', {id: 'imprint-title'}, 'Imprint'), ...rows])]},
    body: '',
    navLabel: 'Imprint'
  }
}

type Locators = (entry: ApparatusEntry) => Array<{href: string; label: string}>

/** The forms of an entry, the work's languages first; a listed (`indexAs`) headword replaces its language's form. */
function entryForms(entry: ApparatusEntry): ElementContent[] {
  const parts: ElementContent[] = []
  for (const forms of entry.forms) {
    const form = forms.lang === entry.headword.lang ? entry.headword.text : forms.forms[0]
    if (!form) continue
    if (parts.length > 0) parts.push({type: 'text', value: ' · '})
    parts.push(h('span', {lang: forms.lang, className: ['form', `form-${forms.key}`]}, form))
  }
  return parts
}

function glossaryPage(group: ApparatusGroup, work: Work, lang: string, locators: Locators): Page {
  const items: ElementContent[] = []
  for (const entry of group.entries) {
    items.push(h('dt', {id: `glossary-${entry.id}`, 'epub:type': 'glossterm'}, [h('dfn', entryForms(entry))]))
    const definition: ElementContent[] = []
    for (const language of work.languages) {
      const note = entry.entry.note[language]
      if (note) definition.push(h('p', {...(language === lang ? {} : {lang: language})}, tagged(note)))
    }
    const links = locators(entry)
    if (links.length > 0) definition.push(h('p', {className: ['occurrences']}, ['Occurs at ', ...joinLinks(links)]))
    items.push(h('dd', {'epub:type': 'glossdef'}, definition))
  }
  return {
    filename: 'glossary.xhtml',
    id: 'glossary',
    title: 'Glossary',
    lang,
    bodyType: 'backmatter',
    tree: {type: 'root', children: [h('section', {className: ['glossary'], 'epub:type': 'glossary', role: 'doc-glossary', id: 'glossary', ariaLabelledBy: 'glossary-title'}, [h('h2', {id: 'glossary-title'}, 'Glossary'), h('dl', items)])]},
    body: '',
    navLabel: 'Glossary',
    landmark: {type: 'glossary', label: 'Glossary'}
  }
}

function indexPage(group: ApparatusGroup, lang: string, locators: Locators): Page {
  const items = group.entries.map((entry) => {
    const note = entry.entry.note[lang]
    return h('li', {id: `index-${entry.id}`, 'epub:type': 'index-entry'}, [
      h('span', {'epub:type': 'index-term'}, entryForms(entry)),
      ...(note ? [{type: 'text', value: ' — '} as ElementContent, h('span', {className: ['index-note']}, tagged(note))] : []),
      {type: 'text', value: note ? ' ' : ': '},
      ...joinLinks(locators(entry), 'index-locator')
    ])
  })
  return {
    filename: 'index.xhtml',
    id: 'index',
    title: 'Index of names',
    lang,
    bodyType: 'backmatter',
    tree: {
      type: 'root',
      children: [h('section', {className: ['index'], 'epub:type': 'index', role: 'doc-index', id: 'index', ariaLabelledBy: 'index-title'}, [h('h2', {id: 'index-title'}, 'Index of names'), h('ul', {'epub:type': 'index-entry-list'}, items)])]
    },
    body: '',
    navLabel: 'Index of names',
    landmark: {type: 'index', label: 'Index of names'}
  }
}

function joinLinks(links: Array<{href: string; label: string}>, type?: string): ElementContent[] {
  const parts: ElementContent[] = []
  links.forEach((link, index) => {
    if (index > 0) parts.push({type: 'text', value: ', '})
    const properties: Properties = {href: link.href}
    if (type) properties['epub:type'] = type
    parts.push(h('a', properties, link.label))
  })
  return parts
}

/** The languages of the book: the work's, then every other `lang` in the text (not pinyin, not Latin tags of the apparatus). */
function languagesOf(work: Work, pages: Page[]): string[] {
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
function navBody(work: Work, pages: Page[], fileOf: Map<string, string>, lang: string, units: Unit[]): string {
  const headings = headingsOf(work)
  const label = (entry: HeadingEntry): string => {
    const parts = work.languages.filter((language) => entry.text[language]).map((language) => (language === lang ? esc(entry.text[language] ?? '') : `<span lang="${esc(language)}" xml:lang="${esc(language)}">${esc(entry.text[language] ?? '')}</span>`))
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
    const item: NavItem = {html: `<a href="${file}#${esc(entry.id)}">${label(entry)}</a>`, depth: entry.depth, children: []}
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= entry.depth) stack.pop()
    const parent = stack.at(-1)
    if (parent) parent.children.push(item)
    else roots.push(item)
    stack.push(item)
  }
  // Chapters without a heading (loose blocks) still get an entry.
  for (const [index, unit] of units.entries()) {
    const first = unit.nodes[0]
    const hasHeading = unit.nodes.some((node) => (node.type === 'section' ? true : node.blockType === 'heading'))
    if (!hasHeading && first) roots.splice(Math.min(index, roots.length), 0, {html: `<a href="chapter-${String(index + 1).padStart(3, '0')}.xhtml">${esc(unit.title)}</a>`, depth: 1, children: []})
  }
  const render = (items: NavItem[], indent: string): string =>
    `${indent}<ol>\n${items.map((item) => `${indent}  <li>${item.html}${item.children.length > 0 ? `\n${render(item.children, `${indent}    `)}${indent}  ` : ''}</li>\n`).join('')}${indent}</ol>\n`
  const front = pages.filter((page) => page.navLabel && page.bodyType === 'frontmatter').map((page) => ({html: `<a href="${page.filename}">${esc(page.navLabel ?? '')}</a>`, depth: 0, children: []}))
  const back = pages.filter((page) => page.navLabel && page.bodyType === 'backmatter').map((page) => ({html: `<a href="${page.filename}">${esc(page.navLabel ?? '')}</a>`, depth: 0, children: []}))
  const toc = render([...front, ...roots, ...back], '    ')
  const firstChapter = pages.find((page) => page.bodyType === 'bodymatter')
  const landmarks = [
    `<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>`,
    ...pages.filter((page) => page.landmark?.type === 'titlepage').map((page) => `<li><a epub:type="titlepage" href="${page.filename}">${esc(page.landmark?.label ?? '')}</a></li>`),
    `<li><a epub:type="toc" href="toc.xhtml">Table of contents</a></li>`,
    ...(firstChapter ? [`<li><a epub:type="bodymatter" href="${firstChapter.filename}">Start of the text</a></li>`] : []),
    ...pages.filter((page) => page.landmark && page.landmark.type !== 'titlepage').map((page) => `<li><a epub:type="${page.landmark?.type ?? ''}" href="${page.filename}">${esc(page.landmark?.label ?? '')}</a></li>`)
  ]
  const markers = pageMarkersOf(work)
  const pageList = markers
    .filter((marker) => fileOf.has(marker.id))
    .map((marker) => `      <li><a href="${fileOf.get(marker.id) ?? ''}#${esc(marker.id)}">${esc(marker.n)}</a></li>\n`)
    .join('')
  return [
    `  <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n    <h2 id="toc-title">Contents</h2>\n${toc}  </nav>\n`,
    `  <nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">\n    <h2 id="landmarks-title">Landmarks</h2>\n    <ol>\n${landmarks.map((item) => `      ${item}\n`).join('')}    </ol>\n  </nav>\n`,
    pageList ? `  <nav epub:type="page-list" id="page-list" role="doc-pagelist" aria-labelledby="page-list-title" hidden="hidden">\n    <h2 id="page-list-title">Pages of the source</h2>\n    <ol>\n${pageList}    </ol>\n  </nav>\n` : ''
  ].join('')
}
