/**
 * Paginate a print document with Paged.js 0.4.3 in Debian Chromium and print
 * it to PDF. The page is served on 127.0.0.1 (linked resources fail under
 * `file://`); fonts come from `@fontsource` through the same server.
 * After pagination, `finishPages` (run in the page) writes folios, running
 * heads, TOC and index page numbers, since Paged.js's page counter is
 * wrong on Chromium ≥ 131 (DESIGN §5), and measures what the checks need.
 */
import {createServer, type Server} from 'node:http'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import type {Browser} from 'puppeteer'
import {guardRequests, launchGuardedBrowser} from './browser.js'
import type {FontPackage} from './fonts.js'
import {facingScript, type FacingGlobal} from './facing/install.js'

const require = createRequire(import.meta.url)

/** Chromium flags for headless printing here. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-crash-reporter', '--disable-breakpad', '--font-render-hinting=none']

/** Launch Chromium (never a downloaded browser): `executablePath`, default `PUPPETEER_EXECUTABLE_PATH` or Debian's `/usr/bin/chromium`. */
export async function launchBrowser(executablePath?: string): Promise<Browser> {
  // Over a pipe, without puppeteer's signal handlers, killed on SIGINT/SIGTERM (browser.ts).
  return launchGuardedBrowser(chromiumArgs, executablePath)
}

/** A local server for the page, the fonts and Paged.js. */
export interface PageServer {
  url: string
  /** Serve `html` at `/` (or at `/w/<name>/`, one page per work); returns its URL. */
  setPage(html: string, name?: string): string
  close(): Promise<void>
}

/** Serve pages, fonts and Paged.js on 127.0.0.1. */
export async function startServer(fonts: FontPackage[]): Promise<PageServer> {
  const pages = new Map<string, string>()
  // `require.resolve('pagedjs')` gives lib/index.cjs; the polyfill is in dist/.
  const pagedPath = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js')
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'})
      response.end(body)
    }
    void (async () => {
      try {
        if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html; charset=utf-8', pages.get('') ?? '')
        const named = /^\/w\/([\w-]+)\/$/.exec(url.pathname)
        if (named && pages.has(named[1] ?? '')) return send(200, 'text/html; charset=utf-8', pages.get(named[1] ?? '') ?? '')
        if (url.pathname === '/paged.polyfill.js') return send(200, 'text/javascript', await readFile(pagedPath))
        const match = /^\/fonts\/([a-z-]+)\/([\w.-]+\.woff2)$/.exec(url.pathname)
        const pkg = match ? fonts.find((font) => font.name === match[1]) : undefined
        if (match && pkg && match[2]) return send(200, 'font/woff2', await readFile(path.join(pkg.dir, 'files', match[2])))
        send(404, 'text/plain', 'not found')
      } catch (error) {
        send(500, 'text/plain', String(error))
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage(html, name = '') {
      pages.set(name, html)
      return name ? `http://127.0.0.1:${port}/w/${name}/` : `http://127.0.0.1:${port}/`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** What the page reports after pagination. */
export interface PageReport {
  pageCount: number
  /** Folio of every page (empty when not printed… kept for tests: the logical folio). */
  folios: string[]
  /** Folio of each TOC target (heading alignment id or back-matter section id). */
  toc: Record<string, string>
  /** Lines wider than their column. */
  overflows: Array<{folio: string; text: string; excess: number}>
  /** Font faces that failed to load. */
  fontErrors: string[]
  /** Paragraphs whose text pagination lost (their text, shortened). */
  lostText: string[]
  /** Notes set on another page than their call. */
  misplacedNotes: Array<{note: string; notePage: string; callPage: string}>
  /** Names of the headings in document order (for the bookmarks). */
  headings: string[]
  /** Index of the first page numbered in arabic figures (-1: none), for the page labels. */
  arabicFrom: number
}

/** Data the in-page finishing step needs. */
export interface FinishData {
  versoHead: string
}

/**
 * Runs in the page after Paged.js: folios (roman for front matter, arabic
 * from the first page of the text), running heads (work title on versos,
 * section title on rectos), page numbers of the contents and the indexes,
 * footnote ids and side labels, and the measurements for the checks.
 */
export function finishPages(data: FinishData): PageReport {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')]
  const roman = (value: number): string => {
    const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
    let rest = value
    let result = ''
    for (const [amount, letters] of table) while (rest >= amount) {
      result += letters
      rest -= amount
    }
    return result
  }
  const matterOf = (page: HTMLElement): string | undefined => page.querySelector<HTMLElement>('.pagedjs_page_content [data-matter]')?.dataset['matter']
  const matters = pages.map(matterOf)
  // A blank page belongs to what comes before it.
  for (let index = 0; index < matters.length; index++) if (!matters[index]) matters[index] = index > 0 ? matters[index - 1] : 'cover'
  const firstBody = matters.findIndex((matter) => matter === 'body')
  const folios = pages.map((_, index) => (firstBody >= 0 && index >= firstBody ? String(index - firstBody + 1) : roman(index + 1)))

  let currentHead = ''
  pages.forEach((page, index) => {
    const blank = page.classList.contains('pagedjs_blank_page')
    const matter = matters[index]
    const content = page.querySelector('.pagedjs_page_content')
    const heads = [...(content?.querySelectorAll<HTMLElement>('[data-running-head]:not([data-split-from])') ?? [])]
    const opening = heads.find((head) => head.dataset['depth'] === '1' || head.dataset['matter'] === 'back' || head.classList.contains('back'))
    const first = heads[0]
    if (first) currentHead = first.dataset['runningHead'] ?? currentHead
    const startsMatter = content?.querySelector('[data-matter]:not([data-split-from])') !== null && matter !== 'body'
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
  for (const call of document.querySelectorAll('a[data-footnote-call]')) call.removeAttribute('href')

  const folioOf = (element: Element | null): string => {
    const page = element?.closest<HTMLElement>('.pagedjs_page')
    return page?.dataset['folio'] ?? '?'
  }
  const toc: Record<string, string> = {}
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const target = slot.dataset['target'] ?? ''
    const folio = folioOf(document.getElementById(target))
    toc[target] = folio
    slot.textContent = folio
  }
  // Pages of every glossary and index entry: one pass over the references, in document order.
  const entryPages = new Map<string, string[]>()
  for (const reference of document.querySelectorAll<HTMLElement>('.text a.term[data-entry], .pagedjs_footnote_area a.term[data-entry]')) {
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
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page_content p, .pagedjs_page_content li, .pagedjs_page_content h1, .pagedjs_page_content h2, .pagedjs_page_content h3, .pagedjs_page_content h4, .pagedjs_page_content h5, .pagedjs_page_content h6, .pagedjs_page_content td, .pagedjs_page_content .segment, .pagedjs_footnote_area .footnote')) {
    const excess = element.scrollWidth - element.clientWidth
    if (excess > 1 && element.clientWidth > 0) {
      overflows.push({folio: folioOf(element), text: (element.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60), excess})
    }
  }
  const fontErrors: string[] = []
  document.fonts.forEach((face) => {
    if (face.status === 'error') fontErrors.push(`${face.family} ${face.weight} ${face.style}`)
  })
  const misplacedNotes: PageReport['misplacedNotes'] = []
  const calls = new Map<string, Element>()
  for (const call of document.querySelectorAll('.pagedjs_page_content a.noteref[href^="#"]')) {
    const id = (call.getAttribute('href') ?? '').slice(1)
    if (!calls.has(id)) calls.set(id, call)
  }
  for (const note of document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote[data-note-id]:not([data-split-from])')) {
    const id = note.dataset['noteId'] ?? ''
    const call = calls.get(id)
    if (call && folioOf(call) !== folioOf(note)) misplacedNotes.push({note: id, notePage: folioOf(note), callPage: folioOf(call)})
  }
  const headings = [...document.querySelectorAll<HTMLElement>('.pagedjs_page_content :is(h1, h2, h3, h4, h5, h6)')]
    .filter((heading) => !heading.dataset['splitFrom'])
    .map((heading) => heading.getAttribute('aria-label') ?? (heading.textContent ?? '').replace(/\s+/g, ' ').trim())
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
  return {pageCount, folios, toc, overflows, fontErrors, lostText: [], misplacedNotes, headings, arabicFrom: firstBody}
}

/**
 * Runs in the page before pagination: fixes to Paged.js 0.4.3 for what it
 * gets wrong here.
 *
 * * A word split at a page break: Paged.js cuts it at the first letter
 *   below the page, not at a soft hyphen ("har­m-"), and keeps the soft
 *   hyphens before the hyphen it appends; the last line is then wider than
 *   it was laid out, wraps at a soft hyphen and its end is pushed out of the
 *   page (text lost). The cut is moved back to the word's last soft hyphen
 *   (or the word's start) and the soft hyphen before the appended hyphen dropped.
 * * A note that does not fit whole is cut at the foot and continues on the
 *   next page (`footnote-policy: auto`); when less than two of its lines
 *   would be on the page of its call, the call's line goes to the next page
 *   with it instead.
 * * Paged.js loads every font face of the page first (see below): skipped.
 * * When a call leaves the page with the overflow, Paged.js removes its note
 *   but leaves the note area as high as it was: it is shrunk to the notes
 *   left, so that the gap is not left empty above the notes.
 */
export function registerPagedFixes(): void {
  type Footnotes = {
    moveFootnote(node: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean): void
  }
  interface PagedApi {
    Handler: new (...args: unknown[]) => object
    registerHandlers: (...handlers: unknown[]) => void
    registeredHandlers: Array<{prototype: Partial<Footnotes>}>
    Chunker: {prototype: {loadFonts: () => Promise<unknown>}}
    Polisher: {prototype: {setup: () => CSSStyleSheet | null}}
  }
  const paged = (window as unknown as {Paged: PagedApi}).Paged
  const letter = /[\p{L}\p{M}\p{N}\u00AD]/u
  const px = (value: string): number => Number.parseFloat(value) || 0
  const height = (area: HTMLElement): number => px(area.style.getPropertyValue('--pagedjs-footnotes-height'))

  // Paged.js loads every font face of the document before laying it out: all the
  // `unicode-range` subsets of the fonts (Noto Serif SC alone has about a hundred), which costs
  // seconds. It waits for the faces the text needs instead (`prepareContent` started them).
  paged.Chunker.prototype.loadFonts = () => ((window as unknown as Record<string, unknown>)['__diglotFonts'] as Promise<unknown> | undefined) ?? Promise.resolve([])

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

  const footnotes = paged.registeredHandlers.find((handler) => typeof handler.prototype.moveFootnote === 'function')
  const move = footnotes?.prototype.moveFootnote
  if (footnotes && move) {
    footnotes.prototype.moveFootnote = function (this: Footnotes, node: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean): void {
      move.call(this, node, pageArea, needsNoteCall)
      if (!needsNoteCall || !node.isConnected || !node.closest('.pagedjs_footnote_area')) return
      const noteArea = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_area')
      const inner = pageArea.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')
      const content = pageArea.querySelector<HTMLElement>('.pagedjs_page_content')
      const call = pageArea.querySelector(`[data-footnote-call="${CSS.escape(node.dataset['ref'] ?? '')}"]`)
      if (!noteArea || !inner || !content || !call) return
      const clamped = Boolean(inner.style.height) && inner.style.height !== 'auto'
      const bottom = Math.min(noteArea.getBoundingClientRect().bottom, clamped ? inner.getBoundingClientRect().bottom : Infinity)
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
        for (const rect of [...range.getClientRects()].filter((r) => r.height > 0).sort((a, b) => a.top - b.top)) {
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
            pageArea.style.setProperty('--pagedjs-footnotes-height', `${height(pageArea) - shrink}px`)
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

  interface Layout {
    gap: number
    hasOverflow(element: Element, bounds: DOMRect): boolean
    textBreak(node: Text, start: number, end: number, vStart: number, vEnd: number): number | undefined
  }

  class DiglotFixes extends paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element, bounds: DOMRect, layout: Layout): Range | undefined {
      if (overflow || !layout.hasOverflow(rendered, bounds)) return overflow
      // Paged.js finds no break when the first text node past the page starts past it (its
      // break offset is 0, taken for none): the node stays, pushed into a column right of
      // the page, and its text is lost. Break before that node.
      const start = Math.floor(bounds.left)
      const end = Math.round(bounds.right + layout.gap)
      const vStart = Math.round(bounds.top)
      const vEnd = Math.round(bounds.bottom)
      const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!(node.textContent ?? '').trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        let left = 0
        let top = 0
        for (const rect of range.getClientRects()) {
          if (rect.width > 0 && (!left || rect.left > left)) left = rect.left
          if (rect.height > 0 && (!top || rect.top > top)) top = rect.top
        }
        if (left < end && top < vEnd) continue
        if (layout.textBreak(node, start, end, vStart, vEnd) !== 0) return undefined
        const result = document.createRange()
        result.setStartBefore(node)
        result.setEndAfter(rendered.lastChild ?? node)
        return result
      }
      return undefined
    }

    onBreakToken(token: {node?: Node; offset?: number} | undefined, overflow: Range | undefined): void {
      if (!token?.node || !overflow || token.node.nodeType !== Node.TEXT_NODE) return
      const container = overflow.startContainer
      if (container.nodeType !== Node.TEXT_NODE) return
      const text = container.textContent ?? ''
      const at = overflow.startOffset
      const offset = token.offset ?? 0
      if (at <= 0 || at >= text.length || text[at - 1] === '\u00AD' || !letter.test(text[at - 1]!) || !letter.test(text[at]!)) return
      if ((token.node.textContent ?? '').slice(offset, offset + 12) !== text.slice(at, at + 12)) return
      let back = at
      while (back > 0 && text[back - 1] !== '\u00AD' && letter.test(text[back - 1]!)) back--
      if (back === 0 || offset - (at - back) < 0) return
      token.offset = offset - (at - back)
      overflow.setStart(container, back)
    }

    afterOverflowRemoved(_removed: DocumentFragment, rendered: Element): void {
      for (const element of rendered.querySelectorAll('.pagedjs_hyphen')) {
        let last: ChildNode | null = element.lastChild
        while (last && last.nodeType !== Node.TEXT_NODE) last = last.previousSibling
        if (last && last.textContent?.endsWith('\u00AD-')) last.textContent = `${last.textContent.slice(0, -2)}-`
      }
      // (Runs after Paged.js's own handler, which removed the notes whose calls left the page.)
      const area = rendered.closest<HTMLElement>('.pagedjs_area')
      const noteContent = area?.querySelector<HTMLElement>('.pagedjs_footnote_content')
      const inner = noteContent?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content')
      if (!area || !noteContent || !inner) return
      const current = height(area)
      if (current <= 0) return
      const last = inner.lastElementChild
      if (!last) {
        area.style.setProperty('--pagedjs-footnotes-height', '0px')
        return
      }
      const clamped = inner.style.height && inner.style.height !== 'auto' ? px(inner.style.height) : Infinity
      const used = Math.ceil(Math.min(clamped, last.getBoundingClientRect().bottom + px(getComputedStyle(last).marginBottom) - inner.getBoundingClientRect().top))
      const style = getComputedStyle(noteContent)
      const frame = px(style.marginTop) + px(style.marginBottom) + px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth)
      if (used <= 0 || current <= used + frame + 1) return
      if (clamped !== Infinity) inner.style.height = `${used}px`
      area.style.setProperty('--pagedjs-footnotes-height', `${used + frame}px`)
    }
  }
  paged.registerHandlers(DiglotFixes)
}

/** Options of `renderPdf`. */
export interface RenderOptions {
  browser: Browser
  server: PageServer
  /** Name of the page on the server (one per work, so that works render at once). */
  name?: string
  html: string
  finish: FinishData
  /** Called with each step. */
  step?: (name: string) => void
}

/**
 * The page Paged.js paginates: the document's body inside
 * `<template data-ref="pagedjs-content">`, where Paged.js looks for it. The
 * browser neither lays it out nor loads its fonts before Paged.js does
 * (laying the whole book out once first costs about as much as the bare print's load).
 */
export function pagedHtml(html: string): string {
  const open = /<body\b[^>]*>/.exec(html)
  const close = html.lastIndexOf('</body>')
  if (!open || close < open.index) throw new Error('the print template has no <body>…</body>')
  const start = open.index + open[0].length
  return `${html.slice(0, start)}<template data-ref="pagedjs-content">${html.slice(start, close)}</template>${html.slice(close)}`
}

/** What `prepareContent` does to the content before pagination. */
interface PrepareOptions {
  /** Paragraphs (by check index) set ragged-right. */
  ragged: number[]
  /** Paragraphs (by check index) whose pair starts a new page. */
  fresh: number[]
  /** Load every face of every family, not only those the text needs (after a face was loaded late). */
  allFaces: boolean
}

/**
 * Runs in the page before Paged.js: numbers the paragraphs of the text for the
 * lost-text check and keeps their text, applies the fixes of earlier attempts,
 * and starts loading the font faces the text needs, which Paged.js waits for
 * before it lays out its first page (it measures with whatever face is loaded:
 * a face loaded late would leave pages laid out with a fallback font).
 */
export function prepareContent(options: PrepareOptions): void {
  const content = document.querySelector<HTMLTemplateElement>('body > template[data-ref="pagedjs-content"]')?.content
  if (!content) throw new Error('no content template')
  const w = window as unknown as Record<string, unknown>
  w['PagedConfig'] = {auto: false}

  // Fonts first, so that they load while the rest is done. Every style and weight of each
  // family, for the characters it may set: `load` fetches only the faces whose `unicode-range`
  // meets them. The first family of the page sets the whole text; the others what it has no
  // glyph for and the CJK runs (print.css sets those in Noto Serif SC). Bold and italic faces
  // only for the text that the style sheets (or the browser's defaults) set bold or italic, with
  // all it holds. After a face was loaded late, every face is loaded.
  const faces: FontFace[] = []
  document.fonts.forEach((face) => faces.push(face))
  const unquote = (family: string): string => family.trim().replace(/^["']|["']$/g, '')
  const chars = (value: string): string[] => [...new Set(value)].filter((char) => !/[\s\u00AD]/.test(char))
  const all = chars(content.textContent ?? '')
  const primary = unquote(getComputedStyle(document.documentElement).fontFamily.split(',')[0] ?? '')
  const ranges = faces
    .filter((face) => unquote(face.family) === primary)
    .flatMap((face) => face.unicodeRange.split(',').map((range) => {
      const [start = '0', end = start] = range.trim().replace(/^U\+/i, '').split('-')
      return [Number.parseInt(start.replace(/\?/g, '0'), 16), Number.parseInt(end.replace(/\?/g, 'F'), 16)] as const
    }))
  const uncovered = all.filter((char) => !ranges.some(([start, end]) => (char.codePointAt(0) ?? 0) >= start && (char.codePointAt(0) ?? 0) <= end))
  const cjk = [...content.querySelectorAll('[lang|="zh"], [lang|="ja"], [lang|="ko"]')].map((element) => element.textContent ?? '').join('')
  const families = [...new Set(faces.map((face) => unquote(face.family)))]
  const textOf = (family: string): string[] => (family === primary ? all : chars(uncovered.join('') + cjk))
  const load = (font: string, family: string, subset: string[]): Array<Promise<unknown>> =>
    subset.length > 0 ? [document.fonts.load(`${font} 16px ${JSON.stringify(family)}`, subset.join('')).catch(() => [])] : []
  const loads: Array<Promise<unknown>> = options.allFaces ? faces.map((face) => face.load().catch(() => face)) : families.flatMap((family) => load('normal 400', family, textOf(family)))
  if (!options.allFaces) {
    const styledText = (test: (style: CSSStyleDeclaration) => boolean, defaults: string): Set<string> => {
      const selectors = [defaults]
      const empty = document.createDocumentFragment()
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (!(rule instanceof CSSStyleRule) || !test(rule.style)) continue
          try {
            empty.querySelector(rule.selectorText)
            selectors.push(rule.selectorText)
          } catch {
            // (A selector with a pseudo-element matches no element, and would fail the whole query.)
          }
        }
      }
      let text = ''
      for (const element of content.querySelectorAll(selectors.join(', '))) text += element.textContent ?? ''
      return new Set(chars(text))
    }
    const bold = styledText((style) => /^(bold|bolder|[6-9]00)$/.test(style.fontWeight), 'h1, h2, h3, h4, h5, h6, b, strong, th')
    const italic = styledText((style) => /^(italic|oblique)/.test(style.fontStyle), 'i, em, cite, var, dfn, address')
    for (const family of families) {
      const text = textOf(family)
      loads.push(
        ...load('normal 700', family, text.filter((char) => bold.has(char))),
        ...load('italic 400', family, text.filter((char) => italic.has(char))),
        ...load('italic 700', family, text.filter((char) => bold.has(char) && italic.has(char)))
      )
    }
  }
  // Paged.js waits for this (its `loadFonts`) just before it lays out the first page: it reads
  // the style sheets and the content meanwhile.
  w['__diglotFonts'] = Promise.all(loads).then(() => {
    w['__diglotPreloaded'] = faces.filter((face) => face.status === 'loaded')
  })

  // A paragraph's text without its notes (and Paged.js's note calls), spaces and soft hyphens.
  // (Kept on the page for `lostParagraphs`.)
  const squash = (element: Element): string => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : (node as Element).matches('.footnote, [data-footnote-call]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP
    })
    let text = ''
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data
    return text.replace(/[\s\u00AD]+/g, '')
  }
  w['__diglotSquash'] = squash
  const expected: string[] = []
  content.querySelectorAll('main.text p').forEach((element, index) => {
    element.setAttribute('data-check', String(index))
    expected.push(squash(element))
    if (options.ragged.includes(index)) element.classList.add('p-ragged')
    if (options.fresh.includes(index)) element.closest('.alignment')?.classList.add('alignment-fresh-page')
  })
  w['__diglotExpected'] = expected
}

/** Runs in the page after Paged.js: faces loaded during pagination, which it may have measured text without. */
export function lateFaces(): string[] {
  const preloaded = new Set((window as unknown as Record<string, unknown>)['__diglotPreloaded'] as FontFace[])
  const late: string[] = []
  document.fonts.forEach((face) => {
    if ((face.status === 'loaded' || face.status === 'loading') && !preloaded.has(face)) late.push(`${face.family} ${face.style} ${face.weight} ${face.unicodeRange}`)
  })
  return late
}

/**
 * Runs in the page after Paged.js: the paragraphs (check indices) whose text
 * pagination lost, or whose lines lie outside the page (below its notes, or in
 * a column right of it).
 */
export function lostParagraphs(): number[] {
  const expected = (window as unknown as Record<string, unknown>)['__diglotExpected'] as string[]
  const found = expected.map(() => '')
  const squash = (window as unknown as Record<string, unknown>)['__diglotSquash'] as (element: Element) => string
  for (const fragment of document.querySelectorAll('.pagedjs_page_content p[data-check]')) {
    const index = Number(fragment.getAttribute('data-check'))
    let text = squash(fragment)
    // (Paged.js writes a hyphen where it splits a word at a soft hyphen.)
    if (fragment.matches('.pagedjs_hyphen') || fragment.querySelector('.pagedjs_hyphen')) text = text.replace(/-$/, '')
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
    const limit = Math.min(box.bottom, hasNotes && notes ? notes.getBoundingClientRect().top : Infinity)
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
          if ((window as unknown as Record<string, unknown>)['__diglotDebug'] !== undefined) {
            console.log(`clipped ${paragraph.getAttribute('data-check')} on page ${[...document.querySelectorAll('.pagedjs_page')].indexOf(page) + 1}: a line at ${Math.round(rect.left)},${Math.round(rect.top)} is past the page (notes from ${Math.round(limit)}, right edge ${Math.round(box.right)}): “${(paragraph.textContent ?? '').replace(/\u00AD/g, '').slice(-60)}”`)
          }
          break
        }
      }
    }
  }
  // A note whose call is set on a page but whose text is on none (Paged.js may drop a note
  // whose call's line it moves): the paragraph of the call counts as lost, so that it goes to a
  // fresh page like any other.
  const placed = new Set([...document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .footnote')].map((note) => note.dataset['ref'] ?? ''))
  for (const call of document.querySelectorAll<HTMLElement>('.pagedjs_page_content [data-footnote-call]')) {
    const ref = call.dataset['footnoteCall'] ?? ''
    if (ref === '' || placed.has(ref)) continue
    const paragraph = call.closest('p[data-check]')
    if (paragraph) clipped.add(Number(paragraph.getAttribute('data-check')))
    if ((window as unknown as Record<string, unknown>)['__diglotDebug'] !== undefined) console.log(`note ${ref} lost: its call is on a page, its text on none`)
  }
  if ((window as unknown as Record<string, unknown>)['__diglotDebug'] !== undefined) {
    expected.forEach((text, index) => {
      if (found[index] !== text) {
        let at = 0
        while (at < text.length && text[at] === found[index]![at]) at++
        console.log(`lost ${index}: …${text.slice(Math.max(0, at - 30), at)}[${text.slice(at, at + 50)}] found [${found[index]!.slice(at, at + 50)}] ${text.length} ${found[index]!.length}`)
      }
    })
  }
  return expected.flatMap((text, index) => (found[index] === text && !clipped.has(index) ? [] : [index]))
}

/** Paginate `html` with Paged.js and print it. */
export async function renderPdf(options: RenderOptions): Promise<{pdf: Uint8Array; report: PageReport; blocked: string[]}> {
  const {browser, server} = options
  const url = server.setPage(pagedHtml(options.html), options.name)
  const page = await browser.newPage()
  // No request leaves the build's own server (a remote image in a template, say): blocked and reported.
  const blocked: string[] = []
  await guardRequests(page, server.url, (url) => blocked.push(url))
  try {
    const debug = Boolean(process.env['DIGLOT_PDF_DEBUG'])
    if (debug) {
      page.on('console', (message) => console.error(`[page] ${message.type()}: ${message.text()}`))
      page.on('pageerror', (error) => console.error(`[page] error: ${String(error)}`))
      page.on('requestfailed', (request) => console.error(`[page] request failed: ${request.url()}`))
    }
    // Paged.js 0.4.3 may hide the lines after a note call at a page break
    // (they overflow into a column right of the page; cf. pagedjs/pagedjs#130).
    // Every paragraph's text is compared before and after pagination and its
    // lines are checked to lie on the page; a paragraph that lost text starts
    // on a new page (then is also set ragged-right) and the document is paginated again.
    const ragged: number[] = []
    const fresh: number[] = []
    let lost: number[] = []
    let allFaces = false
    for (let attempt = 0; attempt < 6; attempt++) {
      options.step?.(attempt === 0 ? 'loading fonts' : lost.length > 0 ? `paginating again (text lost in ${lost.length} paragraph(s))` : 'paginating again (a font face was loaded late)')
      await page.goto(url, {waitUntil: 'load'})
      // Paged.js loads, and reads its style sheets and the content, while the fonts load.
      await Promise.all([
        page.evaluate(prepareContent, {ragged, fresh, allFaces}),
        page.addScriptTag({url: '/paged.polyfill.js'}).then(() => page.evaluate(registerPagedFixes))
      ])
      if (attempt === 0) options.step?.('paginating')
      await page.evaluate(async (debugPages: boolean) => {
        const paged = (window as unknown as {Paged: {Previewer: new (settings: Record<string, unknown>) => {on: (event: string, listener: (page: {position: number}) => void) => void; preview: () => Promise<unknown>}}}).Paged
        // A word split at a page break ends with a plain hyphen, the glyph and width of the
        // soft hyphen it replaces (Paged.js's default U+2011 is wider and may push it to a new line).
        const previewer = new paged.Previewer({hyphenGlyph: '-'})
        if (debugPages) previewer.on('page', (page) => console.log(`page ${page.position + 1}`))
        await previewer.preview()
      }, debug)
      options.step?.('checking')
      const late = await page.evaluate(lateFaces)
      if (late.length > 0) {
        // (Rare: a face the style sheets ask for in a way `prepareContent` does not see, e.g. in a
        // pseudo-element. The book is paginated again with every face loaded.)
        if (allFaces) throw new Error(`font faces loaded during pagination although all were preloaded: ${late.join('; ')}`)
        if (debug) console.error(`[pdf] faces loaded late: ${late.join('; ')}`)
        allFaces = true
        continue
      }
      if (debug) await page.evaluate(() => {
        ;(window as unknown as Record<string, unknown>)['__diglotDebug'] = true
      })
      lost = await page.evaluate(lostParagraphs)
      // First start the paragraph on a new page; if that is not enough, also set it ragged-right.
      if (lost.length === 0 || lost.every((index) => ragged.includes(index))) break
      for (const index of lost) {
        if (!fresh.includes(index)) fresh.push(index)
        else if (!ragged.includes(index)) ragged.push(index)
      }
    }
    options.step?.('finishing')
    // One round trip: finish the pages, name the paragraphs that lost text, wait for any font
    // face the finished pages need.
    const report = await page.evaluate(
      async (finish: string, data: FinishData, indices: number[]) => {
        // (`finishPages` is passed as source: a function cannot be an argument of `evaluate`.)
        // eslint-disable-next-line no-new-func
        const result = (new Function(`return (${finish})`)() as typeof finishPages)(data)
        result.lostText = indices.map((index) => (document.querySelector(`[data-check="${index}"]`)?.textContent ?? `paragraph ${index}`).replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60))
        await document.fonts.ready
        return result
      },
      finishPages.toString(),
      options.finish,
      lost
    )
    // Soft hyphens only where a line breaks (a clean text layer).
    await page.addScriptTag({content: facingScript()})
    await page.evaluate(() => {
      const F = (globalThis as unknown as FacingGlobal).diglotFacing
      F.stripSoftHyphens([...document.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_area .footnote')])
    })
    options.step?.('printing')
    const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 300_000})
    return {pdf, report, blocked: [...new Set(blocked)]}
  } finally {
    await page.close()
  }
}
