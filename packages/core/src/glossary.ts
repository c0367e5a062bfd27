/**
 * Read `glossary.yaml` into glossary entries, and find their forms in text.
 */
import type {Glossary, GlossaryEntry, GlossaryEntryKind} from './types.js'
import {Reporter} from './messages.js'
import {YamlReader, readYaml} from './yaml-source.js'

const kinds: ReadonlySet<string> = new Set<GlossaryEntryKind>(['term', 'person', 'organisation', 'place', 'work'])

/** Forms under these keys are shown but never matched in text. */
const unmatchedForms = new Set(['pinyin'])

/**
 * Parse and check the text of a `glossary.yaml`.
 * Reports `yaml-invalid`, `glossary-invalid` and `id-duplicate`.
 */
export function parseGlossary(text: string, reporter: Reporter): Glossary {
  const glossary: Glossary = {type: 'glossary', children: []}
  const source = readYaml(text, reporter)
  if (!source) return glossary
  const read = new YamlReader(source, reporter, 'glossary-invalid')
  const seen = new Map<string, number>()

  read.list(['entries']).forEach((_, index) => {
    const path = ['entries', index]
    const identifier = read.string([...path, 'id'], true)
    if (identifier === undefined) return
    if (!/^[a-z0-9][a-z0-9-]*$/.test(identifier)) {
      read.fail([...path, 'id'], `glossary id \`${identifier}\` must use lowercase letters, digits and hyphens`)
      return
    }
    if (seen.has(identifier)) {
      reporter.report(source.pointOf([...path, 'id']), 'id-duplicate', `glossary id \`${identifier}\` is used twice (also entry ${(seen.get(identifier) ?? 0) + 1}); give each entry its own id`)
      return
    }
    seen.set(identifier, index)
    const kind = read.string([...path, 'kind'], true) ?? 'term'
    if (!kinds.has(kind)) read.fail([...path, 'kind'], `unknown kind \`${kind}\`; use term, person, organisation, place or work`)

    const forms: Record<string, string[]> = {}
    const rawForms = read.get([...path, 'forms'])
    if (rawForms === null || typeof rawForms !== 'object' || Array.isArray(rawForms)) {
      read.fail([...path, 'forms'], `entry \`${identifier}\` needs \`forms\`: a list of forms per language`)
    } else {
      for (const [lang, list] of Object.entries(rawForms as Record<string, unknown>)) {
        const values = Array.isArray(list) ? list : [list]
        const strings = values.filter((value): value is string => typeof value === 'string' && value.trim() !== '')
        if (strings.length !== values.length) read.fail([...path, 'forms', lang], `forms of \`${identifier}\` in \`${lang}\` must be non-empty strings`)
        forms[lang] = strings
      }
    }
    const note = read.localized([...path, 'note'], false) ?? {}
    glossary.children.push({
      type: 'glossaryEntry',
      identifier,
      label: forms['en']?.[0] ?? Object.values(forms)[0]?.[0] ?? identifier,
      entryKind: kinds.has(kind) ? (kind as GlossaryEntryKind) : 'term',
      forms,
      note
    })
  })
  return glossary
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
      matcher = compile(glossary, lang)
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
      if (key !== lang && key !== base && !(lang.startsWith(key + '-'))) continue
      for (const form of forms) if (!byForm.has(form)) byForm.set(form, entry)
    }
  }
  if (byForm.size === 0) return () => []
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  const pattern = new RegExp(forms.map(escape).join('|'), 'gu')
  const suffixes = agglutinative.has(base)
  const bounded = !unspaced.test(lang)

  return (text) => {
    const matches: GlossaryMatch[] = []
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(text))) {
      const start = match.index
      let end = start + match[0].length
      if (bounded) {
        const before = text.slice(Math.max(0, start - 2), start)
        if (before && letter.test(lastChar(before))) {
          pattern.lastIndex = start + 1
          continue
        }
        const after = text.slice(end, end + 2)
        if (after && letter.test(firstChar(after))) {
          if (!suffixes) {
            pattern.lastIndex = start + 1
            continue
          }
          // A suffix after a name (Ху Цзиньтаоның): the reference spans the whole word.
          while (end < text.length && letter.test(firstChar(text.slice(end, end + 2)))) {
            end += firstChar(text.slice(end, end + 2)).length
          }
        }
      }
      const entry = byForm.get(match[0])
      if (entry) matches.push({start, end, entry})
      pattern.lastIndex = end
    }
    return matches
  }
}

function escape(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

function lastChar(value: string): string {
  const chars = Array.from(value)
  return chars[chars.length - 1] ?? ''
}

function firstChar(value: string): string {
  return Array.from(value)[0] ?? ''
}
