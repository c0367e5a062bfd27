/**
 * Small helpers for renderers and other tools that walk a Diglot tree.
 */
import type {Node as UnistNode} from 'unist'
import {toString} from 'mdast-util-to-string'
import type {
  Alignment,
  Glossary,
  GlossaryReference,
  PageMarker,
  Root,
  Section,
  Work
} from './types.js'

/** The works of a tree. */
export function works(tree: Root): Work[] {
  return tree.children.filter((child): child is Work => child.type === 'work')
}

/**
 * The indices of `works`, the largest (most nodes) first, ties in their
 * order: a renderer that builds works one after another, each finished on
 * another thread or process, starts with the one that takes longest.
 */
export function largestFirst(works: readonly Work[]): number[] {
  const size = (node: UnistNode & {children?: unknown}): number => {
    let count = 1
    if (Array.isArray(node.children))
      for (const child of node.children as UnistNode[]) count += size(child)
    return count
  }
  return works
    .map((work, index) => ({index, size: size(work)}))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({index}) => index)
}

/** The glossary of a tree (empty when there is none). */
export function glossaryOf(tree: Root): Glossary {
  return (
    tree.children.find((child): child is Glossary => child.type === 'glossary') ?? {
      type: 'glossary',
      children: []
    }
  )
}

/** Every alignment of a work, in reading order. */
export function alignmentsOf(work: Work): Alignment[] {
  const result: Alignment[] = []
  const walk = (nodes: ReadonlyArray<Section | Alignment | Work['children'][number]>): void => {
    for (const node of nodes) {
      if (node.type === 'alignment') result.push(node)
      else if (node.type === 'section') walk(node.children)
    }
  }
  walk(work.children)
  return result
}

/** A heading of a work, for tables of contents, bookmarks and navigation. */
export interface HeadingEntry {
  /** The alignment id (the anchor in every edition). */
  id: string
  depth: 1 | 2 | 3 | 4 | 5 | 6
  /** The heading's plain text per language. */
  text: Record<string, string>
}

/** Every heading of a work, in order. */
export function headingsOf(work: Work): HeadingEntry[] {
  const result: HeadingEntry[] = []
  for (const alignment of alignmentsOf(work)) {
    if (alignment.blockType !== 'heading') continue
    const text: Record<string, string> = {}
    let depth: HeadingEntry['depth'] = 1
    for (const segment of alignment.children) {
      const block = segment.children[0]
      if (block?.type === 'heading') {
        depth = block.depth
        text[segment.lang] = toString(block).replace(/\s+/g, ' ').trim()
      }
    }
    result.push({id: alignment.id, depth, text})
  }
  return result
}

/** A place where a glossary entry is referenced. */
export interface GlossaryOccurrence {
  work: string
  /** Id of the alignment (block) or note holding the reference. */
  target: string
  lang: string
  /** Number of the block (alignment `n`), or of the note. */
  n: number
  inNote: boolean
}

/** Every reference to every glossary entry, by entry id, in reading order. */
export function glossaryOccurrences(tree: Root): Map<string, GlossaryOccurrence[]> {
  const map = new Map<string, GlossaryOccurrence[]>()
  const add = (identifier: string, occurrence: GlossaryOccurrence): void => {
    const list = map.get(identifier) ?? []
    list.push(occurrence)
    map.set(identifier, list)
  }
  for (const work of works(tree)) {
    for (const alignment of alignmentsOf(work)) {
      for (const segment of alignment.children) {
        visitReferences(segment, (identifier) =>
          add(identifier, {
            work: work.id,
            target: alignment.id,
            lang: segment.lang,
            n: alignment.n,
            inNote: false
          })
        )
      }
    }
    for (const list of work.children) {
      if (list.type !== 'noteList') continue
      for (const note of list.children) {
        visitReferences(note, (identifier) =>
          add(identifier, {
            work: work.id,
            target: note.id,
            lang: note.lang,
            n: note.number,
            inNote: true
          })
        )
      }
    }
  }
  return map
}

/** Every source page marker of a work's original, in order. */
export function pageMarkersOf(work: Work): PageMarker[] {
  const result: PageMarker[] = []
  for (const alignment of alignmentsOf(work)) {
    const original = alignment.children.find((segment) => segment.role === 'original')
    if (original)
      visitNodes(original, (node) => {
        if (node.type === 'pageMarker') result.push(node as PageMarker)
      })
  }
  return result
}

function visitReferences(node: UnistNode, visitor: (identifier: string) => void): void {
  visitNodes(node, (child) => {
    if (child.type === 'glossaryReference') visitor((child as GlossaryReference).identifier)
  })
}

function visitNodes(node: UnistNode, visitor: (node: UnistNode) => void): void {
  visitor(node)
  const children = (node as {children?: UnistNode[]}).children
  if (children) for (const child of children) visitNodes(child, visitor)
}
