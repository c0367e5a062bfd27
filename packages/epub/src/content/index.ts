/**
 * One work → the pages of its EPUB (pure: no I/O). Chapters are the work's
 * top-level sections (a lone title section is split at its subsections), each
 * ending with the notes first called in it; then the glossary and the index
 * of names. Links are resolved across files at the end.
 */
import {
  alignmentsOf,
  apparatusOf,
  labelsFor,
  pageMarkersOf,
  type ApparatusEntry,
  type ApparatusGroupName,
  type Root,
  type Work
} from '@diglot/core'
import {
  blockToHast,
  hyphenateScreen,
  noteMark,
  noteToHast,
  notesById,
  type ToHastOptions
} from '@diglot/html'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {apparatusLang} from '../package/metadata.js'
import type {BookContent, Page} from './types.js'
import {epubHandlers, epubNotes} from './handlers.js'
import {xhtml, withXmlLang} from './xhtml.js'
import {chapterUnits, notesCalledIn} from './chapters.js'
import {resolveLinks} from './links.js'
import {titlePage, imprintPage} from './front-matter.js'
import {glossaryPage, indexPage} from './apparatus.js'
import {languagesOf, navBody} from './nav.js'

/** Build the pages of one work (the cover page is added by the packager). */
export function buildContent(tree: Root, work: Work): BookContent {
  const lang = apparatusLang(work)
  // The glossary and the index of names as the book model has them: groups, order, headwords.
  const [glossaryGroup, indexGroup] = apparatusOf(tree, {lang, labels: labelsFor(lang), work})
  const groupOf = new Map<string, ApparatusGroupName>(
    apparatusOf(tree, {lang, labels: labelsFor(lang)}).flatMap((group) =>
      group.entries.map((entry) => [entry.id, group.name] as const)
    )
  )
  const options: ToHastOptions = {
    target: 'epub',
    handlers: epubHandlers,
    notes: epubNotes,
    glossaryHref: (identifier) =>
      `#${groupOf.get(identifier) === 'names' ? 'index-' : 'glossary-'}${identifier}`
  }
  const notes = notesById(work)
  const placed = new Set<string>()
  const pages: Page[] = []

  pages.push(titlePage(work, lang))
  pages.push(imprintPage(work, lang))

  // Chapters.
  const units = chapterUnits(work)
  units.forEach((unit, index) => {
    const content: ElementContent[] = []
    for (const node of unit.nodes)
      content.push(...(blockToHast(work, node, options).children as ElementContent[]))
    const chapter = h(
      'section',
      {className: ['chapter'], 'epub:type': 'chapter', role: 'doc-chapter', ariaLabel: unit.title},
      content
    )
    const called = notesCalledIn(unit.nodes, notes, placed)
    const body: ElementContent[] = [chapter]
    if (called.length > 0) {
      body.push(
        h('section', {className: ['notes'], 'epub:type': 'footnotes', ariaLabel: 'Notes'}, [
          h('hr', {className: ['notes-rule']}),
          ...called.map((note) => noteToHast(note, options, work))
        ])
      )
    }
    pages.push({
      filename: `chapter-${String(index + 1).padStart(3, '0')}.xhtml`,
      id: `chapter-${index + 1}`,
      title: unit.title,
      lang,
      bodyType: 'bodymatter',
      tree: {type: 'root', children: body},
      body: ''
    })
  })
  // Notes never called (should not happen: `diglot check` requires a call) go after the last chapter.
  const orphans = [...notes.values()].filter((note) => !placed.has(note.id))
  const last = pages.at(-1)
  if (orphans.length > 0 && last) {
    last.tree.children.push(
      h(
        'section',
        {className: ['notes'], 'epub:type': 'footnotes', ariaLabel: 'Notes'},
        orphans.map((note) => noteToHast(note, options, work))
      )
    )
  }

  const targets = new Map<string, string>()
  for (const alignment of alignmentsOf(work))
    targets.set(alignment.id, `¶${alignment.paragraph ?? alignment.n}`)
  for (const note of notes.values())
    targets.set(
      note.id,
      `n. ${noteMark(note)}${work.languages.length > 1 ? ` (${note.lang})` : ''}`
    )
  const locators = (entry: ApparatusEntry): Array<{href: string; label: string}> =>
    entry.occurrences.map((occurrence) => ({
      href: `#${occurrence.target}`,
      label: targets.get(occurrence.target) ?? occurrence.target
    }))
  if (glossaryGroup && glossaryGroup.entries.length > 0)
    pages.push(glossaryPage(glossaryGroup, work, lang, locators))
  if (indexGroup && indexGroup.entries.length > 0) pages.push(indexPage(indexGroup, lang, locators))

  const fileOf = resolveLinks(pages)
  for (const page of pages) {
    // Kazakh soft hyphens in the text (reading systems have no Kazakh dictionary).
    if (page.bodyType === 'bodymatter') hyphenateScreen(page.tree, page.lang)
    withXmlLang(page.tree)
    page.body = xhtml(page.tree)
  }

  const markers = pageMarkersOf(work)
  return {
    pages,
    nav: navBody(work, pages, fileOf, lang, units),
    fileOf,
    languages: languagesOf(work, pages),
    hasIndex: (indexGroup?.entries.length ?? 0) > 0,
    hasGlossary: (glossaryGroup?.entries.length ?? 0) > 0,
    pageCount: markers.length
  }
}

export {chapterUnits} from './chapters.js'
export {resolveLinks} from './links.js'
export {withXmlLang, xhtml} from './xhtml.js'
export type {BookContent, Page} from './types.js'
