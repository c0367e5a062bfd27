/**
 * The imprint of a book as hast, from the book model's front matter
 * (`frontMatterOf` in @diglot/core): who wrote and translated it, the
 * statement on the translation, languages, publisher, date, series, source
 * and licence, each as a label and a value. Every edition renders these
 * entries (the web title page as a definition list, the EPUB imprint and the
 * print imprint as labelled lines): the content is decided once, here and in
 * the model, and each edition only lays it out.
 */
import {h} from 'hastscript'
import type {ElementContent} from 'hast'
import {markupLang, type FrontMatter, type TextIn} from '@diglot/core'

/** One entry of the imprint. */
export interface ImprintEntry {
  /** What the entry is, for an edition that sets some apart. */
  kind:
    | 'contributors'
    | 'author-note'
    | 'translation'
    | 'languages'
    | 'publisher'
    | 'date'
    | 'series'
    | 'source'
    | 'source-hash'
    | 'licence'
  label: string
  value: ElementContent[]
  /** The entry as one line, where the model words it so (`Translated into English by the editors of this edition`). */
  sentence?: string | undefined
}

/** A string as hast: in a `span lang` when its language is not the page's. */
export function textIn(text: TextIn, pageLang: string): ElementContent {
  return text.lang === pageLang
    ? {type: 'text', value: text.text}
    : h('span', {lang: markupLang(text.lang)}, text.text)
}

/** What `imprintEntries` needs besides the front matter. */
export interface ImprintOptions {
  /** The page's language (text in another gets a `lang`). */
  lang: string
  /** The source file's SHA-256, as a last row under the source (EPUB and print). */
  sourceHash?: string | undefined
  /** Label of the hash row. */
  sourceHashLabel?: string | undefined
}

/** The imprint of a book, entry by entry, in the model's order. */
export function imprintEntries(
  front: FrontMatter,
  labels: {author: string; aboutTheAuthor: string},
  options: ImprintOptions
): ImprintEntry[] {
  const entries: ImprintEntry[] = []
  const join = (texts: readonly TextIn[], separator: string): ElementContent[] =>
    texts.flatMap((text, index) => [
      ...(index > 0 ? [{type: 'text' as const, value: separator}] : []),
      textIn(text, options.lang)
    ])
  // (Each person in every form of the name: `Chen Xulong 陈须隆`.)
  const people = (forms: readonly TextIn[][]): ElementContent[] =>
    forms.flatMap((person, index) => [
      ...(index > 0 ? [{type: 'text' as const, value: ', '}] : []),
      ...join(person, ' ')
    ])
  const authors = front.contributors.filter((line) => line.role === 'author')
  for (const line of authors)
    entries.push({
      kind: 'contributors',
      label: line.label,
      value: people(line.forms),
      sentence: line.text
    })
  if (front.authorNote)
    entries.push({
      kind: 'author-note',
      label: authors.length > 0 ? labels.aboutTheAuthor : labels.author,
      value: [textIn(front.authorNote, options.lang)]
    })
  for (const line of front.contributors)
    if (line.role === 'translator')
      entries.push({
        kind: 'contributors',
        label: line.label,
        value: people(line.forms),
        sentence: line.text
      })
  if (front.translationStatement)
    entries.push({
      kind: 'translation',
      label: front.translationStatement.label,
      value: join(front.translationStatement.text, ' ')
    })
  for (const row of front.imprint) {
    const value: ElementContent[] = [
      row.kind === 'date'
        ? h('time', {dateTime: row.detail ?? ''}, row.value.text)
        : textIn(row.value, options.lang)
    ]
    if (row.kind === 'source' && row.detail)
      value.push({type: 'text', value: ' ('}, h('code', row.detail), {type: 'text', value: ')'})
    entries.push({kind: row.kind, label: row.label, value})
    if (row.kind === 'source' && options.sourceHash)
      entries.push({
        kind: 'source-hash',
        label: options.sourceHashLabel ?? 'Source file SHA-256',
        value: [h('code', {className: ['hash']}, options.sourceHash)]
      })
  }
  return entries
}
