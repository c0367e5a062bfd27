/**
 * The page script of the print edition: bundled into one file
 * (`scripts/bundle-page.js`), injected into the print page by the Node side
 * (`node/page-script.ts`), where it installs `window.diglot` (`api.ts`) and
 * the facing-page engine. DOM only: no Node module is imported here.
 */
import type {DiglotPageApi} from './api.js'
import {facingBook} from './facing/api.js'
import {installFacing} from './facing/install.js'
import {lateFaces} from './fonts.js'
import {pagedBook} from './paged/index.js'

const facing = installFacing()

const diglot: DiglotPageApi = {
  debug: false,
  paged: pagedBook,
  facing: facingBook,
  lateFaces,
  stripSoftHyphens(selector) {
    facing.stripSoftHyphens([...document.querySelectorAll(selector)])
  }
}
window.diglot = diglot
