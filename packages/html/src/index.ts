export {toHast, blockToHast, noteToHast, noteMark, notesById, pageId, type Target, type ToHastOptions, type Labels} from './to-hast.js'
export {htmlEdition, buildHtml, renderPages, serialize, templateAssets} from './edition.js'
export {workPage, indexPage, glossaryPage, languageName, pick} from './page.js'
export {availableFaces, facesFor, fontFaceCss, parseRanges, codePointsOf, glyphSet, noGlyphNeeded, describeChar, type FontFace} from './fonts.js'
