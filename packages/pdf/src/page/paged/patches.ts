/**
 * Every change Diglot makes to Paged.js's own prototypes, in one place, and
 * only for the version they were written for: they replace or wrap private
 * methods, which another version may not have or may call differently.
 *
 * * Paged.js loads every font face of the page first: it waits for the faces
 *   the text needs instead (`fonts.ts`).
 * * Its base style sheet sets the pages up for print only: the same on screen.
 * * Rules that give the same pages a third faster.
 * * A note that does not fit whole is cut at the foot and continues on the
 *   next page (`footnote-policy: auto`); when less than two of its lines
 *   would be on the page of its call, the call's line goes to the next page
 *   with it instead.
 */
import {fontsReady} from '../fonts.js'
import {notesHeight as height, px, type Footnotes, type PagedApi} from './types.js'

/** The Paged.js version the patches are written for (packages/pdf/package.json pins it). */
const pinnedPagedVersion = '0.4.3'

/** Patch Paged.js; throws when the installed version is not the pinned one. */
export function patchPaged(paged: PagedApi, installedVersion: string): void {
  if (installedVersion !== pinnedPagedVersion) {
    throw new Error(
      `Paged.js ${installedVersion} is installed, but the print edition's patches (packages/pdf/src/page/paged/patches.ts) are written for Paged.js ${pinnedPagedVersion}: install pagedjs@${pinnedPagedVersion}, or check each patch against the new version and change the pin`
    )
  }
  // Paged.js loads every font face of the document before laying it out: all the
  // `unicode-range` subsets of the fonts (Noto Serif SC alone has about a hundred), which costs
  // seconds. It waits for the faces the text needs instead (`preloadFaces` started them).
  paged.Chunker.prototype.loadFonts = fontsReady

  // Paged.js's base style sheet sets the pages up for print inside `@media print`: printing then
  // restyles every element of the book (a quarter of a second for the report). The same rules
  // apply on screen and in print instead, less the heights of 100%: each page has its height
  // already (the trim size), on screen as in print.
  const setup = paged.Polisher.prototype.setup
  paged.Polisher.prototype.setup = function (this: {base?: HTMLStyleElement}) {
    const result = setup.call(this)
    const sheet = this.base?.sheet
    if (sheet) {
      for (let index = sheet.cssRules.length - 1; index >= 0; index--) {
        const rule = sheet.cssRules[index]
        if (!(rule instanceof CSSMediaRule) || rule.media.mediaText !== 'print') continue
        sheet.deleteRule(index)
        const rules = [
          'html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
          'body { margin: 0; padding: 0; }',
          '.pagedjs_pages { width: auto; display: block !important; transform: none !important; overflow: visible; }',
          '.pagedjs_page { margin: 0; padding: 0; break-after: page; }',
          '.pagedjs_sheet { margin: 0; padding: 0; }'
        ]
        for (const text of rules.reverse()) sheet.insertRule(text, index)
      }
    }
    return result
  }

  // Rules that give the same pages a third faster (measured on the report):
  // * Paged.js sizes the text and the notes of a page with `--pagedjs-footnotes-height`, which it
  //   sets on the page area each time a note is placed: inherited, as custom properties are, it
  //   restyles everything on the page each time. Registered as not inherited (and passed to the
  //   two boxes that use it), it restyles those boxes only.
  // * A page has a fixed size and nothing in it reaches out: contained, laying out the page being
  //   filled does not lay out the pages before it again.
  // * Paged.js counts pages, note calls and notes with CSS counters, which this edition never
  //   shows (it writes folios after pagination; the hast has the note marks). Each new page or
  //   note made Chromium update the counters through the whole book so far.
  const style = document.createElement('style')
  style.setAttribute('data-pagedjs-ignore', '')
  style.textContent = `@property --pagedjs-footnotes-height { syntax: '*'; inherits: false; initial-value: 0mm; }
.pagedjs_area > * { --pagedjs-footnotes-height: inherit; }
.pagedjs_page, .pagedjs_sheet { contain: strict; }
.pagedjs_page, .pagedjs_area [data-footnote-call], [data-footnote-marker] { counter-increment: none !important; }
.pagedjs_pages { counter-reset: none !important; }`
  document.head.append(style)

  const footnotes = paged.registeredHandlers.find(
    (handler) => typeof handler.prototype.moveFootnote === 'function'
  )
  const move = footnotes?.prototype.moveFootnote
  if (footnotes && move) {
    footnotes.prototype.moveFootnote = function (
      this: Footnotes,
      node: HTMLElement,
      pageArea: HTMLElement,
      needsNoteCall: boolean
    ): void {
      move.call(this, node, pageArea, needsNoteCall)
      if (!needsNoteCall || !node.isConnected || !node.closest('.pagedjs_footnote_area')) return
      const noteArea = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_area')
      const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')
      const content = pageArea.querySelector<HTMLElement>('.pagedjs_page_content')
      const call = pageArea.querySelector(
        `[data-footnote-call="${CSS.escape(node.dataset['ref'] ?? '')}"]`
      )
      if (!noteArea || !inner || !content || !call) return
      const clamped = Boolean(inner.style.height) && inner.style.height !== 'auto'
      const bottom = Math.min(
        noteArea.getBoundingClientRect().bottom,
        clamped ? inner.getBoundingClientRect().bottom : Infinity
      )
      const box = node.getBoundingClientRect()
      if (box.bottom <= bottom + 0.5) return
      const style = getComputedStyle(node)
      const line = px(style.lineHeight)
      // Paged.js cuts the note at the foot; it goes on on the next page, with at least two lines
      // (no note widow): when only one line would go on, the note is cut a line earlier if two
      // lines still begin it here (the text takes the freed line), else it is not split.
      if (bottom - box.top >= Math.min(box.height, 2 * line) - 1) {
        if (!clamped) return
        // The note's lines (a line with CJK text is taller than the line height).
        const range = document.createRange()
        range.selectNodeContents(node)
        const lines: Array<{top: number; bottom: number}> = []
        for (const rect of [...range.getClientRects()]
          .filter((r) => r.height > 0)
          .sort((a, b) => a.top - b.top)) {
          const last = lines[lines.length - 1]
          if (last && rect.top < last.bottom - 2) last.bottom = Math.max(last.bottom, rect.bottom)
          else lines.push({top: rect.top, bottom: rect.bottom})
        }
        const fitting = lines.filter((entry) => entry.bottom <= bottom + 0.5).length
        const carried = lines.length - fitting
        if (carried === 0 || carried >= 2) return
        const kept = fitting - 1
        if (kept >= 2) {
          const shrink = bottom - (lines[kept - 1]!.bottom + 1)
          if (shrink > 0) {
            pageArea.style.setProperty(
              '--pagedjs-footnotes-height',
              `${height(pageArea) - shrink}px`
            )
            inner.style.height = `${px(inner.style.height) - shrink}px`
          }
          return
        }
        // (Moving the call's line would leave this page mostly empty: the note widow stays.)
        const text = content.getBoundingClientRect()
        if (call.getBoundingClientRect().top - text.top < text.height / 2) return
      }
      // Too little of the note would begin here (Paged.js then moves the whole note and may
      // push the call's line out of the page): the note area grows above the call's line,
      // which goes to the next page, and its note with it when Paged.js removes the overflow.
      const grow = content.getBoundingClientRect().bottom - call.getBoundingClientRect().top + 1
      pageArea.style.setProperty('--pagedjs-footnotes-height', `${height(pageArea) + grow}px`)
      if (clamped) inner.style.height = `${px(inner.style.height) + grow}px`
    }
  }
}
