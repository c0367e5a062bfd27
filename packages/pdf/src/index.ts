export {
  pdfEdition,
  buildPdfEdition,
  keepBrowserWarm,
  printHtml,
  missingGlyphs,
  type PdfBuildOptions
} from './edition.js'
export {pdfRules, pdfMessage, type PdfRuleId} from './rules.js'
export {printDocument, type PrintDocument} from './document/print-document.js'
export {shortTitle} from './document/titles.js'
export {
  hyphenateKazakh,
  hyphenateKazakhWord,
  kazakhBreakPoints,
  kazakhExceptions
} from './document/kazakh-hyphenation.js'
export {hyphenateText, hyphenateHast} from './document/hyphenate.js'
export {fontFaces, fontPackages, parseUnicodeRange} from './node/fonts.js'
export {launchBrowser, defaultChromiumPath} from './node/browser.js'
export {startServer, type PageServer} from './node/server.js'
export type {DiglotPageApi, PageReport} from './page/api.js'
