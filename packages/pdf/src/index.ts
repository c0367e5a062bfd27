export {pdfEdition} from './edition.js'
