/**
 * The lost-text check of a Paged.js book. Paged.js 0.4.3 may hide the lines
 * after a note call at a page break (they overflow into a column right of
 * the page; cf. pagedjs/pagedjs#130): every paragraph of the text is numbered
 * and its text kept before pagination, and compared with what the pages hold after.
 */

/** Each numbered paragraph's text before pagination. */
let expected: string[] = []

/** A paragraph's text without its notes (and Paged.js's note calls), spaces and soft hyphens. */
function squash(element: Element): string {
  const walker = document.createTreeWalker(
    element,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : (node as Element).matches('.footnote, [data-footnote-call]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP
    }
  )
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data
  return text.replace(/[\s\u00AD]+/g, '')
}

/**
 * Number the paragraphs of the text (`data-check`) and keep their text; set
 * those that lost text in earlier attempts ragged-right (`ragged`) or at the
 * top of a page (`fresh`).
 */
export function numberParagraphs(
  content: DocumentFragment,
  ragged: number[],
  fresh: number[]
): void {
  expected = []
  content.querySelectorAll('main.text p').forEach((element, index) => {
    element.setAttribute('data-check', String(index))
    expected.push(squash(element))
    if (ragged.includes(index)) element.classList.add('p-ragged')
    if (fresh.includes(index)) element.closest('.alignment')?.classList.add('alignment-fresh-page')
  })
}

/**
 * After Paged.js: the paragraphs (check indices) whose text pagination lost,
 * or whose lines lie outside the page (below its notes, or in a column right of it).
 */
export function lostParagraphs(debug: boolean): number[] {
  const found = expected.map(() => '')
  for (const fragment of document.querySelectorAll('.pagedjs_page_content p[data-check]')) {
    const index = Number(fragment.getAttribute('data-check'))
    let text = squash(fragment)
    // (Paged.js writes a hyphen where it splits a word at a soft hyphen.)
    if (fragment.matches('.pagedjs_hyphen') || fragment.querySelector('.pagedjs_hyphen'))
      text = text.replace(/-$/, '')
    found[index] += text
  }
  // Text that is there but hidden: lines below the top of the page's footnotes
  // (Paged.js may add a note after the lines above its call were laid out).
  const clipped = new Set<number>()
  for (const page of document.querySelectorAll('.pagedjs_page')) {
    const content = page.querySelector('.pagedjs_page_content')
    const notes = page.querySelector('.pagedjs_footnote_area')
    if (!content) continue
    const hasNotes = notes && notes.querySelector('.footnote') !== null
    const box = content.getBoundingClientRect()
    const limit = Math.min(
      box.bottom,
      hasNotes && notes ? notes.getBoundingClientRect().top : Infinity
    )
    for (const paragraph of content.querySelectorAll('p[data-check]')) {
      const range = document.createRange()
      range.selectNodeContents(paragraph)
      // (Most paragraphs lie wholly on their page: their lines' union says so without a look at each line.)
      const union = range.getBoundingClientRect()
      if (union.bottom <= limit + 1 && union.right <= box.right + 1) continue
      for (const rect of range.getClientRects()) {
        // Paged.js lays a page out in CSS columns: overflow goes to a column right of the page.
        if (rect.height > 0 && (rect.bottom > limit + 1 || rect.left > box.right + 1)) {
          clipped.add(Number(paragraph.getAttribute('data-check')))
          if (debug) {
            console.log(
              `clipped ${paragraph.getAttribute('data-check')} on page ${[...document.querySelectorAll('.pagedjs_page')].indexOf(page) + 1}: a line at ${Math.round(rect.left)},${Math.round(rect.top)} is past the page (notes from ${Math.round(limit)}, right edge ${Math.round(box.right)}): “${(paragraph.textContent ?? '').replace(/\u00AD/g, '').slice(-60)}”`
            )
          }
          break
        }
      }
    }
  }
  // A note whose call is set on a page but whose text is on none (Paged.js may drop a note
  // whose call's line it moves): the paragraph of the call counts as lost, so that it goes to a
  // fresh page like any other.
  const placed = new Set(
    [...document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote')].map(
      (note) => note.dataset['ref'] ?? ''
    )
  )
  for (const call of document.querySelectorAll<HTMLElement>(
    '.pagedjs_page_content [data-footnote-call]'
  )) {
    const ref = call.dataset['footnoteCall'] ?? ''
    if (ref === '' || placed.has(ref)) continue
    const paragraph = call.closest('p[data-check]')
    if (paragraph) clipped.add(Number(paragraph.getAttribute('data-check')))
    if (debug) console.log(`note ${ref} lost: its call is on a page, its text on none`)
  }
  if (debug) {
    expected.forEach((text, index) => {
      if (found[index] !== text) {
        let at = 0
        while (at < text.length && text[at] === found[index]![at]) at++
        console.log(
          `lost ${index}: …${text.slice(Math.max(0, at - 30), at)}[${text.slice(at, at + 50)}] found [${found[index]!.slice(at, at + 50)}] ${text.length} ${found[index]!.length}`
        )
      }
    })
  }
  return expected.flatMap((text, index) =>
    found[index] === text && !clipped.has(index) ? [] : [index]
  )
}
