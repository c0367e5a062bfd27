/** The title page and the imprint of the EPUB. */
import {frontMatterOf, labelsFor, type Work} from '@diglot/core'
import {imprintEntries} from '@diglot/html'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {tagged} from './xhtml.js'
import type {Page} from './types.js'

function titleLines(work: Work): ElementContent[] {
  const result: ElementContent[] = []
  work.languages.forEach((language, index) => {
    const title = work.meta.title[language]
    if (title)
      result.push(
        h(
          'span',
          {
            className: ['title', index === 0 ? 'title-original' : 'title-translation'],
            lang: language
          },
          title
        )
      )
    const subtitle = work.meta.subtitle?.[language]
    if (subtitle) result.push(h('span', {className: ['subtitle'], lang: language}, subtitle))
  })
  return result
}

export function titlePage(work: Work, lang: string): Page {
  const children: ElementContent[] = [h('h1', {className: ['title-heading']}, titleLines(work))]
  if (work.meta.authors.length > 0) {
    children.push(
      h(
        'p',
        {className: ['authors']},
        work.meta.authors.flatMap((author, index) => {
          const names = work.languages
            .concat(Object.keys(author.name))
            .filter((language, i, all) => all.indexOf(language) === i && author.name[language])
          const parts: ElementContent[] = []
          if (index > 0) parts.push({type: 'text', value: ', '})
          names.forEach((language, i) => {
            if (i > 0) parts.push({type: 'text', value: ' '})
            parts.push(
              h(
                'span',
                {lang: language},
                i > 0 ? `(${author.name[language]})` : (author.name[language] ?? '')
              )
            )
          })
          return parts
        })
      )
    )
  }
  if (work.meta.translators.length > 0) {
    // As the book model words it: “Translated into English by the editors of this edition”.
    for (const line of frontMatterOf(work, lang, labelsFor(lang)).contributors) {
      if (line.role === 'translator') children.push(h('p', {className: ['translators']}, line.text))
    }
  }
  if (work.meta.series) children.push(h('p', {className: ['series']}, work.meta.series))
  if (work.meta.publisher) children.push(h('p', {className: ['publisher']}, work.meta.publisher))
  return {
    filename: 'titlepage.xhtml',
    id: 'titlepage',
    title: work.meta.title[lang] ?? work.meta.title[work.languages[0] ?? ''] ?? work.id,
    lang,
    bodyType: 'frontmatter',
    tree: {
      type: 'root',
      children: [
        h(
          'section',
          {
            className: ['titlepage'],
            'epub:type': 'titlepage',
            id: 'titlepage',
            ariaLabel: 'Title page'
          },
          children
        )
      ]
    },
    body: '',
    navLabel: 'Title page',
    landmark: {type: 'titlepage', label: 'Title page'}
  }
}

export function imprintPage(work: Work, lang: string): Page {
  const meta = work.meta
  const rows: ElementContent[] = []
  const row = (label: string, value: ElementContent | ElementContent[] | string): void => {
    rows.push(
      h('p', [
        h('span', {className: ['imprint-label']}, `${label}: `),
        ...(typeof value === 'string' ? tagged(value) : Array.isArray(value) ? value : [value])
      ])
    )
  }
  row(
    'Title',
    titleLines(work).map((line) => ({
      ...(line as Element),
      tagName: 'span',
      properties: {...(line as Element).properties, className: ['imprint-title']}
    }))
  )
  // The imprint as the book model has it, rendered as every edition renders it (`imprintEntries`).
  const labels = labelsFor(lang)
  for (const entry of imprintEntries(frontMatterOf(work, lang, labels), labels, {
    lang,
    sourceHash: meta.source.sha256
  })) {
    if (entry.sentence) rows.push(h('p', entry.sentence))
    else row(entry.label, entry.value)
  }
  rows.push(
    h(
      'p',
      {className: ['imprint-made']},
      'This EPUB was made with Diglot from the edition’s structured source; the same source gives the same bytes.'
    )
  )
  return {
    filename: 'imprint.xhtml',
    id: 'imprint',
    title: 'Imprint',
    lang,
    bodyType: 'frontmatter',
    tree: {
      type: 'root',
      children: [
        h(
          'section',
          {
            className: ['imprint'],
            'epub:type': 'imprint',
            id: 'imprint',
            ariaLabelledBy: 'imprint-title'
          },
          [h('h2', {id: 'imprint-title'}, 'Imprint'), ...rows]
        )
      ]
    },
    body: '',
    navLabel: 'Imprint'
  }
}
