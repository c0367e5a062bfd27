/**
 * Diglot AST → hast, shared by every edition, in the manner of
 * mdast-util-to-hast: one handler per Diglot node type (`handlers.ts`) on
 * top of mdast-util-to-hast's; a renderer's own handlers are merged over
 * them (`options.handlers`). The target decides only what must differ
 * between the editions that use the defaults (web sidenotes, EPUB semantics).
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Alignment, Note, Section, Work} from '@diglot/core'
import {convert} from './convert.js'
import {defaultHandlerMap} from './handlers.js'
import {noteElement} from './notes.js'
import {createContext, notesById, type DiglotContext, type ToHastOptions} from './state.js'

function contextOf(
  work: Work | undefined,
  options: ToHastOptions,
  lang: string,
  role: DiglotContext['role'] = 'original'
): DiglotContext {
  return createContext(
    options,
    work ? notesById(work) : new Map(),
    lang,
    {...defaultHandlerMap, ...options.handlers} as DiglotContext['handlers'],
    work?.meta.paragraphNumbers ?? false,
    role
  )
}

/**
 * Convert a work's text (sections and alignments) to hast. With the default
 * handlers, notes go by target: `web` after each segment's block
 * (sidenotes), elsewhere not at all (the renderer places them: EPUB with
 * `noteToHast` at the end of each chapter, the print edition with its own
 * `noteReference` handler).
 */
export function toHast(work: Work, options: ToHastOptions): HastRoot {
  const context = contextOf(work, options, work.languages[0] ?? 'und')
  const children: ElementContent[] = []
  for (const child of work.children) {
    if (child.type === 'section' || child.type === 'alignment')
      children.push(...convert(child, context))
  }
  return {type: 'root', children}
}

/** Convert one section or alignment of `work` (e.g. an EPUB chapter). */
export function blockToHast(
  work: Work,
  node: Section | Alignment,
  options: ToHastOptions
): HastRoot {
  return {
    type: 'root',
    children: convert(node, contextOf(work, options, work.languages[0] ?? 'und'))
  }
}

/** A note as an element: its mark with back links to every call, then its text. */
export function noteToHast(note: Note, options: ToHastOptions, work?: Work): Element {
  // As where it is called: a translation's note gives its page markers the translation's ids.
  return noteElement(
    note,
    contextOf(
      work,
      options,
      note.lang,
      work !== undefined && note.lang !== work.languages[0] ? 'translation' : 'original'
    )
  )
}

export {defaultHandlers, headingParts, isAllCaps} from './handlers.js'
export {noteElement} from './notes.js'
export {
  asElement,
  noteMark,
  notesById,
  pageId,
  type DiglotContext,
  type DiglotHandler,
  type DiglotHandlers,
  type DiglotState,
  type HandlerResult,
  type Labels,
  type Target,
  type ToHastOptions
} from './state.js'
