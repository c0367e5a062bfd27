/**
 * The words of the apparatus (title page, imprint, contents, glossary, index,
 * notes) in each language of an edition: English and Kazakh built in, any
 * other language given by the caller.
 */
import type {GlossaryEntryKind, LanguageTag, NoteKind} from '../types.js'

/** Every label an edition prints around the text. */
export interface Labels {
  contents: string
  notes: string
  glossary: string
  indexOfNames: string
  /** Introduction of the glossary and index page. */
  apparatusLead: string
  author: string
  authors: string
  authorNotNamed: string
  aboutTheAuthor: string
  /** `Translated into {language} by`, `{language}` replaced. */
  translatedInto: string
  translation: string
  translationMadeForThisEdition: string
  translationMadeStatement: string
  translationPartial: string
  editorialTitle: string
  editorialTitleNote: string
  languages: string
  original: string
  publisher: string
  date: string
  series: string
  source: string
  licence: string
  paragraph: string
  /** Short form before a paragraph number in an index (`¶`). */
  paragraphMark: string
  note: string
  /** Short form before a note number in an index (`n.`). */
  noteMark: string
  notReferenced: string
  kinds: Readonly<Record<GlossaryEntryKind, string>>
  /** Prefix of a note's number by who wrote it (`T` for translator's notes). */
  noteMarks: Readonly<Record<NoteKind, string>>
  noteKinds: Readonly<Record<NoteKind, string>>
}

const english: Labels = {
  contents: 'Contents',
  notes: 'Notes',
  glossary: 'Glossary',
  indexOfNames: 'Index of names',
  apparatusLead:
    'Every term and name linked in the editions, with its forms in each language and each place it occurs (¶ paragraph, n. note).',
  author: 'Author',
  authors: 'Authors',
  authorNotNamed: 'Author not named',
  aboutTheAuthor: 'About the author',
  translatedInto: 'Translated into {language} by',
  translation: 'Translation',
  translationMadeForThisEdition: 'Translation made for this edition',
  translationMadeStatement: 'This translation was made for this edition.',
  translationPartial: 'The translation is not finished; untranslated passages are marked.',
  editorialTitle: 'Editorial title.',
  editorialTitleNote: 'The source has no title; this one was given by the editors.',
  languages: 'Languages',
  original: 'original',
  publisher: 'Publisher',
  date: 'Date',
  series: 'Series',
  source: 'Source',
  licence: 'Licence',
  paragraph: 'paragraph',
  paragraphMark: '¶',
  note: 'note',
  noteMark: 'n.',
  notReferenced: 'Not referenced in the text.',
  kinds: {
    term: 'Term',
    person: 'Person',
    organisation: 'Organisation',
    place: 'Place',
    work: 'Work'
  },
  noteMarks: {author: '', translator: 'T', editor: 'E'},
  noteKinds: {author: 'Note', translator: 'Translator’s note', editor: 'Editor’s note'}
}

const kazakh: Labels = {
  contents: 'Мазмұны',
  notes: 'Ескертпелер',
  glossary: 'Глоссарий',
  indexOfNames: 'Есімдер көрсеткіші',
  apparatusLead:
    'Басылымдағы әр термин мен есім: әр тілдегі түрлері және кездесетін орындары (¶ абзац, ескр. ескертпе).',
  author: 'Авторы',
  authors: 'Авторлары',
  authorNotNamed: 'Авторы көрсетілмеген',
  aboutTheAuthor: 'Автор туралы',
  translatedInto: 'Аудармашы ({language})',
  translation: 'Аударма',
  translationMadeForThisEdition: 'Осы басылым үшін жасалған аударма',
  translationMadeStatement: 'Бұл аударма осы басылым үшін жасалды.',
  translationPartial: 'Аударма аяқталмаған; аударылмаған жерлер белгіленген.',
  editorialTitle: 'Редактор берген тақырып.',
  editorialTitleNote: 'Дереккөзде тақырып жоқ; бұл тақырыпты редакторлар берді.',
  languages: 'Тілдері',
  original: 'түпнұсқа',
  publisher: 'Баспа',
  date: 'Күні',
  series: 'Серия',
  source: 'Дереккөз',
  licence: 'Лицензия',
  paragraph: 'абзац',
  paragraphMark: '¶',
  note: 'ескертпе',
  noteMark: 'ескр.',
  notReferenced: 'Мәтінде сілтеме жоқ.',
  kinds: {term: 'Термин', person: 'Тұлға', organisation: 'Ұйым', place: 'Жер', work: 'Шығарма'},
  noteMarks: {author: '', translator: 'А', editor: 'Р'},
  noteKinds: {
    author: 'Ескертпе',
    translator: 'Аудармашының ескертпесі',
    editor: 'Редактордың ескертпесі'
  }
}

/** The built-in labels, by primary language subtag. */
export const builtInLabels: Readonly<Record<string, Labels>> = {en: english, kk: kazakh}

/** Whether the apparatus can be printed in a language without extra labels. */
export function hasLabels(
  lang: LanguageTag,
  extra: Readonly<Record<string, Labels>> = {}
): boolean {
  return labelsKey(lang, extra) !== undefined
}

/** The labels of a language: the caller's, else the built-in ones, else English. */
export function labelsFor(lang: LanguageTag, extra: Readonly<Record<string, Labels>> = {}): Labels {
  const key = labelsKey(lang, extra)
  return (key === undefined ? undefined : (extra[key] ?? builtInLabels[key])) ?? english
}

function labelsKey(lang: LanguageTag, extra: Readonly<Record<string, Labels>>): string | undefined {
  const base = (lang.split('-')[0] ?? lang).toLowerCase()
  return [lang, base].find((key) => key in extra || key in builtInLabels)
}
