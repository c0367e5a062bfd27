export {
  epubEdition,
  buildEpub,
  loadTemplates,
  visibleText,
  type BuildEpubOptions,
  type Templates
} from './edition.js'
export {
  buildContent,
  chapterUnits,
  resolveLinks,
  withXmlLang,
  type Page,
  type BookContent
} from './content/index.js'
export {
  bookFonts,
  createFontSource,
  type BookFonts,
  type EmbeddedFont,
  type FontSource
} from './fonts.js'
export {coverSvg, renderCover, coverText} from './cover.js'
export {identifierOf, metadataXml, apparatusLang, seriesOf, anonymous} from './package/metadata.js'
export {epubRules, epubMessage, type EpubRuleId} from './rules.js'
