/**
 * The default handlers of the Diglot node types (one per type, on top of
 * mdast-util-to-hast's for the Markdown ones): the markup every edition
 * shares. A renderer passes its own in `toHast`'s `handlers`, which are
 * merged over these, and may call these from its own (`defaultHandlers.noteReference`).
 */
import {h} from 'hastscript'
import {defaultHandlers as mdastHandlers} from 'mdast-util-to-hast'
import type {Heading} from 'mdast'
import type {Element, ElementContent, Properties} from 'hast'
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
  Sic
} from '@diglot/core'
import {noteElement} from './notes.js'
import {all, noteMark, pageId, type DiglotHandlers, type DiglotState} from './state.js'

/**
 * An element whose properties are already as hast holds them (class lists as
 * arrays, no value left out): what `h` would make, without parsing them, for
 * the handlers called thousands of times a book (a glossary term, a language run).
 */
function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}

function section(state: DiglotState, node: Section): Element {
  const context = state.diglot
  const outer = context.section
  context.section = node.id
  const children = all(state, node)
  context.section = outer
  return h(
    'section',
    {className: ['section', `depth-${node.depth}`], dataSection: node.id},
    children
  )
}

function alignment(state: DiglotState, node: Alignment): Element {
  const segments = node.children.map((segment) => segmentElement(state, segment, node))
  return h(
    'div',
    {
      id: node.id,
      className: ['alignment', `alignment-${node.blockType}`],
      dataN: String(node.n),
      dataBlock: node.blockType
    },
    segments
  )
}

function segmentElement(state: DiglotState, segment: Segment, parent: Alignment): Element {
  const context = state.diglot
  const previous = {lang: context.lang, role: context.role, called: context.called}
  context.lang = segment.lang
  context.role = segment.role
  context.called = []
  let content: ElementContent[]
  if (segment.status === 'present') content = all(state, segment)
  else
    content = [
      h(
        'p',
        {className: ['segment-missing'], lang: 'en'},
        context.labels[segment.status === 'untranslated' ? 'untranslated' : 'missing']
      )
    ]
  if (context.options.target === 'web' && context.called.length > 0) {
    // A note may call another note: it joins `called` while the first is converted (no `map`, which would miss it).
    const sidenotes: Element[] = []
    for (let index = 0; index < context.called.length; index++)
      sidenotes.push(noteElement(context.called[index] as Note, context))
    content.push(h('div', {className: ['sidenotes']}, sidenotes))
  }
  const element = h(
    'div',
    {
      className: ['segment', `segment-${segment.role}`, `segment-${segment.status}`],
      lang: segment.lang,
      dataRole: segment.role,
      dataStatus: segment.status
    },
    content
  )
  // The paragraph number, the same in every edition (headings are not counted).
  if (context.numbered && parent.paragraph !== undefined) {
    element.children.unshift(
      h(
        'a',
        {
          className: ['pilcrow'],
          href: `#${parent.id}`,
          ariaLabel: `Paragraph ${parent.paragraph}`,
          ...(segment.role === 'translation' ? {tabIndex: -1, ariaHidden: 'true'} : {})
        },
        String(parent.paragraph)
      )
    )
  }
  context.lang = previous.lang
  context.role = previous.role
  context.called = previous.called
  return element
}

function noteReference(state: DiglotState, node: NoteReference): Element {
  const context = state.diglot
  const note = context.notes.get(node.noteId)
  const mark = note ? noteMark(note) : String(node.number)
  if (note && !context.called.includes(note)) context.called.push(note)
  const properties: Properties = {
    href: `#${node.noteId}`,
    id: node.id,
    className: ['noteref', `noteref-${node.kind}`],
    role: 'doc-noteref'
  }
  properties['ariaLabel'] = `${note ? context.labels.noteKinds[note.kind] : 'Note'} ${mark}`
  return h('sup', {className: ['noteref-sup']}, [h('a', properties, mark)])
}

function glossaryReference(state: DiglotState, node: GlossaryReference): Element {
  const context = state.diglot
  // A short person's name is kept on one line ("Hu Jintao"); a longer one may break between its
  // words, which is better than the gaping line it would leave (no name is ever hyphenated).
  const text = plainText(node)
  const whole =
    node.entryKind === 'person' && /\s/.test(text) && [...text].length <= shortName
      ? ['nobreak']
      : []
  // Web and EPUB link a term at its first occurrence in each section and language; the rest is plain text.
  if (context.options.target !== 'print') {
    const key = `${context.section}\u0000${context.lang}\u0000${node.identifier}`
    if (context.linked.has(key))
      return element(
        'span',
        {className: ['term-plain', `term-${node.entryKind}`, ...whole]},
        all(state, node)
      )
    context.linked.add(key)
  }
  const href = context.options.glossaryHref
    ? context.options.glossaryHref(node.identifier)
    : `#glossary-${node.identifier}`
  return element(
    'a',
    {href, className: ['term', `term-${node.entryKind}`, ...whole], dataEntry: node.identifier},
    all(state, node)
  )
}

function langRun(state: DiglotState, node: LangRun): Element {
  return element(
    'span',
    {lang: node.lang, className: node.explicit ? ['lang'] : ['lang', 'lang-auto']},
    all(state, node)
  )
}

function pageMarker(state: DiglotState, node: PageMarker): Element {
  const context = state.diglot
  const id = pageId(node, context.lang, context.role)
  const properties: Properties = {
    id,
    className: ['pb'],
    role: 'doc-pagebreak',
    ariaLabel: `${context.labels.page} ${node.n}`,
    dataPage: node.n
  }
  if (context.options.target === 'web') {
    // A citable anchor: a link to itself, in the tab order, named by its visible text (`[p. 20]`), described by its title.
    return h('span', {id, className: ['pb'], dataPage: node.n}, [
      h(
        'a',
        {href: `#${id}`, className: ['pb-link'], title: `${context.labels.sourcePage} ${node.n}`},
        `[${context.labels.page} ${node.n}]`
      )
    ])
  }
  return h('span', properties, [
    h(
      'a',
      {href: `#${id}`, className: ['pb-link'], ariaHidden: 'true', tabIndex: -1},
      `[${context.labels.page} ${node.n}]`
    )
  ])
}

/**
 * A heading's parts: the heading without the page markers that open it, and
 * those markers. A page marker never stands in a heading's text (the default
 * sets it before the heading; the print edition beside it, in the margin). A
 * heading the source sets in capitals is set in small caps, its text unchanged.
 */
export function headingParts(
  state: DiglotState,
  node: Heading
): {element: Element; markers: Element[]} {
  let count = 0
  while (node.children[count]?.type === ('pageMarker' as string)) count++
  const element = mdastHandlers.heading(
    state,
    count === 0 ? node : {...node, children: node.children.slice(count)}
  )
  if (isAllCaps(plainText(node))) element.properties['className'] = ['caps']
  const markers = node.children
    .slice(0, count)
    .map((marker) => state.one(marker, node)) as Element[]
  return {element, markers}
}

function heading(state: DiglotState, node: Heading): ElementContent | ElementContent[] {
  const {element, markers} = headingParts(state, node)
  return markers.length === 0 ? element : [...markers, element]
}

/** Longest person's name (in characters) kept on one line. */
const shortName = 12

/** The text of an mdast node and its descendants. */
function plainText(node: {value?: unknown; children?: unknown[]}): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? [])
    .map((child) => plainText(child as {value?: unknown; children?: unknown[]}))
    .join('')
}

/** Whether a text is written in capitals: four capital letters or more and no small letter. */
export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 4
}

function inlineGap(state: DiglotState, node: InlineGap): Element {
  return h('span', {className: ['gap', 'gap-inline'], role: 'note'}, [
    h('span', {className: ['gap-mark']}, '[…]'),
    ' ',
    h('span', {className: ['gap-note']}, all(state, node))
  ])
}

function gap(state: DiglotState, node: Gap): Element {
  return h('div', {className: ['gap', 'gap-block'], role: 'note'}, [
    h('p', [
      h('span', {className: ['gap-mark']}, '[…]'),
      ' ',
      h('span', {className: ['gap-note']}, all(state, node))
    ])
  ])
}

function sic(state: DiglotState, node: Sic): Element {
  return h('span', {className: ['sic']}, [
    ...all(state, node),
    ' ',
    h('span', {className: ['sic-mark'], lang: 'la'}, `[${state.diglot.labels.sic}]`)
  ])
}

function editorialInsertion(state: DiglotState, node: EditorialInsertion): Element {
  return h('span', {className: ['ed-insertion']}, ['[', ...all(state, node), ']'])
}

function editorial(state: DiglotState, node: Editorial): Element {
  return h('div', {className: ['editorial'], role: 'note'}, all(state, node))
}

/** The default handler of each Diglot node type. */
export const defaultHandlers = {
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
} satisfies Record<string, (state: DiglotState, node: never) => ElementContent | ElementContent[]>

/** The defaults as a handler map (for merging). */
export const defaultHandlerMap = defaultHandlers as unknown as DiglotHandlers
