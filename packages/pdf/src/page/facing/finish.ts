/**
 * In-page (DOM-only) finishing of a book laid out on pages by `layout.ts`:
 * folios (roman in the front matter, arabic from the text's part title),
 * running heads (the original's title on versos, the translation's on
 * rectos, the section's in the back matter), contents and index page
 * numbers (both pages of an opening: 12–13), unused soft hyphens removed,
 * and what the checks need. Installed in `globalThis.diglotFacing`.
 */
import type {FacingGlobal} from './install.js'
import type {PageReport} from '../api.js'
import {roman} from '../roman.js'
import {fillContents, fontErrors as failedFaces} from '../finish/contents.js'

/** What the finishing step needs. */
export interface FacingFinishData {
  versoHead: string
  rectoHead: string
}

/** An element's text without notes, paragraph numbers, spaces, soft hyphens and hyphens. */
export function squashText(element: Element): string {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  return F.textNodes(element)
    .map((node) => node.data)
    .join('')
    .replace(/[\s\u00AD-]+/g, '')
}

/**
 * Write the pages of every glossary and index entry (both pages of an
 * opening as 12–13), from the text's pages: called before the back matter
 * is laid out, so that it is laid out with its numbers.
 */
export function fillIndex(): void {
  const pages = [...document.querySelectorAll<HTMLElement>('.book > .page')]
  const arabicFrom = pages.findIndex((page) =>
    ['part', 'body', 'back'].includes(page.dataset['matter'] ?? '')
  )
  const entryPages = new Map<string, Set<number>>()
  const verso = new Set<number>()
  pages.forEach((page, index) => {
    if (page.dataset['matter'] !== 'body') return
    const folio = index - arabicFrom + 1
    if (page.classList.contains('verso')) verso.add(folio)
    for (const reference of page.querySelectorAll<HTMLElement>('a.term[data-entry]')) {
      const entry = reference.dataset['entry'] ?? ''
      const seen = entryPages.get(entry) ?? new Set<number>()
      seen.add(folio)
      entryPages.set(entry, seen)
    }
  })
  for (const slot of document.querySelectorAll<HTMLElement>('.pages[data-entry]')) {
    const numbers = [...(entryPages.get(slot.dataset['entry'] ?? '') ?? [])].sort((a, b) => a - b)
    const parts: string[] = []
    for (let index = 0; index < numbers.length; index++) {
      const number = numbers[index] ?? 0
      if (verso.has(number) && numbers[index + 1] === number + 1) {
        parts.push(`${number}–${number + 1}`)
        index++
      } else parts.push(String(number))
    }
    // (A range is not broken at its dash.)
    slot.replaceChildren(
      ...parts.flatMap((part, index) => {
        const span = document.createElement('span')
        span.className = 'page-range'
        span.textContent = part
        return index > 0 ? [', ', span] : [span]
      })
    )
  }
}

/** Finish the pages; returns the report the edition checks and the metadata need. */
export function finishFacing(data: FacingFinishData): PageReport {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const pages = [...document.querySelectorAll<HTMLElement>('.book > .page')]
  const arabicFrom = pages.findIndex((page) =>
    ['part', 'body', 'back'].includes(page.dataset['matter'] ?? '')
  )
  const folios = pages.map((_, index) =>
    arabicFrom >= 0 && index >= arabicFrom ? String(index - arabicFrom + 1) : roman(index + 1)
  )
  let backHead = ''
  // The running heads of the sections in force, by depth (index 0: depth 1).
  const sections: string[] = []
  const enter = (unit: HTMLElement): void => {
    const depth = Number(unit.dataset['depth'] ?? 0)
    if (depth < 1) return
    sections.length = depth - 1
    sections[depth - 1] = unit.dataset['runningHead'] ?? ''
  }
  pages.forEach((page, index) => {
    const matter = page.dataset['matter'] ?? ''
    page.dataset['folio'] = folios[index] ?? ''
    if (page.dataset['runningHead'] !== undefined) backHead = page.dataset['runningHead']
    let heads: string[] = []
    // One language: the work's title on versos; on rectos the section in force at the top of the
    // page (a heading that opens the page counts), or the sections it belongs to where it is too long.
    const units = [...page.querySelectorAll<HTMLElement>('.flow > .unit')]
    const opens = units[0]?.matches('.unit-heading[data-running-head]') ? units[0] : undefined
    if (opens) enter(opens)
    const inForce = sections.slice(1).filter(Boolean).reverse()
    for (const unit of units)
      if (unit !== opens && unit.matches('.unit-heading[data-running-head]')) enter(unit)
    const section = inForce.flatMap((text, at) =>
      at === 0 ? [text, text.replace(/^(?:[A-Z]|[IVXLC]+|\d+)\.\s+/, '')] : [text]
    )
    const recto = data.rectoHead ? [data.rectoHead] : [...section, data.versoHead]
    if (matter === 'body' && !page.querySelector('.unit[data-depth="1"]'))
      heads = page.classList.contains('verso') ? [data.versoHead] : recto
    if (matter === 'back' && !page.classList.contains('opens-section')) heads = [backHead]
    if (matter === 'front' && !page.querySelector('h2')) heads = ['Contents']
    // A page left empty (the other side of a long pair runs on) is blank: no head, no folio.
    const empty =
      matter === 'body' && (page.querySelector('.area')?.textContent ?? '').trim() === ''
    if (empty) heads = []
    const show = ['front', 'body', 'back'].includes(matter) && !empty
    const headBox = page.querySelector<HTMLElement>('.running-head')
    const folioBox = page.querySelector('.folio')
    if (headBox) {
      // The first head that fits the line: never cut short with an ellipsis.
      for (const head of heads) {
        headBox.textContent = head
        if (headBox.scrollWidth <= headBox.clientWidth + 0.5) break
      }
      if (heads.length === 0) headBox.textContent = ''
    }
    if (folioBox) folioBox.textContent = show ? (folios[index] ?? '') : ''
  })
  const pageOf = (element: Element | null): HTMLElement | null =>
    element?.closest<HTMLElement>('.page') ?? null
  const folioOf = (element: Element | null): string => pageOf(element)?.dataset['folio'] ?? '?'

  const toc = fillContents(folioOf)

  // Checks: lost text (every unit and note, all its parts together), misplaced notes, overflows.
  const lostText: string[] = []
  const found = new Map<string, string>()
  for (const element of document.querySelectorAll<HTMLElement>('.book [data-unit]')) {
    const key = element.dataset['unit'] ?? ''
    found.set(key, (found.get(key) ?? '') + F.squashText(element))
  }
  F.expectedUnits.forEach((text, index) => {
    if (found.get(String(index)) !== text) lostText.push(text.slice(0, 60))
  })
  const foundNotes = new Map<string, string>()
  for (const note of document.querySelectorAll<HTMLElement>('.book .note[data-note-id]')) {
    const key = note.dataset['noteId'] ?? ''
    foundNotes.set(key, (foundNotes.get(key) ?? '') + F.squashText(note))
  }
  for (const [id, text] of F.expectedNotes)
    if (foundNotes.get(id) !== text) lostText.push(`note ${id}: ${text.slice(0, 50)}`)
  const misplacedNotes: PageReport['misplacedNotes'] = []
  for (const note of document.querySelectorAll<HTMLElement>('.book .note[id]')) {
    const call = document.querySelector(`.book .flow a.noteref[href="#${CSS.escape(note.id)}"]`)
    if (call && pageOf(call) !== pageOf(note))
      misplacedNotes.push({note: note.id, notePage: folioOf(note), callPage: folioOf(call)})
  }
  const overflows: PageReport['overflows'] = []
  pages.forEach((page, index) => {
    const area = page.querySelector<HTMLElement>('.area')
    const flow = page.querySelector<HTMLElement>('.flow')
    const notes = page.querySelector<HTMLElement>('.notes')
    if (!area || !flow || !notes) return
    const excess =
      flow.getBoundingClientRect().height +
      (notes.childElementCount > 0 ? notes.getBoundingClientRect().height + 6 : 0) -
      area.clientHeight
    if (excess > 1)
      overflows.push({
        folio: folios[index] ?? '',
        text: (page.textContent ?? '')
          .replace(/\u00AD/g, '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60),
        excess: Math.round(excess)
      })
    for (const element of page.querySelectorAll<HTMLElement>(
      '.area p, .area li, .area .heading, .area h1, .area h2, .area h3, .area .note'
    )) {
      const wide = element.scrollWidth - element.clientWidth
      if (wide > 2.5 && element.clientWidth > 0)
        overflows.push({
          folio: folios[index] ?? '',
          text: (element.textContent ?? '')
            .replace(/\u00AD/g, '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 60),
          excess: wide
        })
    }
  })
  const fontErrors = failedFaces()
  const headings = [...document.querySelectorAll<HTMLElement>('.book :is(h1, h2, h3, h4, h5, h6)')]
    .filter((heading) => !heading.closest('[aria-hidden="true"]'))
    .map(
      (heading) =>
        heading.getAttribute('aria-label') ??
        (heading.textContent ?? '')
          .replace(/\u00AD/g, '')
          .replace(/\s+/g, ' ')
          .trim()
    )

  // Last: soft hyphens only where a line breaks.
  F.stripSoftHyphens([...document.querySelectorAll('.book .area')])
  return {
    pageCount: pages.length,
    folios,
    toc,
    overflows,
    fontErrors,
    lostText,
    misplacedNotes,
    headings,
    arabicFrom
  }
}
