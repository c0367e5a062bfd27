/**
 * The parts of Paged.js (0.4.3, `window.Paged` from its polyfill) that
 * Diglot patches or extends, and the helpers its handlers share.
 */

/** Paged.js's footnotes handler (`src/modules/paged-media/footnotes.js`). */
export interface Footnotes {
  moveFootnote(node: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean): void
}

/** A Paged.js handler class: hooks named as in `src/modules/handler.js`. */
export type HandlerClass = new (...args: unknown[]) => object

/** `window.Paged`. */
export interface PagedApi {
  Handler: HandlerClass
  registerHandlers: (...handlers: unknown[]) => void
  registeredHandlers: Array<{prototype: Partial<Footnotes>}>
  Chunker: {prototype: {loadFonts: () => Promise<unknown>}}
  Polisher: {prototype: {setup: () => CSSStyleSheet | null}}
  Previewer: new (
    settings: Record<string, unknown>
  ) => {
    on: (event: string, listener: (page: {position: number}) => void) => void
    preview: () => Promise<unknown>
  }
}

/** Paged.js's layout, as its handlers' `onOverflow` receives it. */
export interface Layout {
  gap: number
  hasOverflow(element: Element, bounds: DOMRect): boolean
  textBreak(
    node: Text,
    start: number,
    end: number,
    vStart: number,
    vEnd: number
  ): number | undefined
}

/** `window.Paged`, once its polyfill has loaded. */
export function pagedApi(): PagedApi {
  const paged = (window as unknown as {Paged?: PagedApi}).Paged
  if (!paged) throw new Error('Paged.js is not loaded in the page')
  return paged
}

/** A length in CSS pixels (0 for none). */
export const px = (value: string): number => Number.parseFloat(value) || 0

/** The height Paged.js gives the notes of a page area. */
export const notesHeight = (area: HTMLElement): number =>
  px(area.style.getPropertyValue('--pagedjs-footnotes-height'))
