/**
 * After Paged.js: folios (roman for front matter, arabic from the first page
 * of the text), running heads (work title on versos, section title on
 * rectos), page numbers of the contents and the indexes, footnote ids, and
 * the measurements for the checks. Paged.js's page counter is wrong on
 * Chromium ≥ 131 (DESIGN §5): the folios are written here instead.
 */
import type {FinishData, PageReport} from '../api.js'
import {roman} from '../roman.js'
import {fillContents, fontErrors as failedFaces} from './contents.js'

/** Finish the pages; `lost` are the paragraphs the lost-text check named. */
export function finishPaged(data: FinishData, lost: number[]): PageReport {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')]
  const matterOf = (page: HTMLElement): string | undefined =>
    page.querySelector<HTMLElement>('.pagedjs_page_content [data-matter]')?.dataset['matter']
  const matters = pages.map(matterOf)
  // A blank page belongs to what comes before it.
  for (let index = 0; index < matters.length; index++)
    if (!matters[index]) matters[index] = index > 0 ? matters[index - 1] : 'cover'
  const firstBody = matters.indexOf('body')
  const folios = pages.map((_, index) =>
    firstBody >= 0 && index >= firstBody ? String(index - firstBody + 1) : roman(index + 1)
  )

  let currentHead = ''
  pages.forEach((page, index) => {
    const blank = page.classList.contains('pagedjs_blank_page')
    const matter = matters[index]
    const content = page.querySelector('.pagedjs_page_content')
    const heads = [
      ...(content?.querySelectorAll<HTMLElement>('[data-running-head]:not([data-split-from])') ??
        [])
    ]
    const opening = heads.find(
      (head) =>
        head.dataset['depth'] === '1' ||
        head.dataset['matter'] === 'back' ||
        head.classList.contains('back')
    )
    const first = heads[0]
    if (first) currentHead = first.dataset['runningHead'] ?? currentHead
    const startsMatter =
      content?.querySelector('[data-matter]:not([data-split-from])') !== null && matter !== 'body'
    const showFolio = !blank && matter !== 'cover'
    let head = ''
    if (!blank && (matter === 'body' || matter === 'back') && !opening && !startsMatter) {
      head = page.classList.contains('pagedjs_left_page') ? data.versoHead : currentHead
    }
    if (!blank && matter === 'front' && !startsMatter) head = 'Contents'
    // (On the margin boxes, which show them: set on the page, they would restyle all it holds.)
    for (const box of page.querySelectorAll<HTMLElement>('.pagedjs_margin')) {
      box.style.setProperty('--folio', JSON.stringify(showFolio ? folios[index] : ''))
      box.style.setProperty('--running-head', JSON.stringify(head))
    }
    page.dataset['folio'] = folios[index] ?? ''

    // Notes: restore their ids; mark pages that hold notes of both languages.
    const notes = [...page.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote')]
    // (A note's continuation keeps no id: Paged.js gave it one from a random ref.)
    for (const note of notes) {
      if (note.dataset['noteId'] && !note.dataset['splitFrom']) note.id = note.dataset['noteId']
      else note.removeAttribute('id')
    }
    const langs = new Set(notes.map((note) => note.getAttribute('lang')))
    if (langs.size > 1) page.classList.add('notes-both')
  })

  // Paged.js's own (empty) note calls link to its random note ids: no link, no destination.
  for (const call of document.querySelectorAll('a[data-footnote-call]'))
    call.removeAttribute('href')

  const folioOf = (element: Element | null): string => {
    const page = element?.closest<HTMLElement>('.pagedjs_page')
    return page?.dataset['folio'] ?? '?'
  }
  const toc = fillContents(folioOf)
  // Pages of every glossary and index entry: one pass over the references, in document order.
  const entryPages = new Map<string, string[]>()
  for (const reference of document.querySelectorAll<HTMLElement>(
    '.text a.term[data-entry], .pagedjs_footnote_area a.term[data-entry]'
  )) {
    const entry = reference.dataset['entry'] ?? ''
    const folio = folioOf(reference)
    const seen = entryPages.get(entry) ?? []
    if (!seen.includes(folio)) seen.push(folio)
    entryPages.set(entry, seen)
  }
  for (const slot of document.querySelectorAll<HTMLElement>('.pages[data-entry]')) {
    slot.textContent = (entryPages.get(slot.dataset['entry'] ?? '') ?? []).join(', ')
  }

  // Checks: anything wider than its column.
  const overflows: PageReport['overflows'] = []
  for (const element of document.querySelectorAll<HTMLElement>(
    '.pagedjs_page_content p, .pagedjs_page_content li, .pagedjs_page_content h1, .pagedjs_page_content h2, .pagedjs_page_content h3, .pagedjs_page_content h4, .pagedjs_page_content h5, .pagedjs_page_content h6, .pagedjs_page_content td, .pagedjs_page_content .segment, .pagedjs_footnote_area .footnote'
  )) {
    const excess = element.scrollWidth - element.clientWidth
    if (excess > 1 && element.clientWidth > 0) {
      overflows.push({
        folio: folioOf(element),
        text: (element.textContent ?? '')
          .replace(/\u00AD/g, '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 60),
        excess
      })
    }
  }
  const fontErrors = failedFaces()
  const misplacedNotes: PageReport['misplacedNotes'] = []
  const calls = new Map<string, Element>()
  for (const call of document.querySelectorAll('.pagedjs_page_content a.noteref[href^="#"]')) {
    const id = (call.getAttribute('href') ?? '').slice(1)
    if (!calls.has(id)) calls.set(id, call)
  }
  for (const note of document.querySelectorAll<HTMLElement>(
    '.pagedjs_footnote_area .footnote[data-note-id]:not([data-split-from])'
  )) {
    const id = note.dataset['noteId'] ?? ''
    const call = calls.get(id)
    if (call && folioOf(call) !== folioOf(note))
      misplacedNotes.push({note: id, notePage: folioOf(note), callPage: folioOf(call)})
  }
  const headings = [
    ...document.querySelectorAll<HTMLElement>('.pagedjs_page_content :is(h1, h2, h3, h4, h5, h6)')
  ]
    .filter((heading) => !heading.dataset['splitFrom'])
    .map(
      (heading) =>
        heading.getAttribute('aria-label') ??
        (heading.textContent ?? '').replace(/\s+/g, ' ').trim()
    )
  // An even page count: a blank page at the end when needed.
  const last = pages[pages.length - 1]
  let pageCount = pages.length
  if (last && pages.length % 2 === 1) {
    const blank = last.cloneNode(true) as HTMLElement
    blank.querySelector('.pagedjs_page_content')?.replaceChildren()
    blank.querySelector('.pagedjs_footnote_area')?.replaceChildren()
    for (const box of blank.querySelectorAll<HTMLElement>('.pagedjs_margin')) {
      box.style.setProperty('--folio', '""')
      box.style.setProperty('--running-head', '""')
    }
    blank.classList.add('pagedjs_blank_page')
    blank.removeAttribute('id')
    for (const element of blank.querySelectorAll('[id]')) element.removeAttribute('id')
    last.after(blank)
    folios.push('')
    pageCount++
  }
  const lostText = lost.map((index) =>
    (document.querySelector(`[data-check="${index}"]`)?.textContent ?? `paragraph ${index}`)
      .replace(/\u00AD/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60)
  )
  return {
    pageCount,
    folios,
    toc,
    overflows,
    fontErrors,
    lostText,
    misplacedNotes,
    headings,
    arabicFrom: firstBody
  }
}
