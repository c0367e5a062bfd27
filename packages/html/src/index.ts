export {
  toHast,
  blockToHast,
  noteToHast,
  noteElement,
  defaultHandlers,
  headingParts,
  isAllCaps,
  asElement,
  noteMark,
  notesById,
  pageId,
  type DiglotContext,
  type DiglotHandler,
  type DiglotHandlers,
  type DiglotState,
  type HandlerResult,
  type Target,
  type ToHastOptions,
  type Labels
} from './hast/index.js'
export {htmlEdition, buildHtml, renderPages, serialize, templateAssets} from './edition.js'
export {workPage, indexPage, glossaryPage, languageName, pick} from './pages/index.js'
export {
  availableFaces,
  facesFor,
  fontFaceCss,
  parseRanges,
  codePointsOf,
  glyphSet,
  noGlyphNeeded,
  describeChar,
  type FontFace
} from './fonts.js'
export {hyphenateScreen, hyphenateTree, type TextHyphenator} from './hyphenate.js'
export {markLessThan, unmarkLessThan} from './attributes.js'
export {imprintEntries, textIn, type ImprintEntry, type ImprintOptions} from './book/imprint.js'
export {htmlRules, htmlMessage, type HtmlRuleId} from './rules.js'
