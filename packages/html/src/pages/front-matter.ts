/** A work's title page and table of contents in the web edition. */
import {h} from 'hastscript'
import type {Element} from 'hast'
import {
  frontMatterOf,
  headingsOf,
  labelsFor,
  type GlossaryEntryKind,
  type HeadingEntry,
  type Work
} from '@diglot/core'
import {imprintEntries} from '../book/imprint.js'
import {type Content, uiLang, allForms} from './common.js'

export function kindLabel(kind: GlossaryEntryKind): string {
  return {
    term: 'Term',
    person: 'Person',
    organisation: 'Organisation',
    place: 'Place',
    work: 'Work'
  }[kind]
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
      h(
        'span',
        {lang, className: [index === 0 ? 'title-original' : 'title-translation']},
        meta.title[lang] ?? ''
      )
    ])
  )
  const header: Content[] = [heading]
  if (meta.subtitle)
    header.push(h('p', {className: ['work-subtitle']}, allForms(meta.subtitle, langs)))
  if (meta.titleIsEditorial)
    header.push(
      h('p', {className: ['editorial-title']}, [
        h('span', {className: ['ed-label']}, 'Editorial title.'),
        ' The source has no title; this one was given by the editors.'
      ])
    )
  // The imprint as the book model has it, rendered as every edition renders it (`imprintEntries`).
  const labels = labelsFor(uiLang)
  for (const entry of imprintEntries(frontMatterOf(work, uiLang, labels), labels, {lang: uiLang}))
    row(entry.label, entry.value)
  return h('section', {className: ['title-page'], ariaLabelledby: 'title'}, [
    h('header', {className: ['title-block'], id: 'title'}, header),
    h('dl', {className: ['metadata']}, items)
  ])
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
  return h('nav', {className: ['toc'], ariaLabelledby: 'toc-heading'}, [
    h('h2', {id: 'toc-heading'}, 'Contents'),
    root
  ])
}

function tocLink(heading: HeadingEntry, langs: readonly string[]): Element {
  const parts: Content[] = []
  for (const [index, lang] of langs.entries()) {
    const text = heading.text[lang]
    if (!text) continue
    if (parts.length > 0) parts.push(' ')
    parts.push(
      h('span', {lang, className: [index === 0 ? 'toc-original' : 'toc-translation']}, text)
    )
  }
  return h('a', {href: `#${heading.id}`}, parts)
}
