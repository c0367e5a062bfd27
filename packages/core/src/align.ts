/**
 * Pair the alignable blocks of the language files of a work, by order, and
 * check their shape. Any mismatch is reported with both files and places.
 */
import {relatedPlace} from './messages.js'
import type {Root, RootContent} from 'mdast'
import type {AlignedBlockType, LanguageTag, Segment, SegmentContent} from './types.js'
import type {Reporter} from './messages.js'
import {isHtmlComment} from './transforms/safety.js'

/** One language file, parsed and transformed. */
export interface LanguageSource {
  lang: LanguageTag
  role: 'original' | 'translation'
  /** Path shown in messages. */
  file: string
  tree: Root
  reporter: Reporter
}

/** A pair (or single) of blocks before ids and sections are assigned. */
export interface AlignedBlocks {
  blockType: AlignedBlockType
  segments: Segment[]
}

const alignable: ReadonlySet<string> = new Set([
  'heading',
  'paragraph',
  'blockquote',
  'list',
  'table',
  'thematicBreak',
  'gap',
  'editorial',
  'untranslatedPlaceholder'
])

const names: Record<string, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  blockquote: 'block quote',
  list: 'list',
  table: 'table',
  thematicBreak: 'thematic break',
  gap: 'gap',
  editorial: 'editorial block',
  untranslatedPlaceholder: '`::untranslated` placeholder'
}

/** The alignable blocks of a file, reporting blocks the format does not allow. */
function alignableBlocks(source: LanguageSource): RootContent[] {
  const blocks: RootContent[] = []
  for (const node of source.tree.children) {
    if (alignable.has(node.type as string)) blocks.push(node)
    else if (node.type === 'html') {
      if (!isHtmlComment(node.value)) {
        source.reporter.report(
          node.position?.start,
          'directive-unknown',
          'raw HTML is not part of the format; write Markdown or a directive (an HTML comment `<!-- … -->` is allowed and not shown)'
        )
      }
    } else if (node.type === 'code') {
      source.reporter.report(
        node.position?.start,
        'directive-unknown',
        'code blocks are not part of the format; if this is prose indented by four spaces, remove the indentation'
      )
    }
  }
  return blocks
}

function describe(node: RootContent | undefined): string {
  if (!node) return 'nothing'
  if (node.type === 'heading') return `heading of level ${node.depth}`
  return names[node.type] ?? node.type
}

function place(node: RootContent | undefined): string {
  const start = node?.position?.start
  return start ? `${start.line}:${start.column}` : '1:1'
}

/**
 * Pair the blocks of an original and an optional translation.
 *
 * @param partial The translation is declared unfinished: trailing blocks without a counterpart are shown as missing.
 */
export function alignSources(
  original: LanguageSource,
  translation: LanguageSource | undefined,
  partial: boolean
): AlignedBlocks[] {
  const left = alignableBlocks(original)
  const right = translation ? alignableBlocks(translation) : []
  const result: AlignedBlocks[] = []
  let kindMismatch = false
  let incompleteReported = false

  for (const node of left) {
    if (isPlaceholder(node)) {
      original.reporter.report(
        node.position,
        'directive-invalid',
        '`::untranslated` belongs in a translation, not in the original; remove it'
      )
    }
  }

  const count = Math.max(left.length, right.length)
  for (let index = 0; index < count; index++) {
    const a = left[index]
    const b = right[index]
    const segments: Segment[] = []

    if (a) segments.push(segment(original, a))
    else if (translation && b) {
      translation.reporter.report(
        b.position,
        'align-missing-counterpart',
        `${describe(b)} has no counterpart; ${original.file} ends at ${place(left[left.length - 1])}. Remove it or add the original block`,
        {
          cause: relatedPlace(
            'the original ends here',
            left[left.length - 1]?.position,
            original.file
          )
        }
      )
      segments.unshift({
        type: 'segment',
        lang: original.lang,
        role: 'original',
        status: 'missing',
        children: []
      })
    }

    if (translation) {
      if (b) {
        if (a && !kindMismatch && !sameKind(a, b)) {
          kindMismatch = true
          translation.reporter.report(
            b.position,
            'align-kind-mismatch',
            `${describe(b)} is paired with a ${describe(a)} at ${original.file}:${place(a)}; the files must have the same blocks in the same order (block ${index + 1})`,
            {cause: relatedPlace(`paired with this ${describe(a)}`, a.position, original.file)}
          )
        }
        segments.push(segment(translation, b))
      } else if (a) {
        if (partial) {
          if (!incompleteReported) {
            incompleteReported = true
            translation.reporter.report(
              right[right.length - 1]?.position?.end,
              'translation-incomplete',
              `the translation ends here; ${left.length - right.length} block(s) from ${original.file}:${place(a)} on are shown as not yet translated`
            )
          }
          segments.push({
            type: 'segment',
            lang: translation.lang,
            role: 'translation',
            status: 'missing',
            children: []
          })
        } else {
          original.reporter.report(
            a.position,
            'align-missing-counterpart',
            `${describe(a)} has no counterpart; ${translation.file} ends at ${place(right[right.length - 1])}. Translate it, write \`::untranslated\` in its place, or set \`translation.status: partial\` in work.yaml`,
            {
              cause: relatedPlace(
                'the translation ends here',
                right[right.length - 1]?.position,
                translation.file
              )
            }
          )
          segments.push({
            type: 'segment',
            lang: translation.lang,
            role: 'translation',
            status: 'missing',
            children: []
          })
        }
      }
    }

    const lead = a && !isPlaceholder(a) ? a : b
    result.push({blockType: blockTypeOf(lead), segments})
  }
  return result
}

function sameKind(a: RootContent, b: RootContent): boolean {
  if (isPlaceholder(b)) return true
  if (a.type !== b.type) return false
  if (a.type === 'heading' && b.type === 'heading') return a.depth === b.depth
  return true
}

function blockTypeOf(node: RootContent | undefined): AlignedBlockType {
  const type = node?.type
  return type === 'heading' ||
    type === 'paragraph' ||
    type === 'blockquote' ||
    type === 'list' ||
    type === 'table' ||
    type === 'thematicBreak' ||
    type === 'gap' ||
    type === 'editorial'
    ? type
    : 'paragraph'
}

function segment(source: LanguageSource, node: RootContent): Segment {
  if (isPlaceholder(node)) {
    if (source.role === 'translation') {
      source.reporter.report(
        node.position,
        'untranslated-block',
        'this block is not translated yet (`::untranslated`)'
      )
    }
    return {
      type: 'segment',
      lang: source.lang,
      role: source.role,
      status: 'untranslated',
      children: [],
      ...(node.position ? {position: node.position} : {})
    }
  }
  return {
    type: 'segment',
    lang: source.lang,
    role: source.role,
    status: 'present',
    children: [node as SegmentContent],
    ...(node.position ? {position: node.position} : {})
  }
}

/** True for the placeholder that `::untranslated` leaves. */
function isPlaceholder(node: RootContent): boolean {
  return (node.type as string) === 'untranslatedPlaceholder'
}
