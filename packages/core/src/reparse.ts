/**
 * Parse a language file again after a save that changed one paragraph, from
 * the file's last parse (`diglot build --watch`): only the paragraph is given
 * to micromark; the other blocks are the last parse's, moved by the change in
 * length. Anything else (a change across lines, in two blocks, in anything but
 * a paragraph set off by blank lines, or a paragraph that no longer parses as
 * one) is parsed whole. `reparse.test.ts` compares the result with a whole
 * parse, positions included.
 */
import type {Definition, FootnoteDefinition, Root, RootContent} from 'mdast'
import type {Node} from 'unist'
import {pointsOf} from './source-points.js'

/** A file's last parse: its text and its top-level blocks, each as JSON (the tree itself is changed by the transforms). */
interface LastParse {
  text: string
  /** Each block as JSON, and how far (in characters) it has moved since. */
  blocks: Array<{json: string; moved: number}>
  /** Start and end offsets of each block. */
  spans: Array<[number, number]>
  /** The labels the file defines: a paragraph parsed alone gets stub definitions of those it uses. */
  labels: {footnotes: string[]; links: string[]}
}

/** The last parse of each file, by path (kept by a `ReadCache`). */
export type ParseMemory = Map<string, LastParse>

/**
 * Parse `text` (the file `file`) with `parse`, from its last parse in `memory`
 * when only one paragraph changed; remember this parse.
 */
export function parseWithMemory(
  text: string,
  file: string,
  parse: (text: string) => Root,
  memory: ParseMemory | undefined
): Root {
  const last = memory?.get(file)
  const again = last && reparseParagraph(last, text, parse)
  if (again) {
    memory?.set(file, again.memory)
    return again.tree
  }
  const tree = parse(text)
  memory?.set(file, remember(text, tree))
  return tree
}

function remember(text: string, tree: Root): LastParse {
  const labels = {footnotes: new Set<string>(), links: new Set<string>()}
  for (const node of tree.children) collectDefinitions(node, labels)
  return {
    text,
    blocks: tree.children.map((node) => ({json: JSON.stringify(node), moved: 0})),
    spans: tree.children.map((node) => [
      node.position?.start.offset ?? -1,
      node.position?.end.offset ?? -1
    ]),
    labels: {footnotes: [...labels.footnotes], links: [...labels.links]}
  }
}

function collectDefinitions(
  node: Node,
  labels: {footnotes: Set<string>; links: Set<string>}
): void {
  if (node.type === 'definition') labels.links.add((node as Definition).label ?? '')
  if (node.type === 'footnoteDefinition')
    labels.footnotes.add((node as FootnoteDefinition).label ?? '')
  for (const child of (node as {children?: Node[]}).children ?? [])
    collectDefinitions(child, labels)
}

/**
 * The new tree, and the memory of it, when the change lies within one line of
 * one paragraph set off by blank lines; else undefined.
 */
function reparseParagraph(
  last: LastParse,
  text: string,
  parse: (text: string) => Root
): {tree: Root; memory: LastParse} | undefined {
  const before = last.text
  if (before === text) return undefined
  // The changed region: the same start and end around it.
  let start = 0
  const shortest = Math.min(before.length, text.length)
  while (start < shortest && before.charCodeAt(start) === text.charCodeAt(start)) start++
  let end = 0
  while (
    end < shortest - start &&
    before.charCodeAt(before.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
  )
    end++
  const oldChange = before.slice(start, before.length - end)
  const newChange = text.slice(start, text.length - end)
  if (/[\r\n]/.test(oldChange) || /[\r\n]/.test(newChange)) return undefined
  // The one block that holds it: a paragraph, alone on its line(s), with blank lines around.
  const index = last.spans.findIndex(
    ([from, to]) => from <= start && before.length - end <= to && from >= 0
  )
  const block = last.blocks[index]
  const span = last.spans[index]
  if (index < 0 || block === undefined || span === undefined) return undefined
  if (!block.json.startsWith('{"type":"paragraph"')) return undefined
  const [from, to] = span
  const lineStart = before.lastIndexOf('\n', from - 1) + 1
  if (!/^[ \t]*$/.test(before.slice(lineStart, from))) return undefined
  if (!blankAround(before, lineStart, to)) return undefined
  const delta = text.length - before.length
  const source = text.slice(lineStart, to + delta)
  // The paragraph alone, with stubs of the file's definitions it may use (so that its references
  // and note calls read as in the file; a note definition takes micromark long to read).
  const stubs = stubsFor(source, last.labels)
  const alone = parse(`${source}\n\n${stubs.join('\n')}\n`)
  const first = alone.children[0]
  if (first?.type !== 'paragraph' || alone.children.length !== 1 + stubs.length) return undefined
  if (first.position?.end.offset !== source.length) return undefined
  const {line} = pointsOf(before)(lineStart)
  shift(first, {line: line - 1, offset: lineStart})
  // The blocks after the paragraph move by the change in length (their JSON is moved when read).
  const blocks = last.blocks.map((entry, at) =>
    at === index
      ? {json: JSON.stringify(first), moved: 0}
      : at > index
        ? {json: entry.json, moved: entry.moved + delta}
        : entry
  )
  const spans = last.spans.map(([a, b], at): [number, number] =>
    at === index ? [a, b + delta] : at > index ? [a + delta, b + delta] : [a, b]
  )
  const children: RootContent[] = blocks.map((entry, at) => {
    if (at === index) return first
    const node = JSON.parse(entry.json) as RootContent
    if (entry.moved !== 0) shift(node, {line: 0, offset: entry.moved})
    return node
  })
  const tree: Root = {type: 'root', children}
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: pointsOf(text)(text.length)}
  return {tree, memory: {text, blocks, spans, labels: last.labels}}
}

/**
 * Stub definitions for a paragraph parsed alone: every link definition of the
 * file, and the note definitions whose label the paragraph calls (all of them
 * when a call has an escape in it).
 */
function stubsFor(source: string, labels: LastParse['labels']): string[] {
  const normal = (label: string): string => label.replace(/\s+/g, ' ').trim().toLowerCase()
  const called = new Set(
    [...source.matchAll(/\[\^([^\]]+)\]/g)].map((call) => normal(call[1] ?? ''))
  )
  const escaped = source.includes('[^') && source.includes('\\')
  return [
    ...labels.links.map((label) => `[${label}]: #`),
    ...labels.footnotes
      .filter((label) => escaped || called.has(normal(label)))
      .map((label) => `[^${label}]: x`)
  ]
}

/** Whether the lines before `lineStart` and after `to` are blank (or the file's start and end). */
function blankAround(text: string, lineStart: number, to: number): boolean {
  const previousEnd = lineStart - 1
  const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1
  const beforeBlank = lineStart === 0 || /^[ \t]*$/.test(text.slice(previousStart, previousEnd))
  const lineEnd = text.indexOf('\n', to)
  if (lineEnd < 0) return beforeBlank && /^[ \t]*$/.test(text.slice(to))
  if (!/^[ \t]*$/.test(text.slice(to, lineEnd))) return false
  const nextEnd = text.indexOf('\n', lineEnd + 1)
  const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd)
  return beforeBlank && /^[ \t]*$/.test(next)
}

/** Move every position in `node` by `by` lines and characters (columns stay: whole lines move). */
function shift(node: Node, by: {line: number; offset: number}): void {
  const position = node.position
  if (position) {
    position.start.line += by.line
    position.end.line += by.line
    if (position.start.offset !== undefined) position.start.offset += by.offset
    if (position.end.offset !== undefined) position.end.offset += by.offset
  }
  for (const child of (node as {children?: Node[]}).children ?? []) shift(child, by)
}
