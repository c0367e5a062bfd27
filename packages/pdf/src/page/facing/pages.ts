/**
 * In-page (DOM-only) pages of the facing-page layout: making a page, and
 * setting a block (a "unit": one language's side of an aligned pair, a
 * contents line, a glossary entry) on it, with its notes at the page foot,
 * cut at a line boundary when it does not fit (orphans and widows: at least
 * two lines on each side of a cut). Installed in `globalThis.diglotFacing`
 * (see `install.ts`); reaches the other in-page functions only through it.
 */
import type {FacingGlobal} from './install.js'

/** A page and its parts. */
export interface PageBox {
  page: HTMLElement
  area: HTMLElement
  flow: HTMLElement
  notes: HTMLElement
}

/** How a unit went onto a page. */
export interface Placement {
  placed: 'whole' | 'split' | 'none'
  /** The part left for the next page (when split). */
  rest?: HTMLElement
}

/** Options of `placeUnit`. */
export interface PlaceOptions {
  /** The unit may be cut between lines. */
  split: boolean
  /** Room (px) that must be left below the unit (a heading keeps two lines of what follows). */
  keep: number
  /** Ignore orphans, widows and `keep`: the page is empty and the unit must start here. */
  force: boolean
}

/** A new page at the end of the book: recto when it is the book's odd page (1st, 3rd, …). */
export function newPage(matter: string): PageBox {
  const book = document.querySelector<HTMLElement>('.book')
  if (!book) throw new Error('no .book')
  const kind = book.children.length % 2 === 0 ? 'recto' : 'verso'
  const page = document.createElement('div')
  page.className = `page ${kind} matter-${matter}`
  page.dataset['matter'] = matter
  const head = document.createElement('div')
  head.className = 'running-head'
  head.setAttribute('aria-hidden', 'true')
  const area = document.createElement('div')
  area.className = 'area'
  const flow = document.createElement('div')
  flow.className = 'flow'
  const notes = document.createElement('div')
  notes.className = 'notes'
  notes.setAttribute('role', 'doc-endnotes')
  const folio = document.createElement('div')
  folio.className = 'folio'
  folio.setAttribute('aria-hidden', 'true')
  area.append(flow, notes)
  page.append(head, area, folio)
  book.append(page)
  return {page, area, flow, notes}
}

/** Height the notes take (with the rule above them), 0 when none. */
export function notesHeight(box: PageBox): number {
  return box.notes.childElementCount > 0 ? box.notes.getBoundingClientRect().height + 6 : 0
}

/** Room left on the page (px). */
export function room(box: PageBox): number {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  return box.area.clientHeight - box.flow.getBoundingClientRect().height - F.notesHeight(box)
}

/** Note calls in an element (not in its notes). */
export function callsIn(element: Element): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>('a.noteref[href^="#"]')].filter(
    (call) => !call.closest('.note')
  )
}

/** Add the notes of `calls` to the page (each once); returns the notes added. */
export function addNotes(box: PageBox, calls: HTMLElement[]): HTMLElement[] {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const added: HTMLElement[] = []
  for (const call of calls) {
    const id = (call.getAttribute('href') ?? '').slice(1)
    const note = F.notes.get(id)
    if (!note || F.placedNotes.has(id)) continue
    const copy = note.cloneNode(true) as HTMLElement
    copy.id = id
    box.notes.append(copy)
    F.placedNotes.add(id)
    added.push(copy)
  }
  return added
}

export function removeNotes(notes: HTMLElement[]): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  for (const note of notes) {
    F.placedNotes.delete(note.dataset['noteId'] ?? '')
    note.remove()
  }
}

/** Put `unit` on the page, whole or cut, or not at all. */
export function placeUnit(box: PageBox, unit: HTMLElement, options: PlaceOptions): Placement {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const pristine = unit.cloneNode(true) as HTMLElement
  box.flow.append(unit)
  const notes = F.addNotes(box, F.callsIn(unit))
  const left = F.room(box)
  if (left >= -0.5 && (options.force || left >= options.keep)) return {placed: 'whole'}
  if (left < -0.5 && !options.keep && left + F.noteSlack(box) >= -0.5) return {placed: 'whole'}
  F.removeNotes(notes)
  if (!options.split) {
    if (!options.force) {
      unit.remove()
      return {placed: 'none'}
    }
    return {placed: 'whole'}
  }
  const orphans = options.force ? 1 : 2
  const widows = options.force ? 1 : 2
  // Try cuts from the one that keeps most lines here, downwards.
  for (let attempt = 0; attempt < 4; attempt++) {
    const lines = F.lineStarts(unit)
    const calls = F.callsIn(unit).map((call) => {
      const rect = call.getBoundingClientRect()
      const middle = (rect.top + rect.bottom) / 2
      let line = 0
      lines.forEach((start, index) => {
        if (start.top <= middle + 2) line = index
      })
      return {call, line}
    })
    const areaTop = box.area.getBoundingClientRect().top
    let best = 0
    const trial: HTMLElement[] = []
    for (let count = 1; count < lines.length; count++) {
      trial.push(
        ...F.addNotes(
          box,
          calls.filter((call) => call.line === count - 1).map((call) => call.call)
        )
      )
      const limit = areaTop + box.area.clientHeight - F.notesHeight(box)
      const line = lines[count - 1]
      // (The last note may run on to the next page, two lines at least on each page.)
      if (!line || (line.bottom > limit + 0.5 && line.bottom > limit + 0.5 + F.noteSlack(box)))
        break
      if (count >= orphans && lines.length - count >= widows) best = count
    }
    F.removeNotes(trial)
    best -= attempt
    const at = lines[best]
    if (best < orphans || !at) break
    const rest = F.splitAt(unit, at)
    F.addNotes(box, F.callsIn(unit))
    const room = F.room(box)
    if (room >= -0.5 || room + F.noteSlack(box) >= -0.5) return {placed: 'split', rest}
    // The cut part came out taller than its lines measured: put the unit back and cut a line higher.
    for (const note of box.notes.querySelectorAll<HTMLElement>('.note'))
      if (F.callsIn(unit).some((call) => call.getAttribute('href') === `#${note.id}`))
        F.removeNotes([note])
    const again = pristine.cloneNode(true) as HTMLElement
    unit.replaceWith(again)
    unit = again
  }
  if (options.force) {
    // (A block that cannot be cut as it should, on an empty page: it is set whole, its overflow reported.)
    F.addNotes(box, F.callsIn(unit))
    return {placed: 'whole'}
  }
  unit.remove()
  return {placed: 'none'}
}

/** How much of the page's last note may go on to the next page (px): all but its first two lines, two lines at least. */
export function noteSlack(box: PageBox): number {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const note = box.notes.lastElementChild
  if (!note || note.classList.contains('unit-cont')) return 0
  const lines = F.lineStarts(note)
  const second = lines[1]
  if (lines.length < 4 || !second) return 0
  return note.getBoundingClientRect().bottom - second.bottom
}

/**
 * Cut the page's last note where the page ends when the notes do not fit
 * (a note longer than the room below its call's line); returns the rest,
 * to be set first in the notes of the next page of the same side.
 */
export function cutLastNote(box: PageBox): HTMLElement | undefined {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  if (F.room(box) >= -0.5) return undefined
  const note = box.notes.lastElementChild as HTMLElement | null
  if (!note) return undefined
  const lines = F.lineStarts(note)
  // Where the note must end for the page to have room (the same measure as `room`).
  const bottom = note.getBoundingClientRect().bottom + F.room(box)
  let count = 0
  while (count < lines.length && (lines[count]?.bottom ?? Infinity) <= bottom + 0.5) count++
  // Two lines at least on each page when the note is long enough; one when it must.
  if (lines.length >= 4) count = Math.max(2, Math.min(count, lines.length - 2))
  const at = lines[Math.max(1, count)]
  if (!at || count < 1) return undefined
  const rest = F.splitAt(note, at)
  rest.classList.add('note-cont')
  rest.removeAttribute('id')
  return rest
}
