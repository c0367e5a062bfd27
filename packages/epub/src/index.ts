export {epubEdition, buildEpub, loadTemplates, visibleText, type BuildEpubOptions, type Templates} from './edition.js'
export {buildContent, chapterUnits, resolveLinks, type Page, type BookContent} from './book.js'
export {bookFonts, type BookFonts, type EmbeddedFont} from './fonts.js'
export {identifierOf, metadataXml, apparatusLang} from './metadata.js'
