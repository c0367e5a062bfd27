/**
 * The fields `work.yaml` and `glossary.yaml` know. An unknown field (often a
 * misspelt one: `translation.staus`) would be ignored without a word: it is
 * reported with the closest known field. Overlong strings are refused here too.
 */
import type {Reporter, RuleId} from './messages.js'
import type {YamlSource} from './yaml-source.js'
import {MAX_FIELD_LENGTH, codePointName, forbiddenCharacters} from './limits.js'

/** What a field holds: a plain value, a map per language (any keys), a map of fields, or a list of them. */
export type Shape =
  | 'value'
  | 'localized'
  | {readonly [field: string]: Shape}
  | {readonly list: Shape}

const localized = 'localized' as const

/** The fields of `work.yaml`. */
export const workShape: Shape = {
  id: 'value',
  languages: {original: 'value', translation: 'value'},
  title: localized,
  titleIsEditorial: 'value',
  shortTitle: localized,
  paragraphNumbers: 'value',
  subtitle: localized,
  authors: {list: {name: localized}},
  authorNote: localized,
  translators: {list: {name: localized, language: 'value'}},
  translation: {madeForThisEdition: 'value', status: 'value', note: localized},
  publisher: 'value',
  date: 'value',
  series: 'value',
  licence: 'value',
  source: {description: 'value', file: 'value', sha256: 'value'},
  print: {trim: 'value', layout: 'value'}
}

/** The fields of `glossary.yaml`. */
export const glossaryShape: Shape = {
  entries: {
    list: {id: 'value', kind: 'value', forms: localized, note: localized, indexAs: localized}
  }
}

/**
 * Warn about unknown fields (`field-unknown`, with the closest known one) and
 * report strings longer than the limit (as `lengthRule`).
 */
export function checkFields(
  source: YamlSource,
  shape: Shape,
  reporter: Reporter,
  lengthRule: RuleId
): void {
  const stack: Array<{value: unknown; shape: Shape | undefined; path: Array<string | number>}> = [
    {value: source.data, shape, path: []}
  ]
  while (stack.length > 0) {
    const {
      value,
      shape: expected,
      path
    } = stack.pop() as {value: unknown; shape: Shape | undefined; path: Array<string | number>}
    if (typeof value === 'string') {
      // A YAML escape (`"\u0001"`, `"\uD800"`) makes characters the text scan cannot see.
      const bad = forbiddenCharacters(value)[0]
      if (bad)
        reporter.report(
          source.pointOf(path),
          lengthRule,
          `\`${path.join('.')}\` holds ${codePointName(bad.char)}, a control character or an unpaired surrogate, which no edition can hold; remove it`
        )
      if (value.length > MAX_FIELD_LENGTH) {
        reporter.report(
          source.pointOf(path),
          lengthRule,
          `\`${path.join('.')}\` is ${value.length.toLocaleString('en')} characters long; at most ${MAX_FIELD_LENGTH.toLocaleString('en')} are allowed (docs/format.md, Limits)`
        )
      }
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      const item =
        expected !== undefined && typeof expected === 'object' && 'list' in expected
          ? (expected.list as Shape)
          : undefined
      value.forEach((child: unknown, index) => {
        stack.push({value: child, shape: item, path: [...path, index]})
      })
      continue
    }
    const fields =
      expected !== undefined && typeof expected === 'object' && !('list' in expected)
        ? (expected as Record<string, Shape>)
        : undefined
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (fields && !Object.hasOwn(fields, key)) {
        const known = Object.keys(fields)
        const closest = closestField(key, known)
        const where = [...path, key].join('.')
        reporter.report(
          source.pointOf([...path, key]),
          'field-unknown',
          closest
            ? `unknown field \`${where}\` is ignored; did you mean \`${[...path, closest].join('.')}\`?`
            : `unknown field \`${where}\` is ignored; the known fields here are ${known.map((name) => `\`${name}\``).join(', ')}`
        )
        continue
      }
      stack.push({value: child, shape: fields ? fields[key] : undefined, path: [...path, key]})
    }
  }
}

/** The known field nearest to `name` (case-insensitive edit distance, transpositions count once), if near enough. */
function closestField(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3))
    ? best
    : undefined
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64
  const rows: number[][] = Array.from({length: a.length + 1}, (_, i) =>
    Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      row[j] = value
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}
