/**
 * Typographic punctuation on the text of a parsed language file: curly quotes
 * and apostrophes in English (quotes.ts, as retext-smartypants sets them), dashes
 * for spaced hyphens and `--`/`---`, ellipses, and no-break spaces where a line break misleads the
 * reader (after an initial, between a number and its unit).
 *
 * Only text is touched: never inline code, never the text of a bare URL, never
 * a link's address, ids or attributes. Words stay as written; only the
 * characters between and around them change (docs/format.md, “Typography”).
 */
import {memoWhileRemembering, textMemory} from '../text-memory.js'
import type {Parent, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {curlQuotes} from './quotes.js'
import type {Glossary, LanguageTag, LocalizedText, Person, WorkMeta} from '../types.js'

/** Blocks whose children are phrasing content: the unit quotes are paired in. */
const phrasingBlocks = new Set(['paragraph', 'heading', 'tableCell'])

/** Inline nodes whose text is not prose. */
const opaque = new Set(['inlineCode', 'code', 'html'])

const NBSP = '\u00A0'

/** Length-preserving rules, applied to the text of a whole block at once. */
const blockRules: ReadonlyArray<[RegExp, string]> = [
  // A hyphen with a space on each side stands for a dash (` - ` → ` – `).
  [/(?<=\s)-(?=\s)/g, '–'],
  // An initial keeps its name: `R. Robertson`, `Л. Гумилев`, `George W. Bush`.
  [/(?<![\p{L}\p{N}])(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`],
  // A number keeps its unit: `15 %`, `3 km`, `1.5 billion`.
  [
    /(?<=\p{N}) (?=(?:%|‰|per cent|km|kg|cm|mm|bn|million|billion|trillion|млн|млрд|км|кг)(?![\p{L}]))/gu,
    NBSP
  ],
  // A reference word keeps its number: `No. 2`, `p. 34`, `pp. 3`, `vol. 2`, `§ 5`.
  [/(?<![\p{L}])((?:No|no|Nos|p|pp|vol|Vol|ch|Ch|art|Art|§)\.?) (?=\p{N})/gu, `$1${NBSP}`]
  // (A number or an abbreviation should keep its suffix, `15-жұлдызы`, `ҚХР-дың`; the no-break
  // hyphen U+2011 is not in the editions' fonts, so that waits for a keep-together mark.)
]

/** Rules that change the length of the text, applied to one text node. */
const nodeRules: ReadonlyArray<[RegExp, string]> = [
  [/---/g, '—'],
  [/--/g, '–'],
  [/\.\.\./g, '…']
]

/** Whether English quote rules apply to a language. */
function usesEnglishQuotes(lang: LanguageTag): boolean {
  return (lang.split('-')[0] ?? lang).toLowerCase() === 'en'
}

/** Set the punctuation of every block under `parent` (in place). */
export function smartenPunctuation(parent: Parent, lang: LanguageTag): void {
  const english = usesEnglishQuotes(lang)
  walk(parent)

  function walk(node: Parent): void {
    if (phrasingBlocks.has(node.type)) {
      smartenBlock(node, english)
      return
    }
    for (const child of node.children as RootContent[]) {
      if ('children' in child && !opaque.has(child.type)) walk(child as Parent)
    }
  }
}

/** Set the punctuation of a plain string (a title, a note in the metadata). */
export function smartenString(value: string, lang: LanguageTag): string {
  const text = smartenJoined(value, usesEnglishQuotes(lang))
  return nodeRules.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text
  )
}

/** One block: pair quotes over the whole block, then fix each text node. */
function smartenBlock(block: Parent, english: boolean): void {
  const segments: Array<Text | string> = []
  collect(block, segments)
  const joined = segments
    .map((segment) => (typeof segment === 'string' ? segment : segment.value))
    .join('')
  const smart = smartenJoined(joined, english)
  let offset = 0
  for (const segment of segments) {
    if (typeof segment === 'string') {
      offset += segment.length
      continue
    }
    const value = smart.slice(offset, offset + segment.value.length)
    offset += segment.value.length
    segment.value = nodeRules.reduce(
      (result, [pattern, replacement]) => result.replace(pattern, replacement),
      value
    )
  }
}

/** The text nodes of a block in reading order; a line break or other leaf stands as a gap. */
function collect(node: Parent, segments: Array<Text | string>): void {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text') segments.push(child)
    else if (child.type === 'break') segments.push('\n')
    else if (opaque.has(child.type)) segments.push('\uFFFC')
    else if (child.type === 'link' && isBareUrl(child.url, toString(child))) segments.push('\uFFFC')
    else if ('children' in child) collect(child as Parent, segments)
  }
}

/** An autolink or a GFM bare URL shows its address as its text: that text is not prose. */
function isBareUrl(url: string, text: string): boolean {
  return text === url || url.endsWith(text) || /^(?:https?:|www\.|mailto:)/i.test(text)
}

/** Whether a quote at `offset` opens: at the start, or after a space, an opening bracket or dash. */
function opensAt(text: string, offset: number): boolean {
  const before = text[offset - 1]
  return before === undefined || /[\s([{\u2014\u2013\u201C\u2018\uFFFC]/u.test(before)
}

/**
 * Remember from now on what the transforms make of each text (a long-running
 * process that parses the same texts again): the punctuation of set blocks and
 * the glossary forms found in a text; or stop and forget.
 */
export function rememberSetBlocks(on: boolean): void {
  textMemory.on = on
}

/**
 * Blocks already set, by language rule and text, while remembering is on
 * (`diglot build --watch` parses a changed work again, and only its changed
 * blocks miss).
 */
const setEnglish = memoWhileRemembering((text) => smartenJoinedAnew(text, true))
const setOther = memoWhileRemembering((text) => smartenJoinedAnew(text, false))

/** The length-preserving rules on one string. */
function smartenJoined(text: string, english: boolean): string {
  return english ? setEnglish(text) : setOther(text)
}

function smartenJoinedAnew(text: string, english: boolean): string {
  let result = english ? curlQuotes(text) : text
  // SmartyPants leaves a run of quotes (`""`) alone; each takes its side from what precedes it.
  if (english)
    result = result.replace(/["']/g, (quote, offset: number, whole: string) =>
      opensAt(whole, offset) ? (quote === '"' ? '“' : '‘') : quote === '"' ? '”' : '’'
    )
  for (const [pattern, replacement] of blockRules) result = result.replace(pattern, replacement)
  return result
}

/** A localised string with the punctuation of each language set. */
function smartenLocalized(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text).map(([lang, value]) => [lang, smartenString(value, lang)])
  )
}

/**
 * The metadata as shown: localised strings in their language's punctuation,
 * the English-only fields (licence, source, series, publisher) in English.
 */
export function smartenMeta(meta: WorkMeta): WorkMeta {
  const english = (value: string): string => smartenString(value, 'en')
  const person = <T extends Person>(who: T): T => ({...who, name: smartenLocalized(who.name)})
  return {
    ...meta,
    title: smartenLocalized(meta.title),
    ...(meta.subtitle ? {subtitle: smartenLocalized(meta.subtitle)} : {}),
    ...(meta.authorNote ? {authorNote: smartenLocalized(meta.authorNote)} : {}),
    authors: meta.authors.map(person),
    translators: meta.translators.map(person),
    ...(meta.translation
      ? {
          translation: {
            ...meta.translation,
            ...(meta.translation.note ? {note: smartenLocalized(meta.translation.note)} : {})
          }
        }
      : {}),
    ...(meta.publisher === undefined ? {} : {publisher: english(meta.publisher)}),
    ...(meta.series === undefined ? {} : {series: english(meta.series)}),
    licence: english(meta.licence),
    source: {...meta.source, description: english(meta.source.description)}
  }
}

/**
 * The glossary as shown: forms and notes in their language's punctuation
 * (pinyin's syllable apostrophe as ’). Match text against the glossary as
 * written, before this, as the text itself is matched before its punctuation is set.
 */
export function smartenGlossary(glossary: Glossary): Glossary {
  return {
    ...glossary,
    children: glossary.children.map((entry) => ({
      ...entry,
      forms: Object.fromEntries(
        Object.entries(entry.forms).map(([key, forms]) => [
          key,
          forms.map((form) => smartenString(form, key === 'pinyin' ? 'en' : key))
        ])
      ),
      note: smartenLocalized(entry.note)
    }))
  }
}
