export * from './types.js'
export {
  parseWork,
  prepareGlossary,
  preparedFromData,
  buildWork,
  type WorkInput,
  type ParseResult,
  type PreparedGlossary,
  type PreparedGlossaryData
} from './work.js'
export {decodeUtf8} from './decode.js'
export {
  remarkDiglot,
  scriptLanguages,
  type RemarkDiglotOptions,
  type DiglotFileData
} from './plugin.js'
export type {FragmentLink} from './transforms/safety.js'
export {parseWorkMeta} from './meta.js'
export {
  parseGlossary,
  createGlossaryMatchers,
  glossarySortKey,
  type GlossaryMatch,
  type GlossaryMatcher
} from './glossary.js'
export {toJson, fromJson, type ToJsonOptions} from './json.js'
export {
  sourceRules,
  rulesUrl,
  createMessage,
  messageMaker,
  relatedPlace,
  formatMessage,
  hasErrors,
  sortMessages,
  messageToData,
  messageFromData,
  Reporter,
  type DiglotMessage,
  type MessageData,
  type MessageMaker,
  type MessageOptions,
  type Place,
  type RuleId,
  type Severity
} from './messages.js'
export {shortHash} from './ids.js'
export {noteKind} from './transforms/notes.js'
export {scriptOf} from './transforms/lang-runs.js'
export {rememberSetBlocks} from './transforms/punctuation.js'
export {
  works,
  largestFirst,
  glossaryOf,
  alignmentsOf,
  headingsOf,
  glossaryOccurrences,
  pageMarkersOf,
  type HeadingEntry,
  type GlossaryOccurrence
} from './query.js'
export type {EditionFormat, EditionOptions, EditionResult} from './edition.js'
export {onCleanup, runCleanups} from './cleanup.js'
export {
  MAX_FILE_BYTES,
  MAX_NESTING,
  MAX_FIELD_LENGTH,
  MAX_EMPHASIS_RUNS,
  printable
} from './limits.js'
export {
  bookOf,
  apparatusOf,
  apparatusLanguage,
  builtInLabels,
  dateInWords,
  frontMatterOf,
  groupOf,
  hasLabels,
  inSentence,
  labelsFor,
  languageName,
  markupLang,
  noteLabel,
  pick,
  PINYIN,
  type ApparatusEntry,
  type ApparatusForms,
  type ApparatusGroup,
  type ApparatusGroupName,
  type ApparatusOccurrence,
  type ApparatusOptions,
  type Book,
  type BookOptions,
  type ContributorLine,
  type FrontMatter,
  type ImprintRow,
  type Labels,
  type TextIn,
  type TitleLine
} from './book/index.js'
export {
  hyphenateKazakh,
  hyphenateKazakhWord,
  kazakhBreakPoints,
  kazakhExceptions
} from './hyphenate-kazakh.js'
export {
  hyphenationLimits,
  isNameByPosition,
  opensSentence,
  withinLimits
} from './hyphenation-rules.js'
