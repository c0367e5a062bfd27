/** The chapters of a work and the notes each calls (from the Diglot tree). */
import {
  headingsOf,
  type Alignment,
  type Note,
  type NoteReference,
  type Section,
  type Work
} from '@diglot/core'
import {apparatusLang} from '../package/metadata.js'

export interface Unit {
  nodes: Array<Section | Alignment>
  title: string
}

/**
 * Top-level sections become chapters. When the work is one section (its
 * title) holding subsections, its opening blocks are one chapter and each
 * subsection another.
 */
export function chapterUnits(work: Work): Unit[] {
  const top = work.children.filter(
    (child): child is Section | Alignment => child.type === 'section' || child.type === 'alignment'
  )
  const headings = new Map(headingsOf(work).map((entry) => [entry.id, entry]))
  const lang = apparatusLang(work)
  const titleOf = (node: Section | Alignment): string => {
    const alignment =
      node.type === 'section'
        ? node.children.find((child): child is Alignment => child.type === 'alignment')
        : node
    if (!alignment) return work.meta.title[lang] ?? work.id
    const entry = headings.get(alignment.id)
    return (
      (entry ? (entry.text[lang] ?? Object.values(entry.text)[0]) : undefined) ??
      `¶${alignment.paragraph ?? alignment.n}`
    )
  }
  let nodes: Array<Section | Alignment> = top
  const lone = top.length === 1 && top[0]?.type === 'section' ? top[0] : undefined
  const units: Unit[] = []
  if (lone?.children.some((child) => child.type === 'section')) {
    const opening = lone.children.filter((child): child is Alignment => child.type === 'alignment')
    units.push({nodes: opening, title: titleOf(lone)})
    nodes = lone.children.filter((child): child is Section => child.type === 'section')
  }
  let loose: Alignment[] = []
  const flush = (): void => {
    if (loose.length > 0)
      units.push({
        nodes: loose,
        title:
          units.length === 0
            ? (work.meta.title[apparatusLang(work)] ?? work.id)
            : `¶${loose[0]?.n ?? ''}`
      })
    loose = []
  }
  for (const node of nodes) {
    if (node.type === 'alignment') {
      loose.push(node)
      continue
    }
    flush()
    units.push({nodes: [node], title: titleOf(node)})
  }
  flush()
  return units
}

/** Notes called in the blocks of a chapter not placed yet, in order of first call (from the Diglot tree). */
export function notesCalledIn(
  nodes: ReadonlyArray<Section | Alignment>,
  notes: Map<string, Note>,
  placed: Set<string>
): Note[] {
  const result: Note[] = []
  const visit = (node: {type: string; children?: unknown[]}): void => {
    if (node.type === 'noteReference') {
      const note = notes.get((node as NoteReference).noteId)
      if (note && !placed.has(note.id)) {
        placed.add(note.id)
        result.push(note)
      }
    }
    if (Array.isArray(node.children))
      for (const child of node.children) visit(child as {type: string; children?: unknown[]})
  }
  for (const node of nodes) visit(node)
  return result
}
