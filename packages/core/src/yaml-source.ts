/**
 * Read a YAML file into plain data, keeping line/column of every node so that
 * schema problems can point at the right place.
 */
import {LineCounter, isMap, isSeq, parseDocument, type Document, type Node as YamlNode} from 'yaml'
import {CORE_SCHEMA, load} from 'js-yaml'
import type {Point} from 'unist'
import {Reporter, type RuleId} from './messages.js'

/** A parsed YAML document that can say where a path is. */
export interface YamlSource {
  data: unknown
  /** Start of the node at `path` (or of its nearest existing parent). */
  pointOf(path: ReadonlyArray<string | number>): Point
}

/**
 * Parse YAML, reporting syntax errors as `yaml-invalid`.
 * Returns undefined when the text is not valid YAML.
 */
export function readYaml(text: string, reporter: Reporter): YamlSource | undefined {
  const data = quickLoad(text)
  if (data === undefined) return readYamlFully(text, reporter)
  // The places are needed only for a problem: the full parse then, once.
  let full: YamlSource | undefined
  return {
    data,
    pointOf: (path) => {
      full ??= readYamlFully(text, new Reporter(''))
      return full?.pointOf(path) ?? {line: 1, column: 1}
    }
  }
}

/**
 * Plain YAML (the usual glossary and work.yaml) read by js-yaml's YAML 1.2 core
 * schema, several times faster cold than a full document parse. Anything else
 * (anchors, aliases, tags, tabs, several documents, an error, a duplicate key)
 * is left to the full parser, which reports it with its place.
 */
function quickLoad(text: string): unknown {
  if (/\t|(^|[\s[{,:-])[&*!]|\n(---|\.\.\.)(\s|$)/.test(text)) return undefined
  try {
    const data: unknown = load(text, {schema: CORE_SCHEMA})
    return data === null ? undefined : data
  } catch {
    return undefined
  }
}

function readYamlFully(text: string, reporter: Reporter): YamlSource | undefined {
  const lineCounter = new LineCounter()
  const document: Document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true
  })
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const point = lineCounter.linePos(error.pos[0])
      reporter.report(
        {line: point.line, column: point.col},
        'yaml-invalid',
        `invalid YAML: ${firstLine(error.message)}; fix the syntax (indentation, quotes around values with \`: \` or \`#\`)`
      )
    }
    return undefined
  }

  let data: unknown
  try {
    data = document.toJS({maxAliasCount: 100}) as unknown
  } catch (error) {
    // An alias without its anchor (`*word`, often Markdown emphasis), or an alias bomb.
    reporter.report(
      {line: 1, column: 1},
      'yaml-invalid',
      `invalid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}; a value starting with \`*\` or \`&\` must be quoted`
    )
    return undefined
  }

  return {
    data,
    pointOf(path) {
      let node: unknown = document.contents
      let found: unknown = node
      for (const key of path) {
        if (isMap(node) || isSeq(node)) {
          const next: unknown = node.get(key, true)
          if (next === undefined) break
          node = next
          found = node
        } else break
      }
      const range = (found as YamlNode | null)?.range
      const offset = range ? range[0] : 0
      const point = lineCounter.linePos(offset)
      return {line: point.line, column: point.col}
    }
  }
}

function firstLine(value: string): string {
  return value.split('\n')[0] ?? value
}

/** A small schema reader over YamlSource that reports problems with places. */
export class YamlReader {
  constructor(
    readonly source: YamlSource,
    readonly reporter: Reporter,
    readonly ruleId: RuleId
  ) {}

  fail(path: ReadonlyArray<string | number>, reason: string): void {
    this.reporter.report(this.source.pointOf(path), this.ruleId, reason)
  }

  get(path: ReadonlyArray<string | number>): unknown {
    let value: unknown = this.source.data
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined
      value = (value as Record<string | number, unknown>)[key]
    }
    return value
  }

  string(path: ReadonlyArray<string | number>, required: boolean): string | undefined {
    const value = this.get(path)
    if (value === undefined || value === null) {
      if (required) this.fail(path, `\`${path.join('.')}\` is missing; add it`)
      return undefined
    }
    if (typeof value === 'number' || value instanceof Date) return dateOrNumber(value)
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, `\`${path.join('.')}\` must be a non-empty string`)
      return undefined
    }
    return value
  }

  boolean(path: ReadonlyArray<string | number>, fallback: boolean): boolean {
    const value = this.get(path)
    if (value === undefined || value === null) return fallback
    if (typeof value !== 'boolean') {
      this.fail(path, `\`${path.join('.')}\` must be true or false`)
      return fallback
    }
    return value
  }

  /** A map of language tag → string. */
  localized(
    path: ReadonlyArray<string | number>,
    required: boolean
  ): Record<string, string> | undefined {
    const value = this.get(path)
    if (value === undefined || value === null) {
      if (required)
        this.fail(
          path,
          `\`${path.join('.')}\` is missing; give it per language, e.g. \`{ en: … }\``
        )
      return undefined
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, `\`${path.join('.')}\` must map language tags to text, e.g. \`{ en: … }\``)
      return undefined
    }
    const result: Record<string, string> = {}
    for (const [lang, text] of Object.entries(value as Record<string, unknown>)) {
      if (typeof text !== 'string' || text.trim() === '') {
        this.fail([...path, lang], `\`${[...path, lang].join('.')}\` must be a non-empty string`)
        continue
      }
      result[lang] = text
    }
    return result
  }

  list(path: ReadonlyArray<string | number>): unknown[] {
    const value = this.get(path)
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      this.fail(path, `\`${path.join('.')}\` must be a list`)
      return []
    }
    return value as unknown[]
  }
}

function dateOrNumber(value: number | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
}
