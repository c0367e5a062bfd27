/** A work's title page and table of contents in the web edition. */
import {h} from 'hastscript'
import type {Element} from 'hast'
import {dateInWords, headingsOf, type GlossaryEntryKind, type HeadingEntry, type Work} from '@diglot/core'
import {type Content, uiLang, languageName, pick, inLang, allForms} from './common.js'

export function kindLabel(kind: GlossaryEntryKind): string {
  return {term: 'Term', person: 'Person', organisation: 'Organisation', place: 'Place', work: 'Work'}[kind]
}

/** The title page: title, author, translators, source, statement on the translation. */
export function titlePage(work: Work): Element {
  const {meta} = work
  const langs = work.languages
  const items: Content[] = []
  const row = (term: string, value: Content[]): void => {
    items.push(h('div', [h('dt', term), h('dd', value)]))
  }
  const titles = langs.filter((lang) => meta.title[lang])
  const heading = h(
    'h1',
    {className: ['work-title']},
    titles.flatMap((lang, index) => [
      ...(index > 0 ? [h('br')] : []),
      h('span', {lang, className: [index === 0 ? 'title-original' : 'title-translation']}, meta.title[lang] ?? '')
    ])
  )
  const header: Content[] = [heading]
  if (meta.subtitle) header.push(h('p', {className: ['work-subtitle']}, allForms(meta.subtitle, langs)))
  if (meta.titleIsEditorial) header.push(h('p', {className: ['editorial-title']}, [h('span', {className: ['ed-label']}, 'Editorial title.'), ' The source has no title; this one was given by the editors.']))
  if (meta.authors.length > 0) {
    row(meta.authors.length > 1 ? 'Authors' : 'Author', joinPeople(meta.authors.map((person) => allForms(person.name, [uiLang, ...langs], ' ')), ', '))
  }
  if (meta.authorNote) {
    const note = pick(meta.authorNote, [uiLang])
    if (note) row(meta.authors.length > 0 ? 'About the author' : 'Author', [inLang(note.lang, note.text)])
  }
  if (meta.translators.length > 0) {
    const byLang = new Map<string, Content[][]>()
    for (const translator of meta.translators) {
      const list = byLang.get(translator.language) ?? []
      list.push(allForms(translator.name, [uiLang, ...langs], ' '))
      byLang.set(translator.language, list)
    }
    for (const [lang, people] of byLang) row(`Translated into ${languageName(lang)} by`, joinPeople(people, ', '))
  }
  if (meta.translation) {
    const parts: Content[] = []
    const note = pick(meta.translation.note, [uiLang])
    if (note) parts.push(inLang(note.lang, note.text))
    else if (meta.translation.madeForThisEdition) parts.push('This translation was made for this edition.')
    if (meta.translation.status === 'partial') parts.push(' The translation is not finished; untranslated passages are marked.')
    if (parts.length > 0) row(meta.translation.madeForThisEdition ? 'Translation made for this edition' : 'Translation', parts)
  }
  row('Languages', [langs.map((lang, index) => `${languageName(lang)}${index === 0 ? ' (original)' : ' (translation)'}`).join(', ')])
  if (meta.publisher) row('Publisher', [meta.publisher])
  if (meta.date) row('Date', [h('time', {dateTime: meta.date}, dateInWords(meta.date, uiLang))])
  if (meta.series) row('Series', [meta.series])
  row('Source', [meta.source.description, ...(meta.source.file ? [' (', h('code', meta.source.file), ')'] : [])])
  row('Licence', [meta.licence])
  return h('section', {className: ['title-page'], ariaLabelledby: 'title'}, [
    h('header', {className: ['title-block'], id: 'title'}, header),
    h('dl', {className: ['metadata']}, items)
  ])
}

export function joinPeople(people: Content[][], separator: string): Content[] {
  return people.flatMap((person, index) => [...(index > 0 ? [{type: 'text' as const, value: separator}] : []), ...person])
}

/** The table of contents: nested lists of the headings. */
export function tableOfContents(work: Work): Element | undefined {
  const headings = headingsOf(work)
  if (headings.length === 0) return undefined
  const root: Element = h('ol')
  const stack: Array<{depth: number; list: Element}> = [{depth: 1, list: root}]
  const minDepth = Math.min(...headings.map((heading) => heading.depth))
  for (const heading of headings) {
    const depth = heading.depth - minDepth + 1
    while (stack.length > 1 && stack[stack.length - 1]!.depth > depth) stack.pop()
    let top = stack[stack.length - 1]!
    const lastItem = top.list.children[top.list.children.length - 1] as Element | undefined
    if (depth > top.depth && lastItem) {
      const list = h('ol')
      lastItem.children.push(list)
      top = {depth, list}
      stack.push(top)
    }
    top.list.children.push(h('li', [tocLink(heading, work.languages)]))
  }
  return h('nav', {className: ['toc'], ariaLabelledby: 'toc-heading'}, [h('h2', {id: 'toc-heading'}, 'Contents'), root])
}

export function tocLink(heading: HeadingEntry, langs: readonly string[]): Element {
  const parts: Content[] = []
  for (const [index, lang] of langs.entries()) {
    const text = heading.text[lang]
    if (!text) continue
    if (parts.length > 0) parts.push(' ')
    parts.push(h('span', {lang, className: [index === 0 ? 'toc-original' : 'toc-translation']}, text))
  }
  return h('a', {href: `#${heading.id}`}, parts)
}
