/**
 * In-page (DOM-only) facing-page layout of a bilingual work, after
 * reledpar's `\Pages`: the original on the versos, the translation on the
 * rectos, each at full measure. Every aligned pair starts on the same
 * opening on both sides; a pair too long for the room left is cut at a
 * line boundary and continues on the next page of its side; the next pair
 * starts only when both sides of the one before have ended. Front and back
 * matter are ordinary pages. Installed in `globalThis.diglotFacing` (see
 * `install.ts`).
 */
import type {FacingGlobal} from './install.js'
import type {PageBox} from './pages.js'

/** One language's side of the book: where it is and what it carries over. */
interface Side {
  kind: 'verso' | 'recto'
  opening: number
  /** Note parts to set first at the foot of the side's next page. */
  carry: HTMLElement[]
}

/** A pair of units to set on one opening, and how. */
export interface Pair {
  verso: HTMLElement
  recto: HTMLElement
  heading: boolean
  /** Starts a new opening (a depth-1 section after the first). */
  fresh: boolean
}

/** Move the notes out of the text into `diglotFacing.notes`, as blocks. */
export function collectNotes(root: Element): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  for (const span of root.querySelectorAll<HTMLElement>('span.footnote[data-note-id]')) {
    const note = document.createElement('div')
    note.className = 'note'
    for (const name of ['lang', 'data-note-id', 'data-mark']) {
      const value = span.getAttribute(name)
      if (value !== null) note.setAttribute(name, value)
    }
    // (Chromium tags `complementary` as Aside, which the finishing makes a Note: see artifacts.ts.)
    note.setAttribute('role', 'complementary')
    note.append(...span.childNodes)
    note.querySelector('.note-side')?.remove()
    F.notes.set(span.dataset['noteId'] ?? '', note)
    F.expectedNotes.set(span.dataset['noteId'] ?? '', F.squashText(note))
    span.remove()
  }
}

/** The aligned pairs of the text, as units ready to set (paragraph numbers from 1, headings not counted). */
export function pairsOf(main: Element, single = false): Pair[] {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const pairs: Pair[] = []
  let paragraph = 0
  let unitIndex = 0
  let afterHeading = false
  let firstSection = true
  const alignments = [...main.querySelectorAll<HTMLElement>('.alignment')]
  for (const alignment of alignments) {
    const heading = alignment.classList.contains('alignment-heading')
    const section = alignment.closest('section.depth-1')
    const fresh =
      section !== null && section.querySelector('.alignment') === alignment && !firstSection
    if (section && section.querySelector('.alignment') === alignment) firstSection = false
    if (!heading) paragraph++
    const unit = (role: string): HTMLElement => {
      const segment = alignment.querySelector<HTMLElement>(`:scope > .segment[data-role="${role}"]`)
      const copy =
        (segment?.cloneNode(true) as HTMLElement | undefined) ?? document.createElement('div')
      copy.classList.add('unit', `unit-${role}`)
      if (!segment) {
        copy.classList.add('segment-missing')
        copy.textContent = '[not translated]'
      }
      F.expectedUnits[unitIndex] = F.squashText(copy)
      copy.dataset['unit'] = String(unitIndex++)
      for (const name of ['data-running-head', 'data-depth', 'data-block']) {
        const value = alignment.getAttribute(name)
        if (value !== null) copy.setAttribute(name, value)
      }
      if (afterHeading) copy.classList.add('unit-after-heading')
      if (heading) copy.classList.add('unit-heading')
      const pilcrow = copy.querySelector<HTMLElement>('.pilcrow')
      if (pilcrow) {
        if (heading) pilcrow.remove()
        else pilcrow.textContent = String(paragraph)
      }
      return copy
    }
    const verso = unit('original')
    const recto = single ? verso : unit('translation')
    // The alignment's id (the TOC's and links' target) goes with the original.
    if (alignment.id) verso.id = alignment.id
    // One heading per pair in the outline and the tags: the translation's, as in the contents.
    for (const h of single ? [] : verso.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const div = document.createElement('div')
      div.className = `heading ${h.tagName.toLowerCase()}${h.classList.contains('caps') ? ' caps' : ''}`
      div.setAttribute('lang', h.closest('[lang]')?.getAttribute('lang') ?? '')
      div.append(...h.childNodes)
      h.replaceWith(div)
    }
    pairs.push({verso, recto, heading, fresh})
    afterHeading = heading
  }
  return pairs
}

/** The text's openings as set, and the pages that end a section (white there is no fault). */
export interface Openings {
  openings: Array<{verso: PageBox; recto: PageBox}>
  sectionEnds: Set<PageBox>
}

/**
 * Lay the text out on openings, after the pages already in the book, in
 * the sizes of the two sides that leave the least white (see `balance.ts`).
 */
export function layoutOpenings(main: Element, lineHeight: number): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  F.collectNotes(main)
  F.fitOpenings(F.pairsOf(main), 2 * lineHeight + 2)
}

/**
 * Set the pairs on openings at the sizes set on the root, after the pages
 * already in the book; `keep` is the room a heading keeps below it.
 */
export function setOpenings(pairs: Pair[], keep: number): Openings {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const sectionEnds = new Set<PageBox>()
  const openings: Array<{verso: PageBox; recto: PageBox}> = []
  const sides: Side[] = [
    {kind: 'verso', opening: 0, carry: []},
    {kind: 'recto', opening: 0, carry: []}
  ]
  const boxOf = (side: Side): PageBox => {
    while (openings.length <= side.opening) {
      const verso = F.newPage('body')
      const recto = F.newPage('body')
      if (!verso.page.classList.contains('verso'))
        throw new Error('an opening must start on a verso')
      openings.push({verso, recto})
    }
    const opening = openings[side.opening]
    if (!opening) throw new Error('no opening')
    return opening[side.kind]
  }
  const settle = (side: Side, box: PageBox): void => {
    const rest = F.cutLastNote(box)
    if (rest) side.carry.push(rest)
  }
  const advance = (side: Side): PageBox => {
    side.opening++
    const box = boxOf(side)
    if (side.carry.length > 0) {
      box.notes.append(...side.carry)
      side.carry = []
      settle(side, box)
    }
    return box
  }
  boxOf(sides[0]!)
  for (const pair of pairs) {
    const start = Math.max(...sides.map((side) => side.opening))
    for (const side of sides) while (side.opening < start) advance(side)
    const empty = (side: Side): boolean => boxOf(side).flow.childElementCount === 0
    if (pair.fresh && !sides.every(empty)) {
      for (const side of sides) {
        sectionEnds.add(boxOf(side))
        advance(side)
      }
    }
    // Both sides must be able to start here; else both start on the next opening.
    const units = [pair.verso, pair.recto]
    let results = sides.map((side, index) =>
      F.placeUnit(boxOf(side), units[index]!.cloneNode(true) as HTMLElement, {
        split: !pair.heading,
        keep: pair.heading ? keep : 0,
        force: false
      })
    )
    if (results.some((result) => result.placed === 'none')) {
      sides.forEach((side, index) => {
        const box = boxOf(side)
        const placed = box.flow.querySelector(
          `:scope > [data-unit="${units[index]!.dataset['unit']}"]`
        )
        if (placed) {
          for (const call of F.callsIn(placed)) {
            const id = (call.getAttribute('href') ?? '').slice(1)
            box.notes.querySelector(`[id="${CSS.escape(id)}"]`)?.remove()
            F.placedNotes.delete(id)
          }
          placed.remove()
        }
      })
      for (const side of sides) advance(side)
      results = sides.map((side, index) =>
        F.placeUnit(boxOf(side), units[index]!.cloneNode(true) as HTMLElement, {
          split: !pair.heading,
          keep: 0,
          force: true
        })
      )
    }
    // Each side's rest continues on the next pages of that side.
    sides.forEach((side, index) => {
      let rest = results[index]?.rest
      settle(side, boxOf(side))
      while (rest) {
        const box = advance(side)
        const result = F.placeUnit(box, rest, {split: true, keep: 0, force: true})
        settle(side, box)
        rest = result.rest
      }
    })
  }
  // Notes still to be set: on pages of their own after the last.
  for (const side of sides) {
    while (side.carry.length > 0) advance(side)
    sectionEnds.add(boxOf(side))
  }
  return {openings, sectionEnds}
}

/** Lay out a run of units on ordinary pages (contents, glossary, index), each page of `matter`. */
export function layoutRun(units: HTMLElement[], matter: string): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  let box = F.newPage(matter)
  for (const unit of units) {
    let result = F.placeUnit(box, unit, {
      split: false,
      keep: unit.matches('h1, h2, h3, .heading') ? 30 : 0,
      force: box.flow.childElementCount === 0
    })
    if (result.placed === 'none') {
      box = F.newPage(matter)
      result = F.placeUnit(box, unit, {split: false, keep: 0, force: true})
    }
  }
}

/** Add a blank page unless the next page is a recto. */
export function toRecto(): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const book = document.querySelector('.book')
  if ((book?.children.length ?? 0) % 2 === 1) F.newPage('blank')
}

/** The id of the style that keeps the source out of the page's first layout (`node/facing.ts`). */
const DEFERRED_LAYOUT = 'diglot-deferred-layout'

/** Lay out the whole book: front matter, the text on openings, back matter, an even page count. */
export function layoutBook(lineHeight: number): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const book = document.createElement('div')
  book.className = 'book'
  const source = [...document.body.children]
  document.body.append(book)
  // The source is not laid out (it never was: see `deferLayout`): each page is laid out alone as it fills.
  for (const element of source) if (element instanceof HTMLElement) element.style.display = 'none'
  document.getElementById(DEFERRED_LAYOUT)?.remove()
  for (const element of source) {
    if (!(element instanceof HTMLElement)) continue
    if (element.matches('.cover')) {
      if (element.matches('.imprint')) {
        if (book.children.length % 2 === 0) F.newPage('blank')
      } else F.toRecto()
      element.style.removeProperty('display')
      F.newPage('cover').flow.append(element)
      // (Moved onto its page, not removed with the laid-out source below.)
      continue
    } else if (element.matches('nav.toc')) {
      F.toRecto()
      const heading = element.querySelector('h2')
      const items = [...element.querySelectorAll<HTMLElement>('li')]
      const list = element.querySelector('ol')
      list?.replaceChildren()
      F.layoutRun(
        [
          ...(heading ? [heading] : []),
          ...items.map((item) => {
            const ol = document.createElement('ol')
            ol.className = 'toc-list'
            ol.append(item)
            return ol
          })
        ],
        'front'
      )
      // The nav keeps its landmark role around the first page's contents.
      const first = book.lastElementChild?.querySelector('.flow')
      void first
    } else if (element.matches('main.text')) {
      F.toRecto()
      if (document.body.classList.contains('single-book')) {
        F.layoutSingle(element, lineHeight)
        F.fillIndex()
        element.remove()
        continue
      }
      const part = F.newPage('part')
      const title = element.querySelector('[data-depth="1"]')
      const titles = [...(title?.querySelectorAll(':scope > .segment') ?? [])].map((segment) => {
        const p = document.createElement('p')
        p.className = 'part-title'
        p.setAttribute('lang', segment.getAttribute('lang') ?? '')
        p.setAttribute('aria-hidden', 'true')
        p.textContent = (segment.textContent ?? '').replace(/\u00AD/g, '')
        return p
      })
      part.flow.append(...titles)
      F.layoutOpenings(element, lineHeight)
      F.fillIndex()
    } else if (element.matches('section.back')) {
      F.toRecto()
      const heading = element.querySelector<HTMLElement>('h1, h2')
      if (heading) heading.dataset['section'] = element.id
      const entries = [...element.querySelectorAll<HTMLElement>('.entry, .intro, .empty')]
      F.layoutRun([...(heading ? [heading] : []), ...entries], 'back')
      const first = [...book.querySelectorAll<HTMLElement>('.page')].find((page) =>
        page.contains(heading ?? null)
      )
      if (first) {
        first.id = element.id
        first.dataset['runningHead'] = element.dataset['runningHead'] ?? ''
        first.classList.add('opens-section')
      }
    }
    element.remove()
  }
  if (book.children.length % 2 === 1) F.newPage('blank')
}
