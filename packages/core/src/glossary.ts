/**
 * Read `glossary.yaml` into glossary entries, and find their forms in text.
 */
import {memoWhileRemembering} from './text-memory.js'
import type {Glossary, GlossaryEntry, GlossaryEntryKind} from './types.js'
import {type Reporter, relatedPlace} from './messages.js'
import {YamlReader, readYaml} from './yaml-source.js'
import {checkFields, glossaryShape} from './fields.js'
import {checkCharacters} from './limits.js'

const kinds: ReadonlySet<string> = new Set<GlossaryEntryKind>([
  'term',
  'person',
  'organisation',
  'place',
  'work'
])

/** Forms under these keys are shown but never matched in text. */
const unmatchedForms = new Set(['pinyin'])

/**
 * Parse and check the text of a `glossary.yaml`.
 * Reports `yaml-invalid`, `glossary-invalid` and `id-duplicate`.
 */
export function parseGlossary(text: string, reporter: Reporter): Glossary {
  const glossary: Glossary = {type: 'glossary', children: []}
  const source = readYaml(checkCharacters(text, reporter), reporter)
  if (!source) return glossary
  const read = new YamlReader(source, reporter, 'glossary-invalid')
  if (
    source.data === null ||
    typeof source.data !== 'object' ||
    Array.isArray(source.data) ||
    !('entries' in source.data)
  ) {
    read.fail([], 'the glossary must be a map with a list `entries:`; see docs/format.md')
    return glossary
  }
  checkFields(source, glossaryShape, reporter, 'glossary-invalid')
  const seen = new Map<string, number>()

  read.list(['entries']).forEach((_, index) => {
    const path = ['entries', index]
    const identifier = read.string([...path, 'id'], true)
    if (identifier === undefined) return
    if (!/^[a-z0-9][a-z0-9-]*$/.test(identifier)) {
      read.fail(
        [...path, 'id'],
        `glossary id \`${identifier}\` must use lowercase letters, digits and hyphens`
      )
      return
    }
    if (seen.has(identifier)) {
      reporter.report(
        source.pointOf([...path, 'id']),
        'id-duplicate',
        `glossary id \`${identifier}\` is used twice (also entry ${(seen.get(identifier) ?? 0) + 1}); give each entry its own id`,
        {
          cause: relatedPlace(
            'first used here',
            source.pointOf(['entries', seen.get(identifier) ?? 0, 'id'])
          )
        }
      )
      return
    }
    seen.set(identifier, index)
    const kind = read.string([...path, 'kind'], true) ?? 'term'
    if (!kinds.has(kind))
      read.fail(
        [...path, 'kind'],
        `unknown kind \`${kind}\`; use term, person, organisation, place or work`
      )

    const forms: Record<string, string[]> = {}
    const rawForms = read.get([...path, 'forms'])
    if (rawForms === null || typeof rawForms !== 'object' || Array.isArray(rawForms)) {
      read.fail(
        [...path, 'forms'],
        `entry \`${identifier}\` needs \`forms\`: a list of forms per language`
      )
    } else {
      for (const [lang, list] of Object.entries(rawForms as Record<string, unknown>)) {
        const values = Array.isArray(list) ? list : [list]
        const strings = values.filter(
          (value): value is string => typeof value === 'string' && value.trim() !== ''
        )
        if (strings.length !== values.length)
          read.fail(
            [...path, 'forms', lang],
            `forms of \`${identifier}\` in \`${lang}\` must be non-empty strings`
          )
        forms[lang] = strings
      }
    }
    const note = read.localized([...path, 'note'], false) ?? {}
    const indexAs = read.localized([...path, 'indexAs'], false)
    glossary.children.push({
      type: 'glossaryEntry',
      identifier,
      label: forms['en']?.[0] ?? Object.values(forms)[0]?.[0] ?? identifier,
      entryKind: kinds.has(kind) ? (kind as GlossaryEntryKind) : 'term',
      forms,
      note,
      ...(indexAs && Object.keys(indexAs).length > 0 ? {indexAs} : {})
    })
  })
  return glossary
}

/**
 * The key an entry is sorted by in a glossary or an index in language `lang`: its `indexAs`
 * form (surname first: `Obama, Barack`), else its first form in `lang`, else its first form,
 * else its id; lower-cased. Compare keys with `localeCompare(…, lang)`.
 */
export function glossarySortKey(entry: GlossaryEntry, lang: string): string {
  const key =
    entry.indexAs?.[lang] ??
    entry.forms[lang]?.[0] ??
    Object.values(entry.forms)[0]?.[0] ??
    entry.identifier
  return key.toLocaleLowerCase(lang)
}

/** A match of a glossary form in a string. */
export interface GlossaryMatch {
  start: number
  end: number
  entry: GlossaryEntry
}

/** Finds glossary forms in text of one language. */
export type GlossaryMatcher = (text: string) => GlossaryMatch[]

const letter = /[\p{L}\p{M}\p{N}]/u

/** Languages whose words take suffixes after a name (Ху Цзиньтаоның). */
const agglutinative = new Set(['kk', 'ky', 'tr', 'uz', 'tt', 'ba'])
/** Scripts written without spaces between words. */
const unspaced = /^(?:zh|ja)(?:-|$)/

/**
 * Compile the matchers of a glossary, one per language, lazily.
 * Longest form wins; in agglutinative languages a suffix after a form still matches.
 */
export function createGlossaryMatchers(glossary: Glossary): (lang: string) => GlossaryMatcher {
  const cache = new Map<string, GlossaryMatcher>()
  return (lang) => {
    let matcher = cache.get(lang)
    if (!matcher) {
      // (A watching process asks again for the texts of the works it parses again.)
      matcher = memoWhileRemembering(compile(glossary, lang))
      cache.set(lang, matcher)
    }
    return matcher
  }
}

function compile(glossary: Glossary, lang: string): GlossaryMatcher {
  const byForm = new Map<string, GlossaryEntry>()
  const base = lang.split('-')[0] ?? lang
  for (const entry of glossary.children) {
    for (const [key, forms] of Object.entries(entry.forms)) {
      if (unmatchedForms.has(key)) continue
      if (key !== lang && key !== base && !lang.startsWith(`${key}-`)) continue
      for (const form of forms) if (!byForm.has(form)) byForm.set(form, entry)
    }
  }
  if (byForm.size === 0) return () => []
  const suffixes = agglutinative.has(base)
  const bounded = !unspaced.test(lang)
  // Index forms by their first one or two characters; longest first within a key.
  const index = new Map<string, string[]>()
  for (const form of byForm.keys()) {
    const key = form.slice(0, Math.min(2, form.length))
    const list = index.get(key) ?? []
    list.push(form)
    index.set(key, list)
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))

  return (text) => {
    const matches: GlossaryMatch[] = []
    let position = 0
    while (position < text.length) {
      if (bounded && position > 0 && isLetterAt(text, position - 1)) {
        position++
        continue
      }
      const found = longestAt(text, position)
      if (!found) {
        position++
        continue
      }
      matches.push(found)
      position = found.end
    }
    return matches
  }

  function longestAt(text: string, start: number): GlossaryMatch | undefined {
    for (const key of [text.slice(start, start + 2), text.slice(start, start + 1)]) {
      const candidates = key.length > 0 ? index.get(key) : undefined
      if (!candidates) continue
      for (const form of candidates) {
        if (form.length < key.length || !text.startsWith(form, start)) continue
        let end = start + form.length
        if (bounded && end < text.length && isLetterAt(text, end)) {
          if (!suffixes) continue
          // A suffix after a name (Ху Цзиньтаоның): the reference spans the whole word.
          while (end < text.length && isLetterAt(text, end)) end++
        }
        const entry = byForm.get(form)
        if (entry) return {start, end, entry}
      }
    }
    return undefined
  }
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  // Low surrogate: look at the whole code point.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0)
    return letter.test(text.slice(index - 1, index + 1))
  if (code >= 0xd800 && code <= 0xdbff) return letter.test(text.slice(index, index + 2))
  return letter.test(text[index] ?? '')
}
