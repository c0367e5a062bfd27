/**
 * The EPUB's own handlers for the shared hast (`toHast`'s `handlers`) and
 * note options: EPUB 3 structural semantics (`epub:type`) on note calls,
 * notes and page breaks. `@diglot/html` knows nothing of EPUB.
 */
import {h} from 'hastscript'
import type {Element} from 'hast'
import type {NoteReference, PageMarker} from '@diglot/core'
import {
  defaultHandlers,
  pageId,
  type DiglotHandlers,
  type DiglotState,
  type ToHastOptions
} from '@diglot/html'

/** A note call: `epub:type="noteref"` (reading systems pop the note up), no ARIA label (the mark names it). */
function noteReference(state: DiglotState, node: NoteReference): Element {
  const call = defaultHandlers.noteReference(state, node)
  const link = call.children[0] as Element
  delete link.properties['ariaLabel']
  link.properties['epub:type'] = 'noteref'
  return call
}

/** A source page marker: a page-break mark named by its title (Standard Ebooks, Ace's pagebreak-label: axe prohibits aria-label on this span). */
function pageMarker(state: DiglotState, node: PageMarker): Element {
  const id = pageId(node, state.diglot.lang, state.diglot.role)
  return h('span', {
    id,
    className: ['pb'],
    role: 'doc-pagebreak',
    dataPage: node.n,
    'epub:type': 'pagebreak',
    title: node.n
  })
}

/** The EPUB's `toHast` handlers. */
export const epubHandlers = {noteReference, pageMarker} as unknown as Partial<DiglotHandlers>

/** The EPUB's notes: `epub:type="footnote"`, back links without ARIA labels. */
export const epubNotes: ToHastOptions['notes'] = {
  properties: {'epub:type': 'footnote'},
  labelBacklinks: false
}
