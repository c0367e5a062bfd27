/**
 * In-page (DOM-only) layout of a one-language work on ordinary pages, with
 * the same pages, notes, cuts and checks as the facing-page layout: one flow
 * of blocks, cut at line boundaries (two lines at least on each side of a
 * cut), notes at the foot of the page of their call, a heading kept with two
 * lines of what follows, a top-level section opening on a recto. Installed
 * in `globalThis.diglotFacing` (see `install.ts`).
 */
import type {FacingGlobal} from './install.js'
import type {PageBox} from './pages.js'

/** Lay the text of a one-language work out on pages, after the pages already in the book. */
export function layoutSingle(main: Element, lineHeight: number): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  F.collectNotes(main)
  const pairs = F.pairsOf(main, true)
  F.limitTextHyphens(pairs)
  let carry: HTMLElement[] = []
  let box: PageBox = F.newPage('body')
  const next = (): PageBox => {
    box = F.newPage('body')
    if (carry.length > 0) {
      box.notes.append(...carry)
      carry = []
      settle()
    }
    return box
  }
  const settle = (): void => {
    const rest = F.cutLastNote(box)
    if (rest) carry.push(rest)
  }
  const keep = 2 * lineHeight + 2
  for (const pair of pairs) {
    if (pair.fresh && box.flow.childElementCount > 0) {
      F.toRecto()
      next()
    }
    const unit = pair.verso
    const empty = box.flow.childElementCount === 0
    let result = F.placeUnit(box, unit.cloneNode(true) as HTMLElement, {
      split: !pair.heading,
      keep: pair.heading ? keep : 0,
      force: false
    })
    if (result.placed === 'none') {
      if (!empty) next()
      result = F.placeUnit(box, unit, {split: !pair.heading, keep: 0, force: true})
    }
    settle()
    let rest = result.rest
    while (rest) {
      next()
      rest = F.placeUnit(box, rest, {split: true, keep: 0, force: true}).rest
      settle()
    }
  }
  while (carry.length > 0) next()
}
