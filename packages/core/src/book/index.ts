/**
 * The book model: what every edition of a work prints around its text (front
 * matter, contents, glossary, index of names, labels), decided once, as data.
 * Renderers only render it. Specified in docs/book.md.
 */
import type {LanguageTag, Root, Work} from '../types.js'
import {headingsOf, type HeadingEntry} from '../query.js'
import {apparatusOf, type ApparatusGroup} from './apparatus.js'
import {frontMatterOf, type FrontMatter} from './front-matter.js'
import {labelsFor, type Labels} from './labels.js'
import {apparatusLanguage} from './languages.js'

/** What `bookOf` takes. */
export interface BookOptions {
  /** Labels for more languages, or to replace the built-in ones, by language tag. */
  labels?: Readonly<Record<string, Labels>> | undefined
  /** Force the apparatus language (default: `apparatusLanguage(work)`). */
  lang?: LanguageTag | undefined
}

/** A work as a book: the apparatus, decided once for every edition. */
export interface Book {
  work: Work
  /** The language of the apparatus (labels, imprint, glossary order). */
  lang: LanguageTag
  labels: Labels
  front: FrontMatter
  contents: HeadingEntry[]
  /** The glossary, then the index of names: the entries this work references, sorted. */
  back: ApparatusGroup[]
}

/** The book of one work of a tree. */
export function bookOf(tree: Root, work: Work, options: BookOptions = {}): Book {
  const lang = options.lang ?? apparatusLanguage(work, options.labels)
  const labels = labelsFor(lang, options.labels)
  return {
    work,
    lang,
    labels,
    front: frontMatterOf(work, lang, labels),
    contents: headingsOf(work),
    back: apparatusOf(tree, {lang, labels, work})
  }
}

export {
  apparatusOf,
  groupOf,
  noteLabel,
  type ApparatusEntry,
  type ApparatusForms,
  type ApparatusGroup,
  type ApparatusGroupName,
  type ApparatusOccurrence,
  type ApparatusOptions
} from './apparatus.js'
export {
  dateInWords,
  frontMatterOf,
  inSentence,
  pick,
  type ContributorLine,
  type FrontMatter,
  type ImprintRow,
  type TextIn,
  type TitleLine
} from './front-matter.js'
export {builtInLabels, hasLabels, labelsFor, type Labels} from './labels.js'
export {apparatusLanguage, languageName, markupLang, PINYIN} from './languages.js'
