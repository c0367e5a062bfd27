/** The EPUB's pages as data, before packaging. */
import type {Root as HastRoot} from 'hast'

/** One XHTML file of the book. */
export interface Page {
  /** File name inside `OEBPS/`. */
  filename: string
  /** Manifest id. */
  id: string
  /** `<title>`. */
  title: string
  /** Language of the page (the apparatus language). */
  lang: string
  /** `epub:type` of `<body>`. */
  bodyType: string
  /** The body's content as hast (before serialization). */
  tree: HastRoot
  /** Serialized body content (after `resolveLinks`). */
  body: string
  /** Shown in the table of contents as a top-level entry (front and back matter). */
  navLabel?: string | undefined
  /** Landmark type, if the page is a landmark. */
  landmark?: {type: string; label: string} | undefined
}

/** Everything the packager needs about a work's content. */
export interface BookContent {
  pages: Page[]
  /** The nav document's body. */
  nav: string
  /** File of each id. */
  fileOf: Map<string, string>
  /** Languages used in the text (works' languages first, then runs). */
  languages: string[]
  hasIndex: boolean
  hasGlossary: boolean
  pageCount: number
}
