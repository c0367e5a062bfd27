export {epubEdition} from './edition.js'
