/**
 * A Paged.js book in the page: prepared before Paged.js's script runs,
 * patched and extended once it has loaded (the patches and one handler per
 * concern, as Paged.js's own modules are built), paginated, checked and finished.
 */
import type {DiglotPageApi, PrepareOptions} from '../api.js'
import {lostParagraphs, numberParagraphs} from '../checks/lost-text.js'
import {finishPaged} from '../finish/paged.js'
import {preloadFaces} from '../fonts.js'
import {noteAreaHandler} from './note-area.js'
import {patchPaged} from './patches.js'
import {textBreaksHandler} from './text-breaks.js'
import {pagedApi} from './types.js'

/**
 * Before Paged.js: start loading the font faces the text needs, which Paged.js
 * waits for before it lays out its first page; number the paragraphs for the
 * lost-text check; apply the fixes of earlier attempts.
 */
function prepare(options: PrepareOptions): void {
  const content = document.querySelector<HTMLTemplateElement>(
    'body > template[data-ref="pagedjs-content"]'
  )?.content
  if (!content) throw new Error('no content template')
  ;(window as unknown as {PagedConfig: {auto: boolean}}).PagedConfig = {auto: false}
  // Fonts first, so that they load while the rest is done.
  preloadFaces(content, options.allFaces)
  numberParagraphs(content, options.ragged, options.fresh)
}

/** Patch Paged.js and register Diglot's handlers. */
function install(installedVersion: string): void {
  const paged = pagedApi()
  patchPaged(paged, installedVersion)
  paged.registerHandlers(textBreaksHandler(paged.Handler), noteAreaHandler(paged.Handler))
}

/** Paginate the prepared content. */
async function paginate(this: void): Promise<void> {
  const paged = pagedApi()
  // A word split at a page break ends with a plain hyphen, the glyph and width of the
  // soft hyphen it replaces (Paged.js's default U+2011 is wider and may push it to a new line).
  const previewer = new paged.Previewer({hyphenGlyph: '-'})
  if (window.diglot.debug) previewer.on('page', (page) => console.log(`page ${page.position + 1}`))
  await previewer.preview()
}

/** `window.diglot.paged`. */
export const pagedBook: DiglotPageApi['paged'] = {
  prepare,
  install,
  paginate,
  lostParagraphs: () => lostParagraphs(window.diglot.debug),
  finish: finishPaged
}
