/**
 * The print edition's own handlers for the shared hast (`toHast`'s
 * `handlers`): what Paged.js needs, decided here from the Diglot tree, not
 * found afterwards in the HTML's classes.
 *
 * * A note goes right after its call, as `span.footnote` (`float: footnote`
 *   in print.css; Paged.js moves it to the foot of the page). Paged.js owns a
 *   footnote's `id` and `data-note` (it overwrites both), so the note's id and
 *   mark are `data-note-id` / `data-mark` (the id is restored after
 *   pagination); a side label (its language) shows when a page has notes of
 *   both languages.
 * * A heading's alignment carries its running-head text and depth.
 * * A source page marker's page is `data-source-page`, not `data-page`.
 */
import {h} from 'hastscript'
import type {Element, ElementContent} from 'hast'
import {
  headingsOf,
  type Alignment,
  type NoteReference,
  type PageMarker,
  type Work
} from '@diglot/core'
import {
  defaultHandlers,
  headingParts,
  noteElement,
  noteMark,
  pageId,
  type DiglotHandler,
  type DiglotHandlers,
  type DiglotState
} from '@diglot/html'
import {blockSpans} from './block-spans.js'
import {shortTitle} from './titles.js'

/** A heading and a parent node of the Markdown tree (the types the shared handlers take). */
type Heading = Parameters<typeof headingParts>[1]
type Parents = Parameters<DiglotHandler>[2]

/** The print edition's handlers, and the source page markers they made (left out of bookmark names). */
export interface PrintHandlers {
  handlers: Partial<DiglotHandlers>
  pageMarkers: WeakSet<Element>
}

/** The handlers of the print edition for `work`. */
export function printHandlers(work: Work): PrintHandlers {
  const pageMarkers = new WeakSet<Element>()
  const headings = new Map(headingsOf(work).map((heading) => [heading.id, heading]))
  const translation = work.languages[1]

  const noteReference = (state: DiglotState, node: NoteReference): ElementContent[] => {
    const call = defaultHandlers.noteReference(state, node)
    const note = state.diglot.notes.get(node.noteId)
    if (!note) return [call]
    // The note's blocks as the web edition has them, flattened to spans (a note sits inside a paragraph).
    const context = {
      ...state.diglot,
      options: {...state.diglot.options, target: 'web' as const},
      handlers: {...defaultHandlers} as unknown as DiglotHandlers
    }
    const element = noteElement(note, context)
    // (Every block as a span, lists and quotes too: a block would end the paragraph of the call.)
    const spans = blockSpans(element.children)
    const side = h('span', {className: ['note-side'], ariaHidden: 'true'}, note.lang)
    // (The note's first paragraph begins with its mark: the side label follows it.)
    const first = spans[0] as Element
    first.children.splice(1, 0, side)
    return [
      call,
      h(
        'span',
        {
          lang: note.lang,
          className: ['footnote', `note-${note.kind}`],
          dataNoteId: note.id,
          dataMark: noteMark(note)
        },
        spans as ElementContent[]
      )
    ]
  }

  const alignment = (state: DiglotState, node: Alignment): Element => {
    const element = defaultHandlers.alignment(state, node)
    const heading = headings.get(node.id)
    if (heading) {
      const text = heading.text[translation ?? ''] ?? heading.text[work.languages[0] ?? ''] ?? ''
      element.properties['dataRunningHead'] = shortTitle(text, 200)
      element.properties['dataDepth'] = String(heading.depth)
    }
    return element
  }

  // Paged.js reads `data-page` as a named page (CSS `page`) and starts a new page at every
  // change of it: a source page marker would break the page and sit alone on one.
  // A thin bar between the words, the page number in the outer margin; a block that opens with
  // the page needs no bar.
  const pageMarker = (
    state: DiglotState,
    node: PageMarker,
    parent: Parents | undefined
  ): Element => {
    const {labels, lang, role} = state.diglot
    const bar =
      parent?.children[0] === node
        ? []
        : [h('span', {className: ['pb-bar'], ariaHidden: 'true'}, '|')]
    const element = h(
      'span',
      {
        id: pageId(node, lang, role),
        className: ['pb'],
        role: 'doc-pagebreak',
        ariaLabel: `${labels.page} ${node.n}`,
        dataSourcePage: node.n
      },
      [...bar, h('span', {className: ['pb-num'], ariaHidden: 'true'}, node.n)]
    )
    pageMarkers.add(element)
    return element
  }

  // A page marker that opens a heading: only its number, in the margin, beside the heading (out of its accessible name).
  const heading = (state: DiglotState, node: Heading): Element => {
    const {element, markers} = headingParts(state, node)
    for (const marker of markers) {
      marker.properties = {
        className: ['pb', 'pb-heading'],
        id: marker.properties['id'],
        dataSourcePage: marker.properties['dataSourcePage']
      }
      marker.children = marker.children.filter(
        (child) =>
          child.type === 'element' &&
          (child.properties['className'] as string[] | undefined)?.includes('pb-num')
      )
    }
    element.children.unshift(...markers)
    return element
  }

  return {
    handlers: {noteReference, alignment, pageMarker, heading} as unknown as Partial<DiglotHandlers>,
    pageMarkers
  }
}
