/**
 * The contract between the CLI and the renderers: an edition format builds
 * the works of a tree into an output folder.
 */
import type {Root} from './types.js'
import type {DiglotMessage} from './messages.js'

/** What a renderer gets. */
export interface EditionOptions {
  /** Folder to write into (e.g. `dist/`). */
  outDir: string
  /**
   * A templates folder overriding the renderer's own, file by file: `<dir>/<format>/<name>`
   * (`html/diglot.css`, `epub/style.css`, `pdf/print.css`, …) replaces the file the renderer
   * package ships (default: none, the shipped templates).
   */
  templatesDir?: string | undefined
  /** Seconds since 1970 for every date in the output (from `SOURCE_DATE_EPOCH`), for reproducible bytes. */
  sourceDateEpoch: number
  /** Called when the renderer starts a step of a work (for progress lines). */
  progress: (work: string, step: string) => void
}

/** What a renderer returns. */
export interface EditionResult {
  /** Files written, relative to `outDir`. */
  files: string[]
  /** Problems found while rendering (e.g. an overflowing line, a missing glyph). */
  messages: DiglotMessage[]
}

/** An edition format registered with the CLI. */
export interface EditionFormat {
  /** `html`, `epub`, `pdf`. */
  name: string
  build(tree: Root, options: EditionOptions): Promise<EditionResult>
  /**
   * Each work's files depend on that work (and the glossary) alone: a build of
   * a tree holding some of the works writes their files, the same bytes. The
   * CLI may then build the works on several threads.
   */
  byWork?: boolean
}
