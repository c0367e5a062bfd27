export {toHast, blockToHast, noteToHast, noteMark, notesById, pageId, type Target, type ToHastOptions, type Labels} from './to-hast.js'
export {htmlEdition} from './edition.js'
