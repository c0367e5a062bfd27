/**
 * The front matter of a work as data: titles, contributors with their roles,
 * the statement on the translation and the imprint, in the apparatus language.
 */
import type {LanguageTag, LocalizedText, Person, Work} from '../types.js'
import type {Labels} from './labels.js'
import {languageName} from './languages.js'

/** A string and the language it is in. */
export interface TextIn {
  lang: LanguageTag
  text: string
}

/** A title line of the title page. */
export interface TitleLine extends TextIn {
  role: 'original' | 'translation'
}

/** One line of contributors: a role and who. */
export interface ContributorLine {
  role: 'author' | 'translator'
  /** What the line says before the names (`Translated into English by`). */
  label: string
  /** Each person's name, in the apparatus language when there is one. */
  names: TextIn[]
  /** Each person's name in every form it has: the apparatus language's, the work's languages', then the others. */
  forms: TextIn[][]
  /** The line as one sentence-case string (`Translated into English by the editors of this edition`). */
  text: string
}

/** A row of the imprint (the metadata page). */
export interface ImprintRow {
  /** What the row states. */
  kind: 'languages' | 'publisher' | 'date' | 'series' | 'source' | 'licence'
  label: string
  value: TextIn
  /** A machine-readable value: the ISO date of a date row, the file of a source row. */
  detail?: string
}

/** Everything before the text, as data. */
export interface FrontMatter {
  titles: TitleLine[]
  /** The title to show where one fits (running heads, metadata): the apparatus language's. */
  title: TextIn
  subtitle?: TextIn[] | undefined
  /** The title was given by the editors; say so with `editorialTitleNote`. */
  titleIsEditorial: boolean
  contributors: ContributorLine[]
  authorNote?: TextIn | undefined
  /** The statement on the translation, if the work has one. */
  translationStatement?: {label: string; text: TextIn[]} | undefined
  /** The publication date in words (`December 2013`) and as written (`2013-12`). */
  date?: {text: string; iso: string} | undefined
  imprint: ImprintRow[]
}

/** The text of `value` in the first of `langs` that has one. */
export function pick(
  value: LocalizedText | undefined,
  langs: readonly LanguageTag[]
): TextIn | undefined {
  if (!value) return undefined
  for (const lang of langs) {
    const text = value[lang]
    if (text) return {lang, text}
  }
  const first = Object.entries(value)[0]
  return first ? {lang: first[0], text: first[1]} : undefined
}

/** A date from `work.yaml` (`2013`, `2013-12`, `2013-12-05`) in words, in a language. */
export function dateInWords(iso: string, lang: LanguageTag): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  if (!month) return year ?? iso
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')))
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    ...(day ? {day: 'numeric'} : {})
  }
  try {
    return new Intl.DateTimeFormat([lang, 'en'], options).format(date)
  } catch {
    return iso
  }
}

/** A name as it reads inside a sentence: `The editors of this edition` → `the editors of this edition`. */
export function inSentence(name: string): string {
  return name.replace(/^(The|A|An) (?=\p{Ll})/u, (article) => article.toLowerCase())
}

/** The front matter of a work in the apparatus language `lang`. */
export function frontMatterOf(work: Work, lang: LanguageTag, labels: Labels): FrontMatter {
  const {meta} = work
  const order = [lang, ...work.languages, 'en']
  const titles: TitleLine[] = work.languages
    .filter((language) => meta.title[language])
    .map((language, index) => ({
      lang: language,
      text: meta.title[language] ?? '',
      role: index === 0 ? 'original' : 'translation'
    }))
  const name = (person: Person): TextIn => pick(person.name, order) ?? {lang, text: ''}
  const forms = (person: Person): TextIn[] => {
    const first = [...new Set([lang, ...work.languages])].filter(
      (language) => person.name[language]
    )
    const rest = Object.keys(person.name)
      .filter((language) => !first.includes(language))
      .sort()
    return [...first, ...rest].map((language) => ({
      lang: language,
      text: person.name[language] ?? ''
    }))
  }
  const contributors: ContributorLine[] = []
  if (meta.authors.length > 0) {
    const label = meta.authors.length > 1 ? labels.authors : labels.author
    const names = meta.authors.map(name)
    contributors.push({
      role: 'author',
      label,
      names,
      forms: meta.authors.map(forms),
      text: `${label}: ${names.map((who) => who.text).join(', ')}`
    })
  }
  const byLanguage = new Map<LanguageTag, Person[]>()
  for (const translator of meta.translators)
    byLanguage.set(translator.language, [
      ...(byLanguage.get(translator.language) ?? []),
      translator
    ])
  for (const [language, people] of byLanguage) {
    const label = labels.translatedInto.replace('{language}', languageName(language, lang))
    const names = people.map(name)
    contributors.push({
      role: 'translator',
      label,
      names,
      forms: people.map(forms),
      text: `${label} ${names.map((who) => inSentence(who.text)).join(', ')}`
    })
  }
  const date = meta.date ? {text: dateInWords(meta.date, lang), iso: meta.date} : undefined
  return {
    titles,
    title: pick(meta.title, order) ?? {lang, text: work.id},
    subtitle: meta.subtitle
      ? work.languages
          .filter((language) => meta.subtitle?.[language])
          .map((language) => ({lang: language, text: meta.subtitle?.[language] ?? ''}))
      : undefined,
    titleIsEditorial: meta.titleIsEditorial,
    contributors,
    authorNote: pick(meta.authorNote, order),
    translationStatement: translationStatement(work, lang, labels),
    date,
    imprint: imprintOf(work, lang, labels, date)
  }
}

function translationStatement(
  work: Work,
  lang: LanguageTag,
  labels: Labels
): FrontMatter['translationStatement'] {
  const translation = work.meta.translation
  if (!translation) return undefined
  const text: TextIn[] = []
  const note = pick(translation.note, [lang, 'en'])
  if (note) text.push(note)
  else if (translation.madeForThisEdition) text.push({lang, text: labels.translationMadeStatement})
  if (translation.status === 'partial') text.push({lang, text: labels.translationPartial})
  if (text.length === 0) return undefined
  return {
    label: translation.madeForThisEdition
      ? labels.translationMadeForThisEdition
      : labels.translation,
    text
  }
}

function imprintOf(
  work: Work,
  lang: LanguageTag,
  labels: Labels,
  date: FrontMatter['date']
): ImprintRow[] {
  const {meta} = work
  const rows: ImprintRow[] = []
  const english = (text: string): TextIn => ({lang: 'en', text})
  rows.push({
    kind: 'languages',
    label: labels.languages,
    value: {
      lang,
      text: work.languages
        .map(
          (language, index) =>
            `${languageName(language, lang)}${index === 0 && work.languages.length > 1 ? ` (${labels.original})` : ''}`
        )
        .join(', ')
    }
  })
  if (meta.publisher)
    rows.push({kind: 'publisher', label: labels.publisher, value: english(meta.publisher)})
  if (date)
    rows.push({kind: 'date', label: labels.date, value: {lang, text: date.text}, detail: date.iso})
  if (meta.series) rows.push({kind: 'series', label: labels.series, value: english(meta.series)})
  rows.push({
    kind: 'source',
    label: labels.source,
    value: english(meta.source.description),
    ...(meta.source.file ? {detail: meta.source.file} : {})
  })
  rows.push({kind: 'licence', label: labels.licence, value: english(meta.licence)})
  return rows
}
