/**
 * A page marker on a line of its own belongs to the block that follows it:
 * move it to the start of that block's first text so it is not an extra block.
 * A marker in running text stands between words, never glued to one: a
 * marker inside a word moves to the word's start, and one before a word
 * gets a space after it (words are unchanged). Also reports a page number
 * marked twice in one file.
 */
import type {Parent, Root, RootContent} from 'mdast'
import type {PageMarker} from '../types.js'
import {relatedPlace, type Reporter} from '../messages.js'

/** Hoist stand-alone page markers into the next block (in place). */
export function attachPageMarkers(tree: Root, reporter: Reporter): void {
  const kept: RootContent[] = []
  let pending: PageMarker[] = []
  for (const child of tree.children) {
    if (
      child.type === 'paragraph' &&
      child.children.length > 0 &&
      child.children.every(
        (node) => node.type === 'pageMarker' || (node.type === 'text' && node.value.trim() === '')
      )
    ) {
      pending.push(...(child.children.filter((node) => node.type === 'pageMarker') as PageMarker[]))
      continue
    }
    if (pending.length > 0 && isBlock(child)) {
      const target = firstPhrasingParent(child)
      if (target) {
        target.children.unshift(...(pending as never[]))
        pending = []
      }
    }
    kept.push(child)
  }
  if (pending.length > 0) {
    // Markers after the last block: attach to the end of the last block that has text.
    for (let index = kept.length - 1; index >= 0; index--) {
      const target = lastPhrasingParent(kept[index] as RootContent)
      if (target) {
        target.children.push(...(pending as never[]))
        pending = []
        break
      }
    }
  }
  if (pending.length > 0) kept.push({type: 'paragraph', children: pending})
  tree.children = kept
  separateMarkers(tree)

  const seen = new Map<string, PageMarker>()
  let last: PageMarker | undefined
  visitMarkers(tree, (marker) => {
    const previous = seen.get(marker.n)
    if (previous) {
      reporter.report(
        marker.position,
        'id-duplicate',
        `page ${marker.n} is marked twice (first at line ${previous.position?.start.line ?? '?'}); a source page starts once`,
        {cause: relatedPlace('first marked here', previous.position)}
      )
    } else seen.set(marker.n, marker)
    if (/^\d+$/.test(marker.n)) {
      if (last && Number(marker.n) < Number(last.n)) {
        reporter.report(
          marker.position,
          'page-order',
          `page ${marker.n} comes after page ${last.n} (line ${last.position?.start.line ?? '?'}); source pages are marked in reading order, check the numbers`
        )
      }
      last = marker
    }
  })
}

/** Put every page marker of running text between words: moved to the start of a word it cuts, a space after it. */
function separateMarkers(node: Parent): void {
  const children = node.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as RootContent
    if (child.type !== 'pageMarker') {
      if ('children' in child) separateMarkers(child as Parent)
      continue
    }
    const before = children[index - 1]
    const after = children[index + 1]
    if (
      before?.type === 'text' &&
      after?.type === 'text' &&
      /\p{L}$/u.test(before.value) &&
      /^\p{L}/u.test(after.value)
    ) {
      // The source page began inside a word: the marker goes before the word.
      const start = before.value.search(/\p{L}+$/u)
      after.value = before.value.slice(start) + after.value
      before.value = before.value.slice(0, start)
    }
    if (
      before?.type === 'text' &&
      after?.type === 'text' &&
      /\p{L}$/u.test(before.value) &&
      /^\s/u.test(after.value)
    ) {
      // After a word: the space moves before the marker.
      before.value += ' '
      after.value = after.value.replace(/^\s+/u, '')
    }
    if (after?.type === 'text' && /^[\p{L}\p{N}\u201C\u2018\u00AB"'(]/u.test(after.value))
      after.value = ` ${after.value}`
  }
}

function isBlock(node: RootContent): boolean {
  return node.type !== 'definition' && node.type !== 'yaml' && node.type !== 'html'
}

function firstPhrasingParent(node: RootContent): Parent | undefined {
  if (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'gap' ||
    node.type === 'tableCell'
  )
    return node as Parent
  if ('children' in node) {
    for (const child of node.children as RootContent[]) {
      const found = firstPhrasingParent(child)
      if (found) return found
    }
  }
  return undefined
}

function lastPhrasingParent(node: RootContent): Parent | undefined {
  if (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'gap' ||
    node.type === 'tableCell'
  )
    return node as Parent
  if ('children' in node) {
    const children = node.children as RootContent[]
    for (let index = children.length - 1; index >= 0; index--) {
      const found = lastPhrasingParent(children[index] as RootContent)
      if (found) return found
    }
  }
  return undefined
}

function visitMarkers(node: Parent, visitor: (marker: PageMarker) => void): void {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'pageMarker') visitor(child)
    else if ('children' in child) visitMarkers(child as Parent, visitor)
  }
}
