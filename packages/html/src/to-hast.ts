/**
 * Diglot AST → hast, shared by every edition: one handler per Diglot node type
 * on top of mdast-util-to-hast. The target decides only what must differ
 * (where notes go, EPUB semantics); everything else is the same markup.
 */
import {defaultHandlers, toHast as mdastToHast, type Handler, type Handlers, type State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {Element, ElementContent, Properties, Root as HastRoot} from 'hast'
import type {Heading, Nodes as MdastNodes, PhrasingContent} from 'mdast'
import {blockSpans} from './block-spans.js'
import type {
  Alignment,
  Editorial,
  EditorialInsertion,
  Gap,
  GlossaryReference,
  InlineGap,
  LangRun,
  Note,
  NoteReference,
  PageMarker,
  Section,
  Segment,
  Sic,
  Work
} from '@diglot/core'

/** Which edition the hast is for. */
export type Target = 'web' | 'epub' | 'print'

/** Options of `toHast`. */
export interface ToHastOptions {
  target: Target
  /** URL of a glossary entry (default `#glossary-<id>`). */
  glossaryHref?: ((identifier: string) => string) | undefined
  /** Words of the apparatus in the reader's language (default English). */
  labels?: Partial<Labels> | undefined
}

/** Words the apparatus shows. */
export interface Labels {
  sic: string
  untranslated: string
  missing: string
  page: string
  /** Accessible name of a source page marker in the web target (`Source page 20`). */
  sourcePage: string
  noteKinds: Record<Note['kind'], string>
}

const defaultLabels: Labels = {
  sic: 'sic',
  untranslated: 'Not yet translated.',
  missing: 'Not yet translated.',
  page: 'p.',
  sourcePage: 'Source page',
  noteKinds: {author: 'Note', translator: 'Translator’s note', editor: 'Editor’s note'}
}

/** The mark a reader sees for a note: `12`, `T1` (translator), `E1` (editor). */
export function noteMark(note: Pick<Note, 'kind' | 'number'>): string {
  return note.kind === 'author' ? String(note.number) : `${note.kind === 'translator' ? 'T' : 'E'}${note.number}`
}

/** The id of a page marker: the original's `page-20`, a translation's `page-20-en`. */
export function pageId(marker: PageMarker, lang: string, role: Segment['role']): string {
  return role === 'original' ? marker.id : `${marker.id}-${lang}`
}

/** Everything the handlers need about the work being converted. */
interface Context {
  options: ToHastOptions
  labels: Labels
  notes: Map<string, Note>
  /** Language and role of the segment being converted. */
  lang: string
  role: Segment['role']
  /** Notes called in the current segment, in order. */
  called: Note[]
  /** Id of the section being converted (`` outside any). */
  section: string
  /** Glossary entries already linked, by section and language (web and EPUB link only the first). */
  linked: Set<string>
  /** Whether paragraphs carry their numbers (the work's `paragraphNumbers`). */
  numbered: boolean
}

/** The notes of a work, by id. */
export function notesById(work: Work): Map<string, Note> {
  const map = new Map<string, Note>()
  for (const child of work.children) if (child.type === 'noteList') for (const note of child.children) map.set(note.id, note)
  return map
}

/**
 * Convert a work's text (sections and alignments) to hast.
 * Notes are placed by target: `web` after each segment's block (sidenotes),
 * `print` at their call (Paged.js page-foot notes), `epub` not at all
 * (the caller places `noteToHast` output at the end of each chapter).
 */
export function toHast(work: Work, options: ToHastOptions): HastRoot {
  const context = createContext(work, options)
  const children: ElementContent[] = []
  for (const child of work.children) {
    if (child.type === 'section' || child.type === 'alignment') children.push(...convert(child, context))
  }
  return {type: 'root', children}
}

/** Convert one section or alignment of `work` (e.g. an EPUB chapter). */
export function blockToHast(work: Work, node: Section | Alignment, options: ToHastOptions): HastRoot {
  return {type: 'root', children: convert(node, createContext(work, options))}
}

function createContext(work: Work, options: ToHastOptions): Context {
  return {
    options,
    labels: {...defaultLabels, ...options.labels},
    notes: notesById(work),
    numbered: work.meta.paragraphNumbers,
    lang: work.languages[0] ?? 'und',
    role: 'original',
    called: [],
    section: '',
    linked: new Set()
  }
}

function convert(node: Section | Alignment | Note, context: Context): ElementContent[] {
  const result = mdastToHast(node as unknown as MdastNodes, {handlers: handlers(context), allowDangerousHtml: false})
  return result.type === 'root' ? (result.children as ElementContent[]) : [result as ElementContent]
}

/** A note as an element: its mark with back links to every call, then its text. */
export function noteToHast(note: Note, options: ToHastOptions, work?: Work): Element {
  const context: Context = {
    options,
    labels: {...defaultLabels, ...options.labels},
    notes: work ? notesById(work) : new Map(),
    numbered: work?.meta.paragraphNumbers ?? false,
    lang: note.lang,
    // As where it is called: a translation's note gives its page markers the translation's ids.
    role: work !== undefined && note.lang !== work.languages[0] ? 'translation' : 'original',
    called: [],
    section: '',
    linked: new Set()
  }
  return noteElement(note, context)
}

function noteElement(note: Note, context: Context): Element {
  const body = mdastToHast({type: 'root', children: note.children} as MdastNodes, {handlers: handlers(context)})
  const content = (body.type === 'root' ? body.children : [body]) as ElementContent[]
  const backlinks: ElementContent[] = note.calls.map((call, index) =>
    h('a', {href: `#${call}`, className: ['note-backlink'], role: 'doc-backlink', ...(context.options.target === 'epub' ? {} : {ariaLabel: `Back to the call of note ${noteMark(note)}${index > 0 ? ` (${index + 1})` : ''}`})}, index === 0 ? noteMark(note) : `↩${index + 1}`)
  )
  const mark = h('span', {className: ['note-mark']}, backlinks.length > 0 ? backlinks : [noteMark(note)])
  const properties: Properties = {
    id: note.id,
    lang: note.lang,
    className: ['note', `note-${note.kind}`],
    dataKind: note.kind,
    dataNote: noteMark(note)
  }
  if (note.twin) properties['dataTwin'] = note.twin
  if (context.options.target === 'epub') properties['epub:type'] = 'footnote'
  properties['role'] = 'doc-footnote'
  // Put the mark inside the first paragraph so that it reads as one line.
  const first = content[0]
  if (first && first.type === 'element' && first.tagName === 'p') first.children.unshift(mark, {type: 'text', value: ' '})
  else content.unshift(h('p', [mark]))
  if (note.kind !== 'author') {
    const kind = h('span', {className: ['note-kind']}, `${context.labels.noteKinds[note.kind]}: `)
    const paragraph = content[0] as Element
    paragraph.children.splice(2, 0, kind)
  }
  return h('aside', properties, content)
}

function handlers(context: Context): Handlers {
  const section: Handler = (state, node: Section) => {
    const outer = context.section
    context.section = node.id
    const children = state.all(node as never) as ElementContent[]
    context.section = outer
    return h('section', {className: ['section', `depth-${node.depth}`], dataSection: node.id}, children)
  }

  const alignment: Handler = (state, node: Alignment) => {
    const segments = node.children.map((segment) => segmentElement(state, segment, node))
    return h('div', {id: node.id, className: ['alignment', `alignment-${node.blockType}`], dataN: String(node.n), dataBlock: node.blockType}, segments)
  }

  function segmentElement(state: State, segment: Segment, parent: Alignment): Element {
    const previous = {lang: context.lang, role: context.role, called: context.called}
    context.lang = segment.lang
    context.role = segment.role
    context.called = []
    let content: ElementContent[]
    if (segment.status === 'present') content = state.all(segment as never) as ElementContent[]
    else content = [h('p', {className: ['segment-missing'], lang: 'en'}, context.labels[segment.status === 'untranslated' ? 'untranslated' : 'missing'])]
    if (context.options.target === 'web' && context.called.length > 0) {
      // A note may call another note: it joins `called` while the first is converted (no `map`, which would miss it).
      const sidenotes: Element[] = []
      for (let index = 0; index < context.called.length; index++) sidenotes.push(noteElement(context.called[index] as Note, context))
      content.push(h('div', {className: ['sidenotes']}, sidenotes))
    }
    const element = h(
      'div',
      {className: ['segment', `segment-${segment.role}`, `segment-${segment.status}`], lang: segment.lang, dataRole: segment.role, dataStatus: segment.status},
      content
    )
    // The paragraph number, the same in every edition (headings are not counted).
    if (context.numbered && parent.paragraph !== undefined) {
      element.children.unshift(h('a', {className: ['pilcrow'], href: `#${parent.id}`, ariaLabel: `Paragraph ${parent.paragraph}`, ...(segment.role === 'translation' ? {tabIndex: -1, ariaHidden: 'true'} : {})}, String(parent.paragraph)))
    }
    context.lang = previous.lang
    context.role = previous.role
    context.called = previous.called
    return element
  }

  const noteReference: Handler = (_state, node: NoteReference) => {
    const note = context.notes.get(node.noteId)
    const mark = note ? noteMark(note) : String(node.number)
    if (note && !context.called.includes(note)) context.called.push(note)
    const properties: Properties = {href: `#${node.noteId}`, id: node.id, className: ['noteref', `noteref-${node.kind}`], role: 'doc-noteref'}
    if (context.options.target === 'epub') properties['epub:type'] = 'noteref'
    else properties['ariaLabel'] = `${note ? context.labels.noteKinds[note.kind] : 'Note'} ${mark}`
    const call = h('sup', {className: ['noteref-sup']}, [h('a', properties, mark)])
    if (context.options.target === 'print' && note) {
      // Paged.js moves `.footnote` to the foot of the page and numbers the call.
      const inline = inlineNote(note, context)
      return [call, inline]
    }
    return call
  }

  const glossaryReference: Handler = (state, node: GlossaryReference) => {
    // A short person's name is kept on one line ("Hu Jintao"); a longer one may break between its
    // words, which is better than the gaping line it would leave (no name is ever hyphenated).
    const text = plainText(node)
    const whole = node.entryKind === 'person' && /\s/.test(text) && [...text].length <= shortName ? ['nobreak'] : []
    // Web and EPUB link a term at its first occurrence in each section and language; the rest is plain text.
    if (context.options.target !== 'print') {
      const key = `${context.section}\u0000${context.lang}\u0000${node.identifier}`
      if (context.linked.has(key)) return h('span', {className: ['term-plain', `term-${node.entryKind}`, ...whole]}, state.all(node as never) as ElementContent[])
      context.linked.add(key)
    }
    const href = context.options.glossaryHref ? context.options.glossaryHref(node.identifier) : `#glossary-${node.identifier}`
    return h('a', {href, className: ['term', `term-${node.entryKind}`, ...whole], dataEntry: node.identifier}, state.all(node as never) as ElementContent[])
  }

  const langRun: Handler = (state, node: LangRun) => h('span', {lang: node.lang, className: node.explicit ? ['lang'] : ['lang', 'lang-auto']}, state.all(node as never) as ElementContent[])

  const pageMarker: Handler = (_state, node: PageMarker, parent) => {
    const id = pageId(node, context.lang, context.role)
    const properties: Properties = {id, className: ['pb'], role: 'doc-pagebreak', ariaLabel: `${context.labels.page} ${node.n}`, dataPage: node.n}
    if (context.options.target === 'epub') {
      // Named by its title (Standard Ebooks, Ace's pagebreak-label): axe prohibits aria-label on this span.
      delete properties['ariaLabel']
      properties['epub:type'] = 'pagebreak'
      properties['title'] = node.n
      return h('span', properties)
    }
    if (context.options.target === 'web') {
      // A citable anchor: a link to itself, in the tab order, named by its visible text (`[p. 20]`), described by its title.
      return h('span', {id, className: ['pb'], dataPage: node.n}, [
        h('a', {href: `#${id}`, className: ['pb-link'], title: `${context.labels.sourcePage} ${node.n}`}, `[${context.labels.page} ${node.n}]`)
      ])
    }
    // Print: a thin bar between the words, the page number in the outer margin; a block that opens
    // with the page needs no bar.
    const bar = parent?.children[0] === node ? [] : [h('span', {className: ['pb-bar'], ariaHidden: 'true'}, '|')]
    return h('span', properties, [...bar, h('span', {className: ['pb-num'], ariaHidden: 'true'}, node.n)])
  }

  // A page marker never stands in a heading's text: on screen it goes before the heading; in print
  // only its number, in the margin, stays beside the heading (out of its accessible name).
  // A heading the source sets in capitals is set in small caps, its text unchanged.
  const heading: Handler = (state, node: Heading) => {
    let count = 0
    while (node.children[count]?.type === ('pageMarker' as string)) count++
    const element = defaultHandlers.heading(state, count === 0 ? node : {...node, children: node.children.slice(count)})
    if (isAllCaps(plainText(node))) element.properties['className'] = ['caps']
    if (count === 0) return element
    const markers = node.children.slice(0, count).map((marker) => state.one(marker, node)) as Element[]
    if (context.options.target !== 'print') return [...markers, element]
    for (const marker of markers) {
      marker.properties = {className: ['pb', 'pb-heading'], dataPage: marker.properties['dataPage'], id: marker.properties['id']}
      marker.children = marker.children.filter((child) => child.type === 'element' && (child.properties['className'] as string[] | undefined)?.includes('pb-num'))
    }
    element.children.unshift(...markers)
    return element
  }

  const inlineGap: Handler = (state, node: InlineGap) =>
    h('span', {className: ['gap', 'gap-inline'], role: 'note'}, [h('span', {className: ['gap-mark']}, '[…]'), ' ', h('span', {className: ['gap-note']}, state.all(node as never) as ElementContent[])])

  const gap: Handler = (state, node: Gap) =>
    h('div', {className: ['gap', 'gap-block'], role: 'note'}, [h('p', [h('span', {className: ['gap-mark']}, '[…]'), ' ', h('span', {className: ['gap-note']}, state.all(node as never) as ElementContent[])])])

  const sic: Handler = (state, node: Sic) =>
    h('span', {className: ['sic']}, [...(state.all(node as never) as ElementContent[]), ' ', h('span', {className: ['sic-mark'], lang: 'la'}, `[${context.labels.sic}]`)])

  const editorialInsertion: Handler = (state, node: EditorialInsertion) =>
    h('span', {className: ['ed-insertion']}, ['[', ...(state.all(node as never) as ElementContent[]), ']'])

  const editorial: Handler = (state, node: Editorial) => h('div', {className: ['editorial'], role: 'note'}, state.all(node as never) as ElementContent[])

  return {
    heading,
    section,
    alignment,
    noteReference,
    glossaryReference,
    langRun,
    pageMarker,
    inlineGap,
    gap,
    sic,
    editorialInsertion,
    editorial
  } as unknown as Handlers
}

/** Longest person's name (in characters) kept on one line. */
export const shortName = 12

/** The text of an mdast node and its descendants. */
function plainText(node: {value?: unknown; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map((child) => plainText(child as {value?: unknown; children?: unknown[]})).join('')
}

/** Whether a text is written in capitals: four capital letters or more and no small letter. */
export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 4
}

/** A note as inline content, for page-foot notes in print (its blocks written as spans, `blockSpans`). */
function inlineNote(note: Note, context: Context): Element {
  const element = noteElement(note, {...context, options: {...context.options, target: 'web'}})
  // Every block as a span, lists and quotes too: a block would end the paragraph of the call.
  return h('span', {id: note.id, lang: note.lang, className: ['footnote', `note-${note.kind}`], dataNote: noteMark(note)}, blockSpans(element.children))
}

export type {PhrasingContent}
