/**
 * In-page (DOM-only) limits on hyphenated line ends (issue 12), applied to
 * the units of the text before the pages are laid out, each set at its
 * page's measure on a probe page:
 *
 * - never more than two hyphenated lines in a row: the paragraph is laid
 *   again without the third break (the word keeps no soft hyphen);
 * - few of them: over the book, at most `share` of the lines end in a
 *   hyphen. Where a unit would go over, the breaks whose word moves to the
 *   next line at least cost (the width the line's spaces must take up, in
 *   ems per space) are taken out first, as long as that cost stays below
 *   `maxStretch`; a line that cannot lose its hyphen without gaping keeps it.
 *
 * Chromium breaks lines greedily and lays a paragraph the same way on a
 * probe as on its page (same measure and style), so the breaks chosen here
 * are the ones printed. Installed in `globalThis.diglotFacing` (see `install.ts`).
 */
import type {FacingGlobal} from './install.js'
import {keepTextNodes, type LineStart} from './lines.js'

/** How many lines end in a hyphen, of how many. */
export interface HyphenCount {
  lines: number
  hyphenated: number
}

/** Limits of `limitHyphens`. */
export interface HyphenLimits {
  /** Longest run of hyphenated line ends (default 2). */
  run: number
  /** Share of the lines that may end in a hyphen (default 0.12). */
  share: number
  /** Largest extra width per word space (em) a line may take to lose its hyphen (default 0.45). */
  maxStretch: number
}

/** A line ending at a soft hyphen: where the soft hyphen is. */
interface HyphenEnd {
  line: number
  node: Text
  offset: number
}

/** The lines of `unit` that end at a soft hyphen. */
export function hyphenEnds(unit: HTMLElement, starts: LineStart[]): HyphenEnd[] {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const nodes = F.textNodes(unit)
  const ends: HyphenEnd[] = []
  for (let line = 1; line < starts.length; line++) {
    const start = starts[line]!
    let node: Text | undefined = start.node
    let offset = start.offset - 1
    // Back over the spaces before the line's first character, across text nodes.
    while (node) {
      if (offset >= 0) {
        const char = node.data[offset] ?? ''
        if (char === '\u00AD') ends.push({line: line - 1, node, offset})
        if (char !== '' && !/[\u200B]/.test(char)) break
        offset--
        continue
      }
      const index = nodes.indexOf(node)
      node = index > 0 ? nodes[index - 1] : undefined
      offset = (node?.data.length ?? 0) - 1
    }
  }
  return ends
}

/** Take every soft hyphen out of the word around `offset` in `node` (the word then moves whole). */
export function unhyphenateWord(node: Text, offset: number): void {
  const text = node.data
  let start = offset
  while (start > 0 && /[\p{L}\p{M}\u00AD]/u.test(text[start - 1] ?? '')) start--
  let end = offset + 1
  while (end < text.length && /[\p{L}\p{M}\u00AD]/u.test(text[end] ?? '')) end++
  node.data = text.slice(0, start) + text.slice(start, end).replace(/\u00AD/g, '') + text.slice(end)
}

/** Extra width (em) each word space of a line takes when the piece of word before its soft hyphen moves down. */
export function stretchWithout(end: HyphenEnd, starts: LineStart[]): number {
  const text = end.node.data
  let start = end.offset
  while (start > 0 && /[\p{L}\p{M}\u00AD]/u.test(text[start - 1] ?? '')) start--
  const range = document.createRange()
  range.setStart(end.node, start)
  range.setEnd(end.node, end.offset + 1)
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0)
  const piece = rects.reduce((sum, rect) => sum + rect.width, 0)
  const line = starts[end.line]!
  range.setStart(line.node, line.offset)
  range.setEnd(end.node, end.offset)
  const spaces = (range.toString().trim().match(/\s+/g) ?? []).length
  const em =
    Number.parseFloat(getComputedStyle(end.node.parentElement ?? document.body).fontSize) || 14
  return piece / Math.max(1, spaces) / em
}

/**
 * Take out the soft hyphens at which no line of `unit` breaks (`ends` are the
 * ones it breaks at): the page lays the unit out as the probe did, and fewer
 * break opportunities make its lines quicker to find there.
 */
export function keepOnlyUsedHyphens(unit: HTMLElement, ends: HyphenEnd[]): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const used = new Map<Text, Set<number>>()
  for (const end of ends) used.set(end.node, (used.get(end.node) ?? new Set()).add(end.offset))
  for (const node of F.textNodes(unit)) {
    if (!node.data.includes('\u00AD')) continue
    const keep = used.get(node)
    let text = ''
    for (let offset = 0; offset < node.data.length; offset++) {
      const char = node.data[offset] ?? ''
      if (char !== '\u00AD' || keep?.has(offset)) text += char
    }
    node.data = text
  }
}

/**
 * Limit the hyphenated line ends of `units`, each laid on the probe page of
 * its side (`probeOf`), in order; `count` carries the book's totals from one
 * call to the next. Returns the totals after the units.
 */
export function limitHyphens(
  units: HTMLElement[],
  probeOf: (unit: HTMLElement) => HTMLElement,
  count: HyphenCount = {lines: 0, hyphenated: 0},
  limits: HyphenLimits = {run: 2, share: 0.12, maxStretch: 0.45}
): HyphenCount {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  for (const unit of units) {
    if (!(unit.textContent ?? '').includes('\u00AD')) {
      continue
    }
    const flow = probeOf(unit)
    const parent = unit.parentNode
    const next = unit.nextSibling
    flow.replaceChildren(unit)
    keepTextNodes(unit)
    try {
      let starts = F.lineStarts(unit)
      let ends = F.hyphenEnds(unit, starts)
      // Each round takes out the breaks it must (the third of a run, the cheapest over the share),
      // then lays the paragraph again: the lines after a change move, so the next round looks again.
      for (let round = 0; round < 8; round++) {
        const hyphenated = new Set(ends.map((end) => end.line))
        const chosen: HyphenEnd[] = []
        for (const end of ends) {
          const before = Array.from({length: limits.run}, (_, back) => end.line - back - 1)
          if (before.every((line) => hyphenated.has(line))) {
            chosen.push(end)
            hyphenated.delete(end.line)
          }
        }
        const allowed = Math.max(
          0,
          Math.floor(limits.share * (count.lines + starts.length)) - count.hyphenated
        )
        let excess = ends.length - chosen.length - allowed
        if (excess > 0) {
          const taken = new Set(chosen.map((end) => end.line))
          const costs = ends
            .filter((end) => !taken.has(end.line))
            .map((end) => ({end, cost: F.stretchWithout(end, starts)}))
            .sort((a, b) => a.cost - b.cost)
          for (const {end, cost} of costs) {
            if (excess <= 0 || cost > limits.maxStretch) break
            // Two neighbouring lines would move together: one at a time.
            if (taken.has(end.line - 1) || taken.has(end.line + 1)) continue
            chosen.push(end)
            taken.add(end.line)
            excess--
          }
        }
        if (chosen.length === 0) break
        // Later offsets first: taking a word's soft hyphens out moves what follows it in its node.
        for (const end of chosen.sort((a, b) => (a.node === b.node ? b.offset - a.offset : 0)))
          F.unhyphenateWord(end.node, end.offset)
        starts = F.lineStarts(unit)
        ends = F.hyphenEnds(unit, starts)
      }
      count.lines += starts.length
      count.hyphenated += ends.length
      F.keepOnlyUsedHyphens(unit, ends)
    } finally {
      keepTextNodes(undefined)
    }
    unit.remove()
    if (parent) parent.insertBefore(unit, next)
  }
  return count
}

/**
 * Limit the hyphenated line ends of the text's units and notes (`limitHyphens`),
 * each on a probe page of its side: the original's on a verso, the
 * translation's on a recto (one side for a one-language work).
 */
export function limitTextHyphens(
  units: Array<{verso: HTMLElement; recto: HTMLElement}>
): HyphenCount {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const first = F.newPage('body')
  const second = F.newPage('body')
  const [verso, recto] = first.page.classList.contains('verso') ? [first, second] : [second, first]
  const originalLang = units[0]?.verso.getAttribute('lang') ?? ''
  const single = units.every((pair) => pair.verso === pair.recto)
  const versos = new Set(units.map((pair) => pair.verso))
  try {
    const count = F.limitHyphens(
      units.flatMap((pair) => (single ? [pair.verso] : [pair.verso, pair.recto])),
      (unit) => (versos.has(unit) ? verso.flow : recto.flow)
    )
    const notes = [...F.notes.values()]
    return F.limitHyphens(
      notes,
      (note) => (single || note.getAttribute('lang') === originalLang ? verso.notes : recto.notes),
      count
    )
  } finally {
    first.page.remove()
    second.page.remove()
  }
}
