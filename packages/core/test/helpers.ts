/**
 * Shared helpers for the @diglot/core tests: paths, a small work.yaml builder,
 * and tree walkers that let tests speak about what a reader sees.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  alignmentsOf,
  parseWork,
  works,
  type Alignment,
  type LanguageTag,
  type ParseResult,
  type Root,
  type Segment,
  type Work
} from '../src/index.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures')
export const sampleGlossary = readFileSync(
  path.join(fixturesDir, 'content', 'glossary.yaml'),
  'utf8'
)

/** The text of a minimal valid work.yaml; `extra` is appended verbatim (top-level keys). */
export function workYaml(
  original: LanguageTag,
  translation?: LanguageTag,
  extra = '',
  id = 'w'
): string {
  return [
    `id: ${id}`,
    'languages:',
    `  original: ${original}`,
    ...(translation ? [`  translation: ${translation}`] : []),
    'title:',
    `  ${original}: A title`,
    'licence: CC0-1.0',
    'source:',
    '  description: A test.',
    extra
  ].join('\n')
}

export interface ParseOptions {
  /** Extra top-level YAML for work.yaml (e.g. `translation: {status: partial}`). */
  extra?: string
  /** Glossary text (default: the shared test glossary). */
  glossary?: string
}

/** Parse a work from Markdown per language; the first key is the original. */
export function parse(files: Record<LanguageTag, string>, options: ParseOptions = {}): ParseResult {
  const [original, translation] = Object.keys(files) as [LanguageTag, LanguageTag | undefined]
  return parseWork({
    meta: workYaml(original, translation, options.extra ?? ''),
    files,
    glossary: options.glossary ?? sampleGlossary,
    path: 'w'
  })
}

/** The single work of a tree (fails the test when there is none). */
export function theWork(tree: Root): Work {
  const [work] = works(tree)
  if (!work) throw new Error('the tree holds no work')
  return work
}

/** Alignments of the single work, in reading order. */
export function alignments(result: ParseResult): Alignment[] {
  return alignmentsOf(theWork(result.tree))
}

/** The segment of an alignment in one language. */
export function segment(alignment: Alignment, lang: LanguageTag): Segment {
  const found = alignment.children.find((child) => child.lang === lang)
  if (!found) throw new Error(`alignment ${alignment.n} has no ${lang} segment`)
  return found
}

interface AnyNode {
  type: string
  value?: unknown
  children?: AnyNode[]
}

/** Every node of a given type under `node` (depth first, document order). */
export function all<T>(node: unknown, type: string): T[] {
  const found: T[] = []
  const walk = (current: AnyNode): void => {
    if (current.type === type) found.push(current as T)
    for (const child of current.children ?? []) walk(child)
  }
  walk(node as AnyNode)
  return found
}

/** The set of node types under `node`. */
export function typesIn(node: unknown): Set<string> {
  const types = new Set<string>()
  const walk = (current: AnyNode): void => {
    types.add(current.type)
    for (const child of current.children ?? []) walk(child)
  }
  walk(node as AnyNode)
  return types
}

/** The readable text under a node (text values only). */
export function textOf(node: unknown): string {
  const current = node as AnyNode
  if (current.type === 'text' && typeof current.value === 'string') return current.value
  return (current.children ?? []).map(textOf).join('')
}

/** `ruleId line:column` of each message, for compact assertions. */
export function rulesAt(result: ParseResult): string[] {
  return result.messages.map(
    (message) => `${message.ruleId} ${message.file}:${message.line}:${message.column}`
  )
}
