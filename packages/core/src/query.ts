/**
 * Small helpers for renderers and other tools that walk a Diglot tree.
 */
import type {Alignment, Glossary, Root, Section, Work} from './types.js'

/** The works of a tree. */
export function works(tree: Root): Work[] {
  return tree.children.filter((child): child is Work => child.type === 'work')
}

/** The glossary of a tree (empty when there is none). */
export function glossaryOf(tree: Root): Glossary {
  return tree.children.find((child): child is Glossary => child.type === 'glossary') ?? {type: 'glossary', children: []}
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
