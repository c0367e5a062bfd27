/** How to cite a work, and its other editions: the `citation_*` meta tags, the citation, the downloads box. */
import {h} from 'hastscript'
import type {Element} from 'hast'
import type {Work} from '@diglot/core'
import {uiLang, pick} from './common.js'

/** Authors as a citation gives them (`Chen Xulong`; none: the title comes first). */
function citationAuthors(work: Work): string[] {
  return work.meta.authors.map((person) => pick(person.name, [uiLang])?.text ?? '').filter(Boolean)
}

/** `citation_*` meta tags (Highwire Press, read by Google Scholar and Zotero). */
export function citationMeta(work: Work): Element[] {
  const {meta} = work
  const tags: Array<[string, string]> = []
  for (const lang of work.languages)
    if (meta.title[lang]) tags.push(['citation_title', meta.title[lang] ?? ''])
  for (const author of citationAuthors(work)) tags.push(['citation_author', author])
  if (meta.date) tags.push(['citation_publication_date', meta.date.replace(/-/g, '/')])
  if (meta.publisher) tags.push(['citation_publisher', meta.publisher])
  if (meta.series) tags.push(['citation_series_title', meta.series])
  for (const lang of work.languages) tags.push(['citation_language', lang])
  tags.push(['citation_pdf_url', `../${work.id}.pdf`])
  return tags.map(([name, content]) => h('meta', {name, content}))
}

/** The plain-text citation of a work (the locator is added by the reader's choice of paragraph). */
function citation(work: Work): string {
  const {meta} = work
  const title = work.languages
    .map((lang) => meta.title[lang])
    .filter(Boolean)
    .join(' / ')
  const translators = meta.translators
    .map((person) => pick(person.name, [uiLang])?.text ?? '')
    .filter(Boolean)
  const authors = citationAuthors(work)
  const parts = [
    ...(authors.length > 0 ? [authors.join(', ')] : []),
    `“${title}”`,
    ...(translators.length > 0 ? [`Translated by ${translators.join(', ')}`] : []),
    ...(meta.series ? [meta.series] : []),
    ...(meta.publisher ? [meta.publisher] : []),
    ...(meta.date ? [meta.date] : []),
    'Diglot edition'
  ]
  return `${parts.join('. ').replace(/\.\./g, '.')}.`
}

/** Downloads (the EPUB and PDF of this work) and "Cite this". */
export function editionBox(work: Work): Element {
  return h('section', {className: ['edition-box'], ariaLabel: 'Downloads and citation'}, [
    h('h2', {className: ['box-heading']}, 'Other editions'),
    h('ul', {className: ['downloads']}, [
      h('li', [
        h(
          'a',
          {href: `../${work.id}.epub`, type: 'application/epub+zip', download: ''},
          'EPUB (e-book)'
        )
      ]),
      h('li', [h('a', {href: `../${work.id}.pdf`, type: 'application/pdf'}, 'PDF (print)')])
    ]),
    h('h2', {className: ['box-heading'], id: 'cite-heading'}, 'Cite this'),
    h('p', {className: ['cite'], id: 'cite'}, [
      h('span', {className: ['cite-text']}, citation(work)),
      ' ',
      h(
        'span',
        {className: ['cite-locator'], dataCiteLocator: ''},
        'Each paragraph number (¶) and page mark ([p.]) links to its own place: cite that link.'
      )
    ])
  ])
}
