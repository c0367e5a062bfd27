/** The glossary and the index of names of every work, with every occurrence. */
import {h} from 'hastscript'
import type {Element, Root as HastRoot} from 'hast'
import {
  apparatusOf,
  labelsFor,
  type ApparatusEntry,
  type ApparatusOccurrence,
  type Glossary,
  type Root,
  type Work
} from '@diglot/core'
import {type Content, uiLang, languageName, pick, inLang, shell} from './common.js'

/** The glossary (terms) and the index of names, with every occurrence: the book model's groups, order and headwords. */
export function glossaryPage(tree: Root, _glossary: Glossary, works: readonly Work[]): HastRoot {
  const workById = new Map(works.map((work) => [work.id, work]))
  const [termGroup, nameGroup] = apparatusOf(tree, {lang: uiLang, labels: labelsFor(uiLang)})
  const terms = termGroup?.entries ?? []
  const names = nameGroup?.entries ?? []
  const entryElement = (item: ApparatusEntry): Element => {
    const forms: Content[] = []
    for (const group of item.forms) {
      forms.push(
        h('div', [
          h('dt', group.languageName),
          h(
            'dd',
            group.forms.flatMap((value, index) => [
              ...(index > 0 ? [{type: 'text' as const, value: ', '}] : []),
              inLang(group.lang, value)
            ])
          )
        ])
      )
    }
    const notes: Content[] = item.notes.map((note) =>
      h(
        'p',
        {className: ['entry-note'], ...(note.lang === uiLang ? {} : {lang: note.lang})},
        note.text
      )
    )
    return h(
      'article',
      {className: ['entry', `entry-${item.kind}`], id: item.id, ariaLabelledby: `${item.id}-name`},
      [
        h('h3', {id: `${item.id}-name`}, [
          inLang(item.headword.lang, item.headword.text),
          ' ',
          h('span', {className: ['entry-kind']}, `(${item.kindLabel.toLowerCase()})`)
        ]),
        h('dl', {className: ['entry-forms']}, forms),
        ...notes,
        occurrenceList(item.occurrences, workById)
      ]
    )
  }
  const main: Content[] = [
    h('h1', 'Glossary and index of names'),
    h(
      'p',
      {className: ['lead']},
      'Every term and name linked in the editions, with its forms in each language and links to each place it occurs, in both works and both languages (¶ paragraph, n. note).'
    ),
    h('nav', {ariaLabel: 'Parts of this page'}, [
      h('ul', {className: ['inline-list']}, [
        h('li', [h('a', {href: '#glossary'}, 'Glossary')]),
        h('li', [h('a', {href: '#names'}, 'Index of names')])
      ])
    ]),
    h('section', {id: 'glossary', ariaLabelledby: 'glossary-heading'}, [
      h('h2', {id: 'glossary-heading'}, 'Glossary'),
      alphabet(terms, 'Glossary'),
      ...(terms.length > 0 ? terms.map(entryElement) : [h('p', 'No terms.')])
    ]),
    h('section', {id: 'names', ariaLabelledby: 'names-heading'}, [
      h('h2', {id: 'names-heading'}, 'Index of names'),
      alphabet(names, 'Index of names'),
      ...(names.length > 0 ? names.map(entryElement) : [h('p', 'No names.')])
    ])
  ]
  return shell({
    title: 'Glossary and index of names – Diglot',
    description: `The glossary (${terms.length} terms) and index of names (${names.length} names) of the Diglot editions, with every form in each language and links to each occurrence.`,
    base: '../',
    bodyClass: ['glossary-page'],
    current: 'glossary',
    main
  })

  /** An A–Z list: each initial links to its first entry. */
  function alphabet(entries: readonly ApparatusEntry[], label: string): Element {
    const first = new Map<string, string>()
    for (const entry of entries) {
      const initial = initialOf(entry.headword.text)
      if (!first.has(initial)) first.set(initial, entry.id)
    }
    return h('nav', {className: ['alphabet'], ariaLabel: `${label}, A to Z`}, [
      h(
        'ul',
        [...first].map(([initial, id]) => h('li', [h('a', {href: `#${id}`}, initial)]))
      )
    ])
  }
}

function occurrenceList(list: readonly ApparatusOccurrence[], works: Map<string, Work>): Element {
  if (list.length === 0)
    return h('p', {className: ['occurrences', 'occurrences-none']}, 'Not referenced in the text.')
  const byWork = new Map<string, ApparatusOccurrence[]>()
  for (const occurrence of list) {
    const group = byWork.get(occurrence.work) ?? []
    group.push(occurrence)
    byWork.set(occurrence.work, group)
  }
  const rows: Content[] = []
  for (const [workId, group] of byWork) {
    const work = works.get(workId)
    const title = work ? (pick(work.meta.title, [uiLang])?.text ?? workId) : workId
    const langs = work ? work.languages : [...new Set(group.map((occurrence) => occurrence.lang))]
    const perLang: Content[] = []
    for (const lang of langs) {
      const links: Content[] = []
      for (const occurrence of group) {
        if (occurrence.lang !== lang) continue
        if (links.length > 0) links.push(', ')
        // Named by the visible locator, then (for screen readers) the work, the language and what it is.
        links.push(
          h('a', {href: `../${workId}/index.html#${occurrence.target}`}, [
            occurrence.locator,
            h('span', {className: ['visually-hidden']}, `: ${occurrence.description}`)
          ])
        )
      }
      if (links.length > 0)
        perLang.push(
          h('li', [h('span', {className: ['occ-lang']}, `${languageName(lang)}: `), ...links])
        )
    }
    rows.push(h('li', [h('cite', title), h('ul', perLang)]))
  }
  return h('ul', {className: ['occurrences']}, rows)
}

/** The letter a sort key files under (`“Harmonious World”` → `H`; digits and signs → `#`). */
export function initialOf(key: string): string {
  // The first letter or digit: “16th Congress” files under #, not under the T of “th”.
  const first = /[\p{L}\p{N}]/u.exec(key.normalize('NFD'))?.[0]
  return first && /\p{L}/u.test(first) ? first.toLocaleUpperCase('en') : '#'
}
