/**
 * The one object the print page exposes to the Node side: `window.diglot`,
 * installed by the page script (`page/index.ts`, bundled by
 * `scripts/bundle-page.js` and injected by `node/page-script.ts`). The Node
 * side calls it through `page.evaluate`; nothing else is put on `window`.
 * Types only: the Node side imports them, never the code.
 */

/** What the page reports after pagination (or facing-page layout). */
export interface PageReport {
  pageCount: number
  /** Folio of every page (empty when not printed… kept for tests: the logical folio). */
  folios: string[]
  /** Folio of each TOC target (heading alignment id or back-matter section id). */
  toc: Record<string, string>
  /** Lines wider than their column. */
  overflows: Array<{folio: string; text: string; excess: number}>
  /** Font faces that failed to load. */
  fontErrors: string[]
  /** Paragraphs whose text pagination lost (their text, shortened). */
  lostText: string[]
  /** Notes set on another page than their call. */
  misplacedNotes: Array<{note: string; notePage: string; callPage: string}>
  /** Names of the headings in document order (for the bookmarks). */
  headings: string[]
  /** Index of the first page numbered in arabic figures (-1: none), for the page labels. */
  arabicFrom: number
}

/** Data the finishing step of a Paged.js book needs. */
export interface FinishData {
  versoHead: string
}

import type {FacingFinishData} from './facing/finish.js'

export type {FacingFinishData}

/** What `prepare` does to the content before pagination. */
export interface PrepareOptions {
  /** Paragraphs (by check index) set ragged-right. */
  ragged: number[]
  /** Paragraphs (by check index) whose pair starts a new page. */
  fresh: number[]
  /** Load every face of every family, not only those the text needs (after a face was loaded late). */
  allFaces: boolean
}

/** `window.diglot`: everything the Node side calls in the page. */
export interface DiglotPageApi {
  /** Log what the checks find to the console (the Node side prints it with DIGLOT_PDF_DEBUG). */
  debug: boolean
  /** Paged.js books. */
  paged: {
    /** Before Paged.js: number the paragraphs for the checks, apply earlier attempts' fixes, start loading the fonts. */
    prepare(options: PrepareOptions): void
    /** After Paged.js's script loaded: its patches and Diglot's handlers (throws unless `installedVersion` is the pinned one). */
    install(installedVersion: string): void
    /** Paginate the prepared content. */
    paginate(): Promise<void>
    /** The paragraphs (check indices) whose text pagination lost or set off the page. */
    lostParagraphs(): number[]
    /** Folios, running heads, page numbers of contents and indexes; the report. */
    finish(data: FinishData, lost: number[]): PageReport
  }
  /** Facing-page books (and one-language books laid out the same way). */
  facing: {
    /** Start loading every face the text (and the heads and folios to be written) needs; remember the loaded ones. */
    preloadFonts(allFaces: boolean, heads: string[]): Promise<void>
    /** Lay the book out on pages. */
    layout(lineHeight: number): void
    /** Folios, running heads, page numbers; the report. */
    finish(data: FacingFinishData): PageReport
    /** Time each function of the layout from now on (`DIGLOT_PDF_TIMING`). */
    profile(): void
    /** Milliseconds spent in each function since `profile`. */
    times(): Record<string, number>
  }
  /** Font faces loaded after the preload (pagination may have measured text without them). */
  lateFaces(): string[]
  /** Remove the soft hyphens where no line breaks, in the given elements. */
  stripSoftHyphens(selector: string): void
}

declare global {
  interface Window {
    diglot: DiglotPageApi
  }
}
