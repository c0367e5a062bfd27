import {describe, expect, it} from 'vitest'
import {alignmentsOf, type Note, type NoteReference} from '@diglot/core'
import type {Element} from 'hast'
import {h} from 'hastscript'
import {
  blockToHast,
  defaultHandlers,
  noteMark,
  noteToHast,
  notesById,
  pageId,
  toHast,
  type DiglotHandler,
  type DiglotState
} from '../src/index.js'
import {html, parse} from './helpers.js'
import {epubHandlers, epubNotes} from '../../epub/src/content/handlers.js'

const bilingual = () =>
  parse({
    kk: '# Ху Цзиньтао\n\nМәтін :sic[қате] және :ed[сөз].[^1] :pb{n=5}Әрі қарай :lang[hello]{lang=en}.\n\n::gap[Жоқ.]\n\n:::editorial\nРедактор.\n:::\n\n[^1]: Ескерту.\n',
    en: '# Hu Jintao\n\nText :sic[wrnog] and :ed[word].[^1] :pb{n=5}Further :lang[сөз]{lang=kk}.[^tr-1]\n\n::gap[Missing.]\n\n:::editorial\nEditor.\n:::\n\n[^1]: Note.\n\n[^tr-1]: A translator’s note.\n'
  })

describe('toHast handlers', () => {
  it('section: a <section> with its depth and id', () => {
    const out = html(toHast(bilingual().work, {target: 'web'}))
    expect(out).toMatch(/^<section class="section depth-1" data-section="[^"]+">/)
  })

  it('alignment: div.alignment with the stable id, number and block type, one segment per language', () => {
    const {work} = bilingual()
    const [heading, paragraph] = alignmentsOf(work)
    const out = html(blockToHast(work, paragraph!, {target: 'web'}))
    expect(out).toContain(
      `<div id="${paragraph!.id}" class="alignment alignment-paragraph" data-n="2" data-block="paragraph">`
    )
    expect(out).toContain(
      '<div class="segment segment-original segment-present" lang="kk" data-role="original" data-status="present">'
    )
    expect(out).toContain(
      '<div class="segment segment-translation segment-present" lang="en" data-role="translation" data-status="present">'
    )
    // Pilcrow: a ¶ link on the original, hidden duplicate on the translation; none on headings,
    // which are not counted (the paragraph after the heading is paragraph 1).
    expect(out).toContain(
      `<a class="pilcrow" href="#${paragraph!.id}" aria-label="Paragraph 1">1</a>`
    )
    expect(out).toContain('tabindex="-1" aria-hidden="true">1</a>')
    expect(html(blockToHast(work, heading!, {target: 'web'}))).not.toContain('pilcrow')
  })

  it('segment: an untranslated block is shown as such', () => {
    const {work} = parse({kk: 'Бір.\n\nЕкі.\n', en: 'One.\n\n::untranslated\n'})
    const out = html(toHast(work, {target: 'web'}))
    expect(out).toContain('segment-untranslated')
    expect(out).toContain('<p class="segment-missing" lang="en">Not yet translated.</p>')
  })

  it('noteReference: a call linking to its note; web puts the notes beside the block', () => {
    const {work} = bilingual()
    const web = html(toHast(work, {target: 'web'}))
    expect(web).toMatch(
      /<sup class="noteref-sup"><a href="#note-kk-1" id="noteref-kk-1[^"]*" class="noteref noteref-author" role="doc-noteref" aria-label="Note 1">1<\/a><\/sup>/
    )
    expect(web).toMatch(/<div class="sidenotes"><aside id="note-kk-1"/)
    expect(web).toContain('aria-label="Translator’s note T1">T1</a>')
  })

  it('noteReference: the EPUB’s handler marks calls with epub:type and leaves notes out; print leaves them to the print edition', () => {
    const {work} = bilingual()
    const epub = html(toHast(work, {target: 'epub', handlers: epubHandlers}))
    expect(epub).toContain('epub:type="noteref"')
    expect(epub).not.toContain('<aside')
    const print = html(toHast(work, {target: 'print'}))
    expect(print).toContain('class="noteref noteref-author"')
    expect(print).not.toContain('<aside')
    expect(print).not.toContain('footnote')
  })

  it('handlers: a renderer’s own are merged over the defaults, and may wrap them', () => {
    const {work} = bilingual()
    const out = html(
      toHast(work, {
        target: 'print',
        handlers: {
          noteReference: ((state: DiglotState, node: NoteReference) => [
            defaultHandlers.noteReference(state, node),
            h('span', {className: ['mine']}, state.diglot.notes.get(node.noteId)?.lang ?? '')
          ]) as unknown as DiglotHandler
        }
      })
    )
    expect(out).toMatch(/<\/a><\/sup><span class="mine">kk<\/span>/)
    // The other handlers are still the defaults.
    expect(out).toContain('class="alignment alignment-paragraph"')
  })

  it('handlers: positions and data.hName / hProperties of a Diglot node survive', () => {
    const {work} = bilingual()
    const section = work.children.find(
      (child) => child.type === 'section' || child.type === 'alignment'
    )!
    const position = {
      start: {line: 3, column: 1, offset: 10},
      end: {line: 3, column: 9, offset: 18}
    }
    const node = {
      ...section,
      position,
      data: {hName: 'article', hProperties: {dataExtra: 'yes'}}
    } as typeof section
    const root = blockToHast(work, node, {target: 'web'})
    const first = root.children[0] as Element
    expect(first.tagName).toBe('article')
    expect(first.properties['dataExtra']).toBe('yes')
    expect(first.position?.start.line).toBe(3)
  })

  it('glossaryReference: a quiet link to the entry', () => {
    const {work} = bilingual()
    const out = html(
      toHast(work, {target: 'web', glossaryHref: (id) => `../glossary/index.html#${id}`})
    )
    expect(out).toContain(
      '<a href="../glossary/index.html#hu-jintao" class="term term-person nobreak" data-entry="hu-jintao">Ху Цзиньтао</a>'
    )
    expect(html(toHast(work, {target: 'epub'}))).toContain('href="#glossary-hu-jintao"')
  })

  it('glossaryReference: web and EPUB link a term once per section and language; print keeps every reference', () => {
    const {work} = parse({
      kk: '# Ху Цзиньтао\n\nХу Цзиньтао мен Ху Цзиньтао.\n\n## Екі\n\nХу Цзиньтао.\n',
      en: '# Hu Jintao\n\nHu Jintao and Hu Jintao.\n\n## Two\n\nHu Jintao.\n'
    })
    const count = (out: string, lang: string): number =>
      (out.match(new RegExp(`data-entry="hu-jintao">${lang === 'kk' ? 'Ху' : 'Hu'}`, 'g')) ?? [])
        .length
    for (const target of ['web', 'epub'] as const) {
      const out = html(toHast(work, {target}))
      // Headings and the first paragraph are one section, the second heading opens another: one link each, per language.
      expect(count(out, 'kk'), target).toBe(2)
      expect(count(out, 'en'), target).toBe(2)
      // The heading had the link; later references in the section stay marked, unlinked (names are not hyphenated).
      expect(out, target).toContain(
        '<p><span class="term-plain term-person nobreak">Hu Jintao</span> and <span class="term-plain term-person nobreak">Hu Jintao</span>.</p>'
      )
    }
    const print = html(toHast(work, {target: 'print'}))
    expect(count(print, 'en')).toBe(4)
  })

  it('langRun: a span with its language', () => {
    const out = html(toHast(bilingual().work, {target: 'web'}))
    expect(out).toContain('<span lang="en" class="lang">hello</span>')
    expect(out).toContain('<span lang="kk" class="lang">сөз</span>')
  })

  it('pageMarker: a citable anchor, distinct per language; epub page-list semantics', () => {
    const {work} = bilingual()
    const web = html(toHast(work, {target: 'web'}))
    // Focusable, named by its visible text, described by its title.
    expect(web).toContain(
      '<span id="page-5" class="pb" data-page="5"><a href="#page-5" class="pb-link" title="Source page 5">[p. 5]</a></span>'
    )
    expect(web).toContain('id="page-5-en"')
    const epub = html(toHast(work, {target: 'epub', handlers: epubHandlers}))
    // Named by its title: axe prohibits aria-label on a doc-pagebreak span.
    expect(epub).toContain(
      '<span id="page-5" class="pb" role="doc-pagebreak" data-page="5" epub:type="pagebreak" title="5"></span>'
    )
    const print = html(toHast(work, {target: 'print'}))
    expect(print).toContain('role="doc-pagebreak"')
  })

  it('inlineGap, gap: text missing in the source, shown as such', () => {
    const {work} = parse({en: 'Lost: :gap[a line].\n\n::gap[The list is missing.]\n'})
    const out = html(toHast(work, {target: 'web'}))
    expect(out).toContain(
      '<span class="gap gap-inline" role="note"><span class="gap-mark">[…]</span> <span class="gap-note">a line</span></span>'
    )
    expect(out).toContain(
      '<div class="gap gap-block" role="note"><p><span class="gap-mark">[…]</span> <span class="gap-note">The list is missing.</span></p></div>'
    )
  })

  it('sic and editorialInsertion: marked as the author’s and the editor’s', () => {
    const out = html(toHast(bilingual().work, {target: 'web'}))
    expect(out).toContain(
      '<span class="sic">wrnog <span class="sic-mark" lang="la">[sic]</span></span>'
    )
    expect(out).toContain('<span class="ed-insertion">[word]</span>')
  })

  it('editorial: a block of the editor’s prose', () => {
    const out = html(toHast(bilingual().work, {target: 'web'}))
    expect(out).toContain('<div class="editorial" role="note"><p>Editor.</p></div>')
  })

  it('noteToHast: mark with back links, kind label, twin, language', () => {
    const {work} = bilingual()
    const notes = [...notesById(work).values()]
    const tr = notes.find((note) => note.kind === 'translator') as Note
    const out = html({type: 'root', children: [noteToHast(tr, {target: 'web'}, work)]})
    expect(out).toMatch(
      /^<aside id="note-en-tr-1" lang="en" class="note note-translator" data-kind="translator" data-note="T1" role="doc-footnote">/
    )
    expect(out).toContain('<span class="note-kind">Translator’s note: </span>')
    expect(out).toContain('role="doc-backlink"')
    const twin = notes.find((note) => note.id === 'note-kk-1') as Note
    expect(twin.twin).toBe('note-en-1')
    expect(
      html({type: 'root', children: [noteToHast(twin, {target: 'epub', notes: epubNotes}, work)]})
    ).toContain('epub:type="footnote"')
  })

  it('noteMark and pageId', () => {
    expect(noteMark({kind: 'author', number: 3})).toBe('3')
    expect(noteMark({kind: 'translator', number: 1})).toBe('T1')
    expect(noteMark({kind: 'editor', number: 2})).toBe('E2')
    const marker = {type: 'pageMarker', n: '7', id: 'page-7'} as const
    expect(pageId(marker, 'kk', 'original')).toBe('page-7')
    expect(pageId(marker, 'en', 'translation')).toBe('page-7-en')
  })
})
