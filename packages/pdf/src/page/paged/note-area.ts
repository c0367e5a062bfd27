/**
 * A Paged.js handler: when a call leaves the page with the overflow, Paged.js
 * removes its note but leaves the note area as high as it was: it is shrunk
 * to the notes left, so that the gap is not left empty above the notes.
 * (Registered after Paged.js's own footnotes handler, which removed the notes.)
 */
import {notesHeight as height, px, type HandlerClass} from './types.js'

/** The handler class, on Paged.js's `Handler`. */
export function noteAreaHandler(Handler: HandlerClass): HandlerClass {
  return class NoteArea extends Handler {
    afterOverflowRemoved(_removed: DocumentFragment, rendered: Element): void {
      // (Runs after Paged.js's own handler, which removed the notes whose calls left the page.)
      const area = rendered.closest<HTMLElement>('.pagedjs_area')
      const noteContent = area?.querySelector<HTMLElement>('.pagedjs_footnote_content')
      const inner = noteContent?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')
      if (!area || !noteContent || !inner) return
      const current = height(area)
      if (current <= 0) return
      const last = inner.lastElementChild
      if (!last) {
        area.style.setProperty('--pagedjs-footnotes-height', '0px')
        return
      }
      const clamped =
        inner.style.height && inner.style.height !== 'auto' ? px(inner.style.height) : Infinity
      const used = Math.ceil(
        Math.min(
          clamped,
          last.getBoundingClientRect().bottom +
            px(getComputedStyle(last).marginBottom) -
            inner.getBoundingClientRect().top
        )
      )
      const style = getComputedStyle(noteContent)
      const frame =
        px(style.marginTop) +
        px(style.marginBottom) +
        px(style.paddingTop) +
        px(style.paddingBottom) +
        px(style.borderTopWidth) +
        px(style.borderBottomWidth)
      if (used <= 0 || current <= used + frame + 1) return
      if (clamped !== Infinity) inner.style.height = `${used}px`
      area.style.setProperty('--pagedjs-footnotes-height', `${used + frame}px`)
    }
  }
}
