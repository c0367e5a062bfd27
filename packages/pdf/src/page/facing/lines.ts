/**
 * In-page (DOM-only) line tools for the facing-page layout: where each line
 * of a laid-out block starts, cutting a block before one of its lines, and
 * removing the soft hyphens at which no line breaks.
 *
 * These functions run in Chromium. They are installed there as members of
 * `globalThis.diglotFacing` (see `install.ts`) and reach each other only
 * through it, so that a profile can wrap each of them.
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
  if (kept?.root === root) return kept.nodes
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (node as Element).matches('.footnote, .pilcrow, [aria-hidden="true"]')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
  })
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** The text nodes of one element, kept while only their text changes (`keepTextNodes`). */
let kept: {root: Element; nodes: Text[]} | undefined

/**
 * Keep `root`'s text nodes until `undefined` is given: while a unit's hyphens are
 * limited its nodes stay the same (only their text changes), and they are asked
 * for several times a round.
 */
export function keepTextNodes(root: Element | undefined): void {
  kept = undefined
  if (root) kept = {root, nodes: textNodes(root)}
}

/**
 * The lines of a laid-out element: for each line, where it starts and how
 * high it reaches. A line starts where a character after a break
 * opportunity (a space, a soft hyphen, a hyphen or dash, a slash) lies
 * wholly below the lines before it.
 */
export function lineStarts(root: Element): LineStart[] {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const range = document.createRange()
  // The characters that may start a line, in order.
  const candidates: Array<{node: Text; offset: number}> = []
  for (const node of F.textNodes(root)) {
    const text = node.data
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset)
      if (code === 0xad || isSpace(code)) continue
      if (offset > 0 && !breaksBefore(text.charCodeAt(offset - 1))) continue
      candidates.push({node, offset})
    }
  }
  const boxes = new Map<number, DOMRect | null>()
  const box = (index: number): DOMRect | null => {
    let rect = boxes.get(index)
    if (rect === undefined) {
      const candidate = candidates[index]
      rect = null
      if (candidate) {
        range.setStart(candidate.node, candidate.offset)
        range.setEnd(candidate.node, candidate.offset + 1)
        // (The character after a soft hyphen at a line end has two boxes: the hyphen's, then its own.)
        const rects = range.getClientRects()
        const last = rects[rects.length - 1]
        rect = last && last.height > 0 ? last : null
      }
      boxes.set(index, rect)
    }
    return rect
  }
  // Where lines start, by bisection: a line's characters are consecutive, so few boxes are read
  // per line (a candidate without a box is passed over).
  const laid = candidates.map((_, index) => index)
  const below = (a: DOMRect | null, b: DOMRect | null): boolean =>
    a !== null && b !== null && (b.top + b.bottom) / 2 > a.bottom
  const starts: number[] = []
  const bisect = (low: number, high: number): void => {
    const a = box(laid[low] ?? -1)
    const b = box(laid[high] ?? -1)
    if (a !== null && b !== null && !below(a, b)) return
    if (high - low === 1) {
      if (below(a, b)) starts.push(high)
      return
    }
    const middle = Math.floor((low + high) / 2)
    bisect(low, middle)
    bisect(middle, high)
  }
  if (laid.length > 1) bisect(0, laid.length - 1)
  const first = laid.findIndex((index) => box(index) !== null)
  if (first < 0) return []
  const lineFirsts = [first, ...starts.filter((start) => start > first)]
  return lineFirsts.map((start, line) => {
    const end = (lineFirsts[line + 1] ?? laid.length) - 1
    const a = box(laid[start] ?? -1)
    const b = box(laid[end] ?? -1) ?? a
    const candidate = candidates[laid[start] ?? 0]!
    return {
      node: candidate.node,
      offset: candidate.offset,
      top: Math.min(a?.top ?? 0, b?.top ?? 0),
      bottom: Math.max(a?.bottom ?? 0, b?.bottom ?? 0)
    }
  })
}

/** Whether a character is white space (as `/\s/` says, for one UTF-16 code unit). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Whether a line may break after this character: a space, a soft hyphen, a hyphen or dash, a slash. */
export function breaksBefore(code: number): boolean {
  return (
    isSpace(code) ||
    code === 0xad ||
    code === 0x2d ||
    code === 0x2f ||
    (code >= 0x2010 && code <= 0x2015)
  )
}

/**
 * Cut `unit` before the line that starts at `at`: the unit keeps what comes
 * before, the returned copy holds the rest (its ancestors cloned, without
 * ids). A word cut at a soft hyphen gets a visible hyphen. The block cut
 * in two gets `line-cut` (its last line justified) and its continuation
 * `line-cont` (no indent).
 */
export function splitAt(unit: HTMLElement, at: {node: Text; offset: number}): HTMLElement {
  const blockSelector =
    'p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, dd, dt, .h1, .h2, .h3, .h4, .h5, .h6'
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
    if ((element.textContent ?? '').trim() === '' && !element.querySelector('img, hr'))
      element.remove()
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
    // The characters that may start a line, and by bisection the ones that do (a line's
    // characters are consecutive: few boxes are read per line, not one per soft hyphen).
    const visible: number[] = []
    for (let offset = 0; offset < text.length; offset++)
      if (!/[\s\u00AD]/.test(text[offset] ?? '')) visible.push(offset)
    const starts = new Set<number>()
    const boxes = new Map<number, DOMRect | undefined>()
    const box = (at: number): DOMRect | undefined => {
      if (!boxes.has(at)) boxes.set(at, rectOf(node, visible[at] ?? 0))
      return boxes.get(at)
    }
    const below = (a: DOMRect | undefined, b: DOMRect | undefined): boolean =>
      a !== undefined && b !== undefined && (b.top + b.bottom) / 2 > a.bottom
    const bisect = (low: number, high: number): void => {
      if (!below(box(low), box(high))) return
      if (high - low === 1) {
        starts.add(visible[high] ?? -1)
        return
      }
      const middle = Math.floor((low + high) / 2)
      bisect(low, middle)
      bisect(middle, high)
    }
    // (A text node on one line has no line start inside: one box for the whole node says so.)
    range.selectNodeContents(node)
    if (visible.length > 1 && range.getClientRects().length > 1) bisect(0, visible.length - 1)
    let result = ''
    for (let offset = 0; offset < text.length; offset++) {
      const char = text[offset] ?? ''
      if (char !== '\u00AD') {
        result += char
        continue
      }
      const next = visible.find((at) => at > offset)
      let used: boolean
      if (next !== undefined) used = starts.has(next) && visible.some((at) => at < offset)
      else {
        // The soft hyphen ends its text node: is the next node's first character on a line below?
        let before: DOMRect | undefined
        for (let back = offset - 1; back >= 0 && !before; back--) before = rectOf(node, back)
        let after: DOMRect | undefined
        for (let other = index + 1; other < nodes.length && !after; other++) {
          const following = nodes[other]
          if (following && following.data.length > 0) after = rectOf(following, 0)
        }
        used = below(before, after)
      }
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
