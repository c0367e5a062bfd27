/**
 * In-page (DOM-only) line tools for the facing-page layout: where each line
 * of a laid-out block starts, cutting a block before one of its lines, and
 * removing the soft hyphens at which no line breaks.
 *
 * These functions run in Chromium. They are installed there as members of
 * `globalThis.diglotFacing` (see `install.ts`) and reach each other only
 * through it, never by module imports (a function is sent as its source).
 */

import type {FacingGlobal} from './install.js'

/** The start of a line: the first character of it, and its vertical extent (viewport px). */
export interface LineStart {
  node: Text
  offset: number
  top: number
  bottom: number
}

/** Text nodes of `root` in order, without the notes, paragraph numbers and hidden text. */
export function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).matches('.footnote, .pilcrow, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP
  })
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/**
 * The lines of a laid-out element: for each line, where it starts and how
 * high it reaches. A line starts where a character after a break
 * opportunity (a space, a soft hyphen, a hyphen or dash, a slash) lies
 * wholly below the lines before it.
 */
export function lineStarts(root: Element): LineStart[] {
  const lines: LineStart[] = []
  const range = document.createRange()
  let bottom = -Infinity
  const breakBefore = /[\s\u00AD\-\u2010-\u2015/]/
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  for (const node of F.textNodes(root)) {
    const text = node.data
    for (let offset = 0; offset < text.length; offset++) {
      const char = text[offset] ?? ''
      if (/\s/.test(char) || char === '\u00AD') continue
      // Only the first character after a break opportunity can start a line (or the first of a text node).
      if (offset > 0 && !breakBefore.test(text[offset - 1] ?? '')) continue
      range.setStart(node, offset)
      range.setEnd(node, offset + 1)
      // (The character after a soft hyphen at a line end has two boxes: the hyphen's, then its own.)
      const rects = range.getClientRects()
      const rect = rects[rects.length - 1]
      if (!rect || rect.height === 0) continue
      const middle = (rect.top + rect.bottom) / 2
      const current = lines[lines.length - 1]
      if (!current || middle > bottom) {
        lines.push({node, offset, top: rect.top, bottom: rect.bottom})
        bottom = rect.bottom
      } else {
        current.top = Math.min(current.top, rect.top)
        current.bottom = Math.max(current.bottom, rect.bottom)
        bottom = Math.max(bottom, rect.bottom)
      }
    }
  }
  return lines
}

/**
 * Cut `unit` before the line that starts at `at`: the unit keeps what comes
 * before, the returned copy holds the rest (its ancestors cloned, without
 * ids). A word cut at a soft hyphen gets a visible hyphen. The block cut
 * in two gets `line-cut` (its last line justified) and its continuation
 * `line-cont` (no indent).
 */
export function splitAt(unit: HTMLElement, at: {node: Text; offset: number}): HTMLElement {
  const blockSelector = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, dd, dt, .h1, .h2, .h3, .h4, .h5, .h6'
  const before = at.node.data.slice(0, at.offset)
  if (before.endsWith('\u00AD')) {
    at.node.data = `${before.slice(0, -1)}-${at.node.data.slice(at.offset)}`
  }
  const cutBlock = at.node.parentElement?.closest(blockSelector)
  const range = document.createRange()
  range.setStart(at.node, at.offset)
  range.setEnd(unit, unit.childNodes.length)
  const rest = range.extractContents()
  const copy = unit.cloneNode(false) as HTMLElement
  copy.removeAttribute('id')
  copy.appendChild(rest)
  for (const element of copy.querySelectorAll('[id]')) {
    // The copy of an element cut in two; the element itself stays with the first part.
    if (unit.querySelector(`[id="${CSS.escape(element.id)}"]`)) element.removeAttribute('id')
  }
  copy.classList.add('unit-cont')
  unit.classList.add('unit-open')
  if (cutBlock && unit.contains(cutBlock) && (cutBlock.textContent ?? '').trim() !== '') {
    cutBlock.classList.add('line-cut')
    let first = copy.firstElementChild
    while (first && !first.matches(blockSelector)) first = first.firstElementChild
    first?.classList.add('line-cont')
  }
  // Empty blocks left at the end of the first part (the cut fell between blocks).
  for (const element of [...unit.querySelectorAll(blockSelector)].reverse()) {
    if ((element.textContent ?? '').trim() === '' && !element.querySelector('img, hr')) element.remove()
  }
  return copy
}

/**
 * Remove the soft hyphens of laid-out elements at which no line breaks
 * (greedy line breaking does not move a line for it); returns how many
 * were kept.
 */
export function stripSoftHyphens(roots: Element[]): number {
  const range = document.createRange()
  let kept = 0
  const rectOf = (node: Text, offset: number): DOMRect | undefined => {
    range.setStart(node, offset)
    range.setEnd(node, offset + 1)
    // (The character after a soft hyphen at a line end has two boxes: the hyphen's, then its own.)
    const rects = range.getClientRects()
    const rect = rects[rects.length - 1]
    return rect && rect.height > 0 ? rect : undefined
  }
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const nodes = roots.flatMap((root) => F.textNodes(root))
  // (Measured first, changed after: a change would lay the page out again before each measure.)
  const changes: Array<[Text, string]> = []
  for (const [index, node] of nodes.entries()) {
    const text = node.data
    if (!text.includes('\u00AD')) continue
    let result = ''
    for (let offset = 0; offset < text.length; offset++) {
      const char = text[offset] ?? ''
      if (char !== '\u00AD') {
        result += char
        continue
      }
      // The soft hyphen breaks a line when the next character begins a line below the one before.
      let before: DOMRect | undefined
      for (let back = offset - 1; back >= 0 && !before; back--) before = rectOf(node, back)
      let after: DOMRect | undefined
      for (let next = offset + 1; next < text.length && !after; next++) after = rectOf(node, next)
      for (let other = index + 1; other < nodes.length && !after; other++) {
        const following = nodes[other]
        if (following && following.data.length > 0) after = rectOf(following, 0)
      }
      const used = before !== undefined && after !== undefined && (after.top + after.bottom) / 2 > before.bottom
      if (used) {
        result += char
        kept++
      }
    }
    if (result !== text) changes.push([node, result])
  }
  for (const [node, text] of changes) node.data = text
  return kept
}
