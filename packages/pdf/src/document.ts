/**
 * The print document of one work: front matter (half-title, title page,
 * imprint, contents), the text from the shared hast (`target: 'print'`),
 * and back matter (glossary, index of names), as one HTML page for Paged.js.
 * Page numbers are placeholders here; `paginate.ts` fills them in after layout.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {apparatusOf, frontMatterOf, headingsOf, labelsFor, type ApparatusEntry, type Root, type Work} from '@diglot/core'
import {toHast} from '@diglot/html'
import {hyphenateHast} from './hyphenate.js'
import {splitLongPairs} from './columns.js'

/** Names of languages, in English (the apparatus's language). */
const languageNames: Record<string, string> = {kk: 'Kazakh', en: 'English', 'zh-Hans': 'Chinese', zh: 'Chinese', ru: 'Russian'}

/** What the page needs besides its HTML. */
export interface PrintDocument {
  /** Title in the reading order of the work's languages, for metadata. */
  title: string
  author: string
  subject: string
  keywords: string[]
  /** `lang` of the document. */
  lang: string
  bilingual: boolean
  /** How the text is set: original and translation on facing pages, in two columns, or one language in one column. */
  layout: 'facing' | 'columns' | 'single'
  /** Running head of versos (the original's title). */
  versoHead: string
  /** Running head of rectos in the facing layout (the translation's title). */
  rectoHead: string
  /** Trim width and height (CSS lengths). */
  trim: [string, string]
  /** `@page` size. */
  pageSize: string
  /** Body HTML (inside `<body>`). */
  body: string
  /** Every text of the document, for the glyph check. */
  text: string
}

/** Pick a localised string: the first language that has one. */
function pick(text: Readonly<Record<string, string>> | undefined, languages: readonly string[]): string {
  if (!text) return ''
  for (const lang of languages) if (text[lang]) return text[lang]
  return Object.values(text)[0] ?? ''
}

/**
 * A title's form for running heads: the title up to its colon when it is
 * longer than `max` characters, never cut in a word or with an ellipsis
 * (the page checks that a head fits; a work gives `shortTitle` where it does not).
 */
export function shortTitle(title: string, max = 60): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const colon = clean.indexOf(':')
  return colon > 10 && colon <= max ? clean.slice(0, colon) : clean
}

/** Build the print document of a work. */
export function printDocument(tree: Root, work: Work): PrintDocument {
  const languages = work.languages
  const original = languages[0] ?? 'und'
  const translation = languages[1]
  const bilingual = translation !== undefined
  const layout = !bilingual ? 'single' : (work.meta.print.layout ?? 'facing')
  const apparatus = translation ?? original
  const meta = work.meta
  const titleOriginal = pick(meta.title, [original])
  const titleTranslation = translation ? pick(meta.title, [translation]) : ''
  const subtitle = meta.subtitle ? pick(meta.subtitle, [apparatus, original]) : ''
  const authors = meta.authors.map((person) => pick(person.name, ['en', ...languages]))
  const translators = meta.translators.map((person) => pick(person.name, ['en', ...languages]))
  // Contributor lines and the date as the book model words them (“Translated into English by
  // the editors of this edition”, “December 2013”).
  const front = frontMatterOf(work, apparatus, labelsFor(apparatus))
  const date = front.date?.text

  // ---------------------------------------------------------------- text
  const text = toHast(work, {target: 'print', glossaryHref: (identifier) => `#glossary-${identifier}`})
  prepareText(text, work)
  if (layout === 'columns') splitLongPairs(text)
  hyphenateHast(text, original)

  // ---------------------------------------------------------------- front matter
  const lang = (value: string): Record<string, string> => ({lang: value})
  const halfTitle = h('section', {className: ['cover', 'half-title'], dataMatter: 'cover'}, [
    h('p', {className: ['title'], ...lang(original)}, titleOriginal),
    ...(titleTranslation ? [h('p', {className: ['title', 'other-title'], ...lang(translation ?? 'en')}, titleTranslation)] : [])
  ])
  const people: ElementContent[] = []
  if (authors.length > 0) people.push(h('p', authors.join(', ')))
  else if (meta.authorNote) people.push(h('p', {className: ['author-note'], lang: 'en'}, h('i', 'Author not named in the source')))
  for (const contributors of front.contributors) {
    if (contributors.role === 'translator' && translators.length > 0) people.push(h('p', {lang: apparatus}, contributors.text))
  }
  const titlePage = h('section', {className: ['cover', 'title-page'], dataMatter: 'cover'}, [
    ...(meta.series ? [h('p', {className: ['series']}, meta.series)] : []),
    h('p', {className: ['title'], ...lang(original)}, titleOriginal),
    ...(subtitle ? [h('p', {className: ['subtitle'], ...lang(apparatus)}, subtitle)] : []),
    ...(titleTranslation ? [h('p', {className: ['other-title'], ...lang(translation ?? 'en')}, titleTranslation)] : []),
    h('div', {className: ['people']}, people),
    h('p', {className: ['publisher']}, [meta.publisher ?? 'Diglot', ...(date ? [` · ${date}`] : [])])
  ])
  const imprintLines: ElementContent[] = []
  const line = (content: string, langTag = 'en'): void => {
    if (content) imprintLines.push(h('p', {lang: langTag}, content))
  }
  line([titleOriginal, titleTranslation].filter(Boolean).join(' / '), original)
  if (meta.series) line(meta.series)
  if (meta.authorNote) line(pick(meta.authorNote, ['en', ...languages]))
  if (meta.translation?.note) line(pick(meta.translation.note, ['en', ...languages]))
  line(`Source: ${meta.source.description}`)
  if (meta.source.sha256) line(`Source file SHA-256: ${meta.source.sha256}`)
  line(meta.licence)
  const arrangement = layout === 'facing' ? ' original on the left-hand pages, ' : ' original on the left, '
  const engine = layout === 'columns' ? 'typeset with Diglot, Paged.js and Chromium' : 'typeset with Diglot and Chromium'
  line(`${meta.publisher ?? 'Diglot'}${date ? `, ${date}` : ''}. Set in Noto Serif and Noto Serif SC; ${bilingual ? `${languageNames[original] ?? original}${arrangement}${languageNames[translation ?? ''] ?? translation} translation ${layout === 'facing' ? 'facing it' : 'on the right'}; ` : ''}${engine}.`)
  const imprint = h('section', {className: ['cover', 'imprint'], dataMatter: 'cover'}, imprintLines)

  const headings = headingsOf(work).filter((heading) => heading.depth <= 3)
  const tocItems = headings.map((heading) => {
    const main = heading.text[apparatus] ?? heading.text[original] ?? ''
    const other = bilingual ? heading.text[original] : undefined
    return h('li', {className: [`toc-d${heading.depth}`]}, [
      h('a', {href: `#${heading.id}`}, [
        h('span', {className: ['toc-text']}, [
          h('span', {className: ['toc-block'], lang: apparatus}, main),
          ...(other && other !== main ? [h('span', {className: ['toc-other'], lang: original}, other)] : [])
        ]),
        h('span', {className: ['toc-leader'], ariaHidden: 'true'}),
        h('span', {className: ['toc-page'], dataTarget: heading.id}, '000')
      ])
    ])
  })
  const toc = h('nav', {className: ['toc'], dataMatter: 'front', role: 'doc-toc', ariaLabel: 'Contents'}, [h('h2', 'Contents'), h('ol', tocItems)])

  // ---------------------------------------------------------------- back matter
  const back = backMatter(tree, work, apparatus)
  const tocBack = back.map((section) =>
    h('li', {className: ['toc-d1']}, [
      h('a', {href: `#${String(section.properties['id'])}`}, [
        h('span', {className: ['toc-text']}, h('span', {className: ['toc-block']}, sectionTitle(section))),
        h('span', {className: ['toc-leader'], ariaHidden: 'true'}),
        h('span', {className: ['toc-page'], dataTarget: String(section.properties['id'])}, '000')
      ])
    ])
  )
  ;(toc.children[1] as Element).children.push(...tocBack)

  const main = h('main', {className: ['text'], dataMatter: 'body'}, text.children as ElementContent[])
  const body: HastRoot = {type: 'root', children: [halfTitle, titlePage, imprint, toc, main, ...back]}
  const title = [titleOriginal, titleTranslation].filter(Boolean).join(' / ')
  return {
    title,
    author: authors.join(', '),
    subject: subtitle,
    keywords: [meta.id, ...languages],
    lang: original,
    bilingual,
    layout,
    versoHead: meta.shortTitle?.[original] ?? shortTitle(titleOriginal),
    rectoHead: (translation ? meta.shortTitle?.[translation] : undefined) ?? shortTitle(titleTranslation || titleOriginal),
    pageSize: meta.print.trim === '6x9in' ? '6in 9in' : 'A5',
    trim: meta.print.trim === '6x9in' ? ['6in', '9in'] : ['148mm', '210mm'],
    body: toHtml(body),
    text: textOf(body)
  }
}

function sectionTitle(section: Element): string {
  const heading = section.children.find((child): child is Element => child.type === 'element' && /^h[12]$/.test(child.tagName))
  return heading ? textOf(heading) : ''
}

/** The text of a hast node. */
export function textOf(node: HastRoot | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'root' || node.type === 'element') return node.children.map((child) => textOf(child as ElementContent)).join('')
  return ''
}

/**
 * Adjust the shared hast for Paged.js: Paged.js owns `data-note` and the id
 * of a footnote (it overwrites both), so the note's id and mark move to
 * `data-note-id` / `data-mark` (the id is restored after pagination); each
 * note gets a side label (shown when a page has notes from both languages);
 * heading alignments carry their running-head text.
 */
function prepareText(tree: HastRoot, work: Work): void {
  const headings = new Map(headingsOf(work).map((heading) => [heading.id, heading]))
  const translation = work.languages[1]
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const classes = classList(child)
      if (child.tagName === 'span' && classes.includes('footnote')) {
        child.properties['dataNoteId'] = String(child.properties['id'] ?? '')
        child.properties['dataMark'] = String(child.properties['dataNote'] ?? '')
        delete child.properties['id']
        delete child.properties['dataNote']
        const langTag = String(child.properties['lang'] ?? '')
        const first = child.children.find((grandchild): grandchild is Element => grandchild.type === 'element' && classList(grandchild).includes('note-p'))
        const side = h('span', {className: ['note-side'], ariaHidden: 'true'}, langTag)
        if (first) {
          const markIndex = first.children.findIndex((grandchild) => grandchild.type === 'element' && classList(grandchild).includes('note-mark'))
          first.children.splice(markIndex + 1, 0, side)
        } else child.children.unshift(side)
        continue
      }
      if (child.properties['dataPage'] !== undefined) {
        // Paged.js reads `data-page` as a named page (CSS `page`) and starts a new page at
        // every change of it: a source page marker would break the page and sit alone on one.
        child.properties['dataSourcePage'] = child.properties['dataPage']
        delete child.properties['dataPage']
      }
      if (/^h[1-6]$/.test(child.tagName)) {
        // Bookmarks take the heading's name, without source page markers or line breaks.
        const label = textOf({...child, children: child.children.filter((grandchild) => !(grandchild.type === 'element' && classList(grandchild).includes('pb')))}).replace(/\s+/g, ' ').trim()
        child.properties['ariaLabel'] = label
      }
      if (classes.includes('alignment')) {
        const heading = headings.get(String(child.properties['id'] ?? ''))
        if (heading) {
          const text = heading.text[translation ?? ''] ?? heading.text[work.languages[0] ?? ''] ?? ''
          child.properties['dataRunningHead'] = shortTitle(text, 200)
          child.properties['dataDepth'] = String(heading.depth)
        }
      }
      visit(child)
    }
  }
  visit(tree)
  wrapUrls(tree)
}

/** Put URLs in `span.url` so that they may break anywhere instead of stretching a justified line. */
function wrapUrls(node: HastRoot | Element): void {
  const pattern = /(?:https?:\/\/|www\.)[^\s)\]>»”"]+[^\s)\]>»”".,;:]/g
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index]
    if (!child) continue
    if (child.type === 'element') {
      if (child.tagName !== 'a' || !String(child.properties['href'] ?? '').startsWith('http')) wrapUrls(child)
      else child.properties['className'] = [...classList(child), 'url']
      continue
    }
    if (child.type !== 'text' || !pattern.test(child.value)) continue
    pattern.lastIndex = 0
    const parts: ElementContent[] = []
    let last = 0
    for (const match of child.value.matchAll(pattern)) {
      if (match.index > last) parts.push({type: 'text', value: child.value.slice(last, match.index)})
      parts.push(h('span', {className: ['url']}, match[0]))
      last = match.index + match[0].length
    }
    if (last < child.value.length) parts.push({type: 'text', value: child.value.slice(last)})
    node.children.splice(index, 1, ...(parts as typeof node.children))
    index += parts.length - 1
  }
}

function classList(element: Element): string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * The glossary and the index of names of a work, as the book model has them
 * (groups, order, headwords), with page placeholders.
 */
function backMatter(tree: Root, work: Work, apparatus: string): Element[] {
  const labels = labelsFor(apparatus)
  const sections: Element[] = []
  const entryElement = (entry: ApparatusEntry): Element => {
    const others: ElementContent[] = []
    for (const forms of entry.forms) {
      const form = forms.forms[0]
      if (!form || form === entry.headword.text || form === entry.entry.forms[apparatus]?.[0]) continue
      if (others.length > 0) others.push({type: 'text', value: ', '})
      others.push(h('span', {lang: forms.lang}, form))
    }
    const count = new Set(entry.occurrences.map((occurrence) => occurrence.target)).size
    const note = entry.notes.find((text) => text.lang === apparatus) ?? entry.notes.find((text) => text.lang === 'en')
    return h('p', {className: ['entry'], id: `glossary-${entry.id}`}, [
      h('span', {className: ['headword'], ...(entry.headword.lang === apparatus ? {} : {lang: entry.headword.lang})}, entry.headword.text),
      ...(others.length > 0 ? [' ', h('span', {className: ['forms']}, ['(', ...others, ')'])] : []),
      ...(note ? [{type: 'text' as const, value: ` — ${note.text}`}] : []),
      ' ',
      h('span', {className: ['pages'], dataEntry: entry.id}, Array.from({length: Math.max(1, count)}, () => '000').join(', '))
    ])
  }
  for (const group of apparatusOf(tree, {lang: apparatus, labels, work})) {
    if (group.entries.length === 0) continue
    const id = group.name === 'glossary' ? 'glossary' : 'index-of-names'
    sections.push(h('section', {className: ['back', group.name], id, dataMatter: 'back', dataRunningHead: group.title}, [h('h1', group.title), h('div', {className: ['entries']}, group.entries.map(entryElement))]))
  }
  return sections
}
