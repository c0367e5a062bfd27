/**
 * Turn GFM footnotes into Diglot notes: number them per kind in order of first
 * call, give calls and notes stable ids, report undefined, unused and duplicate notes.
 */
import type {
  BlockContent,
  FootnoteDefinition,
  FootnoteReference,
  Parent,
  Root,
  RootContent
} from 'mdast'
import type {Point} from 'unist'
import type {Note, NoteKind, NoteReference} from '../types.js'
import {relatedPlace, type Reporter} from '../messages.js'
import {pointsOf} from '../source-points.js'

/** The kind of a note, from its label: `tr-…` translator, `ed-…` editor, else author. */
export function noteKind(label: string): NoteKind {
  const lower = label.toLowerCase()
  if (lower.startsWith('tr-')) return 'translator'
  if (lower.startsWith('ed-')) return 'editor'
  return 'author'
}

/** A fragment-safe form of a label. */
export function labelSlug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^\p{L}\p{N}-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  )
}

/**
 * Extract the notes of one language file and rewrite its calls.
 * Returns the notes in display order (by kind, then number). With the file's
 * `source` text, calls to undefined notes are reported at their place.
 */
export function transformNotes(
  tree: Root,
  lang: string,
  reporter: Reporter,
  source?: string
): Note[] {
  let pointOf: ((offset: number) => Point) | undefined
  const definitions = new Map<string, FootnoteDefinition>()
  collectDefinitions(tree)

  const notes = new Map<string, Note>()
  /** Every note, in order of creation. */
  const created: Note[] = []
  const counters: Record<NoteKind, number> = {author: 0, translator: 0, editor: 0}
  const callCount = new Map<string, number>()
  const usedIds = new Set<string>()

  reportUndefinedCalls(tree)
  rewriteCalls(tree)
  // Notes may call notes (at any depth): rewrite calls inside each created note, in order,
  // including notes first called from another note (a queue: linear in the number of notes).
  let rewritten = 0
  const drain = (): void => {
    while (rewritten < created.length) rewriteCallsIn(created[rewritten++] as Note)
  }
  drain()

  for (const [identifier, definition] of definitions) {
    if (notes.has(identifier)) continue
    reporter.report(
      definition.position,
      'note-unused',
      `note \`[^${definition.label ?? identifier}]\` is defined but never called; add a call \`[^${definition.label ?? identifier}]\` in the text or remove the definition`
    )
    notes.set(identifier, createNote(identifier, definition))
    drain()
  }
  for (const definition of definitions.values()) reportUndefinedCalls(definition)

  const order: Record<NoteKind, number> = {author: 0, translator: 1, editor: 2}
  return [...notes.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.number - b.number)

  function collectDefinitions(parent: Parent): void {
    const kept: RootContent[] = []
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'footnoteDefinition') {
        const previous = definitions.get(child.identifier)
        if (previous) {
          reporter.report(
            child.position,
            'note-duplicate',
            `note \`[^${child.label ?? child.identifier}]\` is defined twice (first at line ${previous.position?.start.line ?? '?'}); keep one definition`,
            {cause: relatedPlace('first defined here', previous.position)}
          )
        } else definitions.set(child.identifier, child)
        continue
      }
      if ('children' in child) collectDefinitions(child as Parent)
      kept.push(child)
    }
    parent.children = kept as Parent['children']
  }

  /**
   * GFM leaves a call without a definition as text: find unescaped `[^label]` in
   * the source under each text node, and report it at its place in the file.
   */
  function reportUndefinedCalls(parent: Parent): void {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text') {
        const start = child.position?.start.offset
        const end = child.position?.end.offset
        if (start === undefined || end === undefined || source === undefined) continue
        const pattern = /(?<!\\)\[\^([^\]\s]+)\]/g
        const slice = source.slice(start, end)
        for (const match of slice.matchAll(pattern)) {
          reporter.report(
            pointAt(start + match.index),
            'note-undefined',
            `note \`[^${match[1]}]\` is called but not defined; add a line \`[^${match[1]}]: …\``
          )
        }
      } else if ('children' in child) reportUndefinedCalls(child as Parent)
    }
  }

  function pointAt(offset: number): {line: number; column: number} {
    pointOf ??= pointsOf(source ?? '')
    const {line, column} = pointOf(offset)
    return {line, column}
  }

  function createNote(identifier: string, definition: FootnoteDefinition): Note {
    const label = definition.label ?? identifier
    const kind = noteKind(label)
    counters[kind] += 1
    // Labels that slug alike (`a b`, `a-b`) still get distinct ids.
    const base = `note-${labelSlug(lang)}-${labelSlug(label)}`
    let id = base
    for (let count = 2; usedIds.has(id); count++) id = `${base}-${count}`
    usedIds.add(id)
    const note: Note = {
      type: 'note',
      identifier,
      label,
      id,
      lang,
      kind,
      number: counters[kind],
      calls: [],
      children: definition.children as BlockContent[],
      ...(definition.position ? {position: definition.position} : {})
    }
    created.push(note)
    return note
  }

  function rewriteCallsIn(note: Note): void {
    rewriteCalls(note as unknown as Parent)
  }

  function rewriteCalls(parent: Parent): void {
    parent.children = (parent.children as RootContent[]).map((child) => {
      if (child.type === 'footnoteReference') return call(child)
      if ('children' in child) rewriteCalls(child as Parent)
      return child
    }) as Parent['children']
  }

  function call(reference: FootnoteReference): RootContent {
    const label = reference.label ?? reference.identifier
    const definition = definitions.get(reference.identifier)
    if (!definition) {
      reporter.report(
        reference.position,
        'note-undefined',
        `note \`[^${label}]\` is called but not defined; add a line \`[^${label}]: …\``
      )
      return {
        type: 'text',
        value: `[^${label}]`,
        ...(reference.position ? {position: reference.position} : {})
      }
    }
    let note = notes.get(reference.identifier)
    if (!note) {
      note = createNote(reference.identifier, definition)
      notes.set(reference.identifier, note)
    }
    const count = (callCount.get(reference.identifier) ?? 0) + 1
    callCount.set(reference.identifier, count)
    const id = `noteref-${note.id.slice('note-'.length)}${count > 1 ? `-${count}` : ''}`
    note.calls.push(id)
    const node: NoteReference = {
      type: 'noteReference',
      identifier: reference.identifier,
      label,
      id,
      noteId: note.id,
      lang,
      kind: note.kind,
      number: note.number,
      ...(reference.position ? {position: reference.position} : {})
    }
    return node
  }
}
