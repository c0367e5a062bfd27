/**
 * The glossary and the index of names as data: which entries, in which group,
 * in which order, with which forms, note and occurrences. Every edition
 * renders this; none decides it.
 */
import type {
  GlossaryEntry,
  GlossaryEntryKind,
  LanguageTag,
  Note,
  NoteKind,
  Root,
  Work
} from '../types.js'
import {
  glossaryOccurrences,
  glossaryOf,
  works as worksOf,
  type GlossaryOccurrence
} from '../query.js'
import type {Labels} from './labels.js'
import {languageName, markupLang} from './languages.js'
import {pick, type TextIn} from './front-matter.js'

/** The two groups of the back matter. */
export type ApparatusGroupName = 'glossary' | 'names'

/** Terms go to the glossary; people, organisations, places and works to the index of names. */
export function groupOf(kind: GlossaryEntryKind): ApparatusGroupName {
  return kind === 'term' ? 'glossary' : 'names'
}

/** The forms of an entry in one language. */
export interface ApparatusForms {
  /** Key in the glossary (`kk`, `zh-Hans`, `pinyin`). */
  key: string
  /** BCP 47 tag for markup (`zh-Latn-pinyin` for pinyin). */
  lang: LanguageTag
  /** The language's name in the apparatus language. */
  languageName: string
  forms: string[]
}

/** A place an entry occurs: a paragraph or a note, in one work and language. */
export interface ApparatusOccurrence {
  work: string
  lang: LanguageTag
  /** Id of the alignment or note (the anchor in every edition). */
  target: string
  inNote: boolean
  /** The note's kind, for a note. */
  noteKind?: NoteKind | undefined
  /** The number as printed: `12` for ¶ 12, `T1` for a translator's note. */
  label: string
  /** The short locator: `¶ 12`, `n. T1`. */
  locator: string
  /** A full description for assistive technology: `…, English, paragraph 12`. */
  description: string
}

/** One entry of the glossary or the index. */
export interface ApparatusEntry {
  id: string
  kind: GlossaryEntryKind
  kindLabel: string
  /** The entry's name as listed: the `indexAs` form (`Obama, Barack`) or the first form. */
  headword: TextIn
  /** Forms per language: the languages of the works first, then the rest by key. */
  forms: ApparatusForms[]
  /** Notes per language, the apparatus language first. */
  notes: TextIn[]
  /** Occurrences in reading order, each target once per language. */
  occurrences: ApparatusOccurrence[]
  entry: GlossaryEntry
}

/** A group of the back matter, sorted. */
export interface ApparatusGroup {
  name: ApparatusGroupName
  title: string
  entries: ApparatusEntry[]
}

/** What `apparatusOf` needs. */
export interface ApparatusOptions {
  lang: LanguageTag
  labels: Labels
  /** Only the entries this work references (an EPUB or PDF); all entries when absent (the web glossary). */
  work?: Work | undefined
}

/** The label of a note as printed: its kind's mark and its number (`T1`, `E2`, `12`). */
export function noteLabel(note: Pick<Note, 'kind' | 'number'>, labels: Labels): string {
  return `${labels.noteMarks[note.kind]}${note.number}`
}

/** The glossary and the index of names, each sorted with `Intl.Collator` in the apparatus language. */
export function apparatusOf(tree: Root, options: ApparatusOptions): ApparatusGroup[] {
  const {lang, labels, work} = options
  const all = worksOf(tree)
  const occurrences = glossaryOccurrences(tree)
  const notes = new Map<string, Note>()
  for (const each of all)
    for (const child of each.children)
      if (child.type === 'noteList') for (const note of child.children) notes.set(note.id, note)
  const titles = new Map(
    all.map((each) => [each.id, pick(each.meta.title, [lang, ...each.languages])?.text ?? each.id])
  )
  const languageOrder = [
    ...new Set([
      ...(work ? work.languages : all.flatMap((each) => each.languages)),
      'zh-Hans',
      'pinyin'
    ])
  ]
  const collator = new Intl.Collator([lang, 'en'], {sensitivity: 'base', numeric: true})

  const entries: ApparatusEntry[] = []
  for (const entry of glossaryOf(tree).children) {
    const found = (occurrences.get(entry.identifier) ?? []).filter(
      (occurrence) => !work || occurrence.work === work.id
    )
    if (work && found.length === 0) continue
    entries.push({
      id: entry.identifier,
      kind: entry.entryKind,
      kindLabel: labels.kinds[entry.entryKind],
      headword: headwordOf(entry, [lang, ...languageOrder]),
      forms: formsOf(entry, languageOrder, lang),
      notes: notesOf(entry, lang),
      occurrences: occurrenceList(found, {notes, titles, labels, lang}),
      entry
    })
  }
  entries.sort(
    (a, b) =>
      collator.compare(a.headword.text, b.headword.text) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  const groups: ApparatusGroup[] = []
  for (const name of ['glossary', 'names'] as const) {
    groups.push({
      name,
      title: name === 'glossary' ? labels.glossary : labels.indexOfNames,
      entries: entries.filter((entry) => groupOf(entry.kind) === name)
    })
  }
  return groups
}

/** The listed name: `indexAs` in the first language that has it, else the first form. */
function headwordOf(entry: GlossaryEntry, order: readonly string[]): TextIn {
  for (const key of order) {
    const inverted = entry.indexAs?.[key]
    if (inverted) return {lang: markupLang(key), text: inverted}
    const form = entry.forms[key]?.[0]
    if (form) return {lang: markupLang(key), text: form}
  }
  const first = Object.entries(entry.forms).find(([, forms]) => forms.length > 0)
  return first
    ? {lang: markupLang(first[0]), text: first[1][0] ?? entry.identifier}
    : {lang: 'en', text: entry.identifier}
}

function formsOf(
  entry: GlossaryEntry,
  order: readonly string[],
  lang: LanguageTag
): ApparatusForms[] {
  const keys = [
    ...order.filter((key) => entry.forms[key]?.length),
    ...Object.keys(entry.forms)
      .filter((key) => !order.includes(key) && entry.forms[key]?.length)
      .sort()
  ]
  return keys.map((key) => ({
    key,
    lang: markupLang(key),
    languageName: languageName(key, lang),
    forms: [...(entry.forms[key] ?? [])]
  }))
}

function notesOf(entry: GlossaryEntry, lang: LanguageTag): TextIn[] {
  const keys = Object.keys(entry.note).sort((a, b) =>
    a === lang ? -1 : b === lang ? 1 : a < b ? -1 : a > b ? 1 : 0
  )
  return keys
    .filter((key) => entry.note[key])
    .map((key) => ({lang: key, text: entry.note[key] ?? ''}))
}

interface OccurrenceContext {
  notes: ReadonlyMap<string, Note>
  titles: ReadonlyMap<string, string>
  labels: Labels
  lang: LanguageTag
}

function occurrenceList(
  found: readonly GlossaryOccurrence[],
  context: OccurrenceContext
): ApparatusOccurrence[] {
  const {labels, lang} = context
  const seen = new Set<string>()
  const result: ApparatusOccurrence[] = []
  for (const occurrence of found) {
    const key = `${occurrence.work}\u0000${occurrence.lang}\u0000${occurrence.target}`
    if (seen.has(key)) continue
    seen.add(key)
    const note = occurrence.inNote ? context.notes.get(occurrence.target) : undefined
    const label = note ? noteLabel(note, labels) : String(occurrence.n)
    const place = occurrence.inNote ? `${labels.note} ${label}` : `${labels.paragraph} ${label}`
    result.push({
      work: occurrence.work,
      lang: occurrence.lang,
      target: occurrence.target,
      inNote: occurrence.inNote,
      ...(note ? {noteKind: note.kind} : {}),
      label,
      locator: occurrence.inNote
        ? `${labels.noteMark} ${label}`
        : `${labels.paragraphMark} ${label}`,
      description: `${context.titles.get(occurrence.work) ?? occurrence.work}, ${languageName(occurrence.lang, lang)}, ${place}`
    })
  }
  return result
}
