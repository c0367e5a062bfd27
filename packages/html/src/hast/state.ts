/**
 * What the Diglot handlers share while a work is converted: the options, the
 * labels, the notes by id, and where the conversion is (language, role,
 * section, notes called). It rides on mdast-util-to-hast's `state` as
 * `state.diglot`, so that a renderer's own handlers read it as the defaults do.
 */
import type {State} from 'mdast-util-to-hast'
import type {Element, ElementContent, Properties} from 'hast'
import type {Nodes as MdastNodes, Parents as MdastParents} from 'mdast'
import type {Note, PageMarker, Segment, Work} from '@diglot/core'

/** Which edition the hast is for (what the defaults vary: `web` sets notes beside their block and page marks as links; `print` links every glossary reference). */
export type Target = 'web' | 'epub' | 'print'

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

/** What a handler returns: hast content, or nothing. */
export type HandlerResult = ElementContent | ElementContent[] | undefined

/**
 * A handler of one node type, as in mdast-util-to-hast (`(state, node, parent)`),
 * with the Diglot context on `state.diglot`.
 */
export type DiglotHandler = (
  state: DiglotState,
  node: never,
  parent: MdastParents | undefined
) => HandlerResult

/** Handlers by node type: the Diglot ones and any mdast one. */
export type DiglotHandlers = Record<string, DiglotHandler>

/** Options of `toHast`. */
export interface ToHastOptions {
  target: Target
  /** URL of a glossary entry (default `#glossary-<id>`). */
  glossaryHref?: ((identifier: string) => string) | undefined
  /** Words of the apparatus in the reader's language (default English). */
  labels?: Partial<Labels> | undefined
  /**
   * Handlers by node type, merged over the defaults (`defaultHandlers`), as
   * mdast-util-to-hast's `handlers`: a renderer's own markup for a node.
   */
  handlers?: Partial<DiglotHandlers> | undefined
  /** How a note's element is made (`noteElement`): extra properties (before its role), and whether its back links are labelled (default yes). */
  notes?: {properties?: Properties | undefined; labelBacklinks?: boolean | undefined} | undefined
}

/** The Diglot context of a conversion. */
export interface DiglotContext {
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
  /** The handlers in use (defaults with the caller's over them). */
  handlers: DiglotHandlers
  /** Whether paragraphs carry their numbers (the work's `paragraphNumbers`). */
  numbered: boolean
}

/** mdast-util-to-hast's state, with the Diglot context. */
export interface DiglotState extends State {
  diglot: DiglotContext
}

/** The mark a reader sees for a note: `12`, `T1` (translator), `E1` (editor). */
export function noteMark(note: Pick<Note, 'kind' | 'number'>): string {
  return note.kind === 'author'
    ? String(note.number)
    : `${note.kind === 'translator' ? 'T' : 'E'}${note.number}`
}

/** The id of a page marker: the original's `page-20`, a translation's `page-20-en`. */
export function pageId(marker: PageMarker, lang: string, role: Segment['role']): string {
  return role === 'original' ? marker.id : `${marker.id}-${lang}`
}

/** The notes of a work, by id. */
export function notesById(work: Work): Map<string, Note> {
  const map = new Map<string, Note>()
  for (const child of work.children)
    if (child.type === 'noteList') for (const note of child.children) map.set(note.id, note)
  return map
}

/** A fresh context for `work` (or for a note alone). */
export function createContext(
  options: ToHastOptions,
  notes: Map<string, Note>,
  lang: string,
  handlers: DiglotHandlers,
  numbered: boolean,
  role: Segment['role'] = 'original'
): DiglotContext {
  return {
    options,
    labels: {...defaultLabels, ...options.labels},
    notes,
    lang,
    role,
    called: [],
    section: '',
    linked: new Set(),
    handlers,
    numbered
  }
}

/** The children of `node` as hast, by the state's handlers. */
export function all(state: DiglotState, node: MdastNodes): ElementContent[] {
  return state.all(node as never) as ElementContent[]
}

/** An element of the result, as the element it is (for handlers that wrap another's). */
export function asElement(result: HandlerResult): Element | undefined {
  return result && !Array.isArray(result) && result.type === 'element' ? result : undefined
}
