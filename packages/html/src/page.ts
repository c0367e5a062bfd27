/**
 * The pages of the web edition as hast: a work, the list of works, the
 * glossary and index of names. Markup only; CSS and JavaScript are data in
 * `templates/html/`.
 */
import {h} from 'hastscript'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {
  alignmentsOf,
  apparatusOf,
  dateInWords,
  headingsOf,
  labelsFor,
  type ApparatusEntry,
  type ApparatusOccurrence,
  type Glossary,
  type GlossaryEntryKind,
  type HeadingEntry,
  type LocalizedText,
  type Root,
  type Work
} from '@diglot/core'
import {hyphenateScreen} from './hyphenate.js'
import {toHast} from './hast/index.js'

type Content = ElementContent | string

/** The language of the apparatus (labels, metadata headings). */
export const uiLang = 'en'

const languageNames: Record<string, string> = {en: 'English', kk: 'Kazakh', 'zh-Hans': 'Chinese', zh: 'Chinese', ru: 'Russian', pinyin: 'Pinyin'}

/** The English name of a language tag. */
export function languageName(tag: string): string {
  const known = languageNames[tag]
  if (known) return known
  try {
    return new Intl.DisplayNames(['en'], {type: 'language'}).of(tag) ?? tag
  } catch {
    return tag
  }
}

/** The text of `value` in the first of `langs` that has one, with its language. */
export function pick(value: LocalizedText | undefined, langs: readonly string[]): {lang: string; text: string} | undefined {
  if (!value) return undefined
  for (const lang of [...langs, uiLang]) {
    const text = value[lang]
    if (text) return {lang, text}
  }
  const first = Object.entries(value)[0]
  return first ? {lang: first[0], text: first[1]} : undefined
}

/** `<span lang>` when the language differs from the page's. */
function inLang(lang: string, text: string, className?: string): ElementContent {
  if (lang === uiLang && !className) return {type: 'text', value: text}
  return h('span', {lang: lang === 'pinyin' ? 'zh-Latn-pinyin' : lang, ...(className ? {className: [className]} : {})}, text)
}

/** Every language form of a localized text, original first. */
function allForms(value: LocalizedText, orderIn: readonly string[], separator = ' / '): Content[] {
  const order = [...new Set(orderIn)]
  const langs = [...order.filter((lang) => value[lang]), ...Object.keys(value).filter((lang) => !order.includes(lang)).sort()]
  const result: Content[] = []
  for (const lang of langs) {
    if (result.length > 0) result.push({type: 'text', value: separator})
    result.push(inLang(lang, value[lang] ?? ''))
  }
  return result
}

interface ShellOptions {
  title: string
  /** `../` from a work's folder, `` at the root. */
  base: string
  bodyClass: string[]
  current: 'index' | 'glossary' | 'work'
  main: Content[]
  headerExtra?: Content[]
  footer?: Content[]
  head?: Content[]
  /** `<meta name="description">`. */
  description: string
  /** Where the skip link goes (default `#main`). */
  skipTo?: string
}

/** The page around every page of the edition. */
function shell(options: ShellOptions): HastRoot {
  const {base} = options
  const navLink = (href: string, text: string, current: boolean): Element =>
    h('a', {href, ...(current ? {ariaCurrent: 'page'} : {})}, text)
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: uiLang, className: ['no-js']}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'Diglot'}),
          h('title', options.title),
          h('meta', {name: 'description', content: options.description}),
          h('link', {rel: 'stylesheet', href: `${base}assets/fonts.css`}),
          h('link', {rel: 'stylesheet', href: `${base}assets/diglot.css`}),
          h('link', {rel: 'stylesheet', href: `${base}assets/print.css`, media: 'print'}),
          h('script', {src: `${base}assets/diglot.js`, defer: true}),
          ...(options.head ?? [])
        ]),
        h('body', {className: options.bodyClass}, [
          h('a', {className: ['skip-link'], href: options.skipTo ?? '#main'}, options.skipTo ? 'Skip to the text' : 'Skip to the content'),
          h('header', {className: ['site-header']}, [
            h('nav', {className: ['site-nav'], ariaLabel: 'Edition'}, [
              navLink(`${base}index.html`, 'Diglot editions', options.current === 'index'),
              navLink(`${base}glossary/index.html`, 'Glossary and index of names', options.current === 'glossary')
            ]),
            ...(options.headerExtra ?? [])
          ]),
          h('main', {id: 'main', tabIndex: -1}, options.main),
          h('footer', {className: ['site-footer']}, options.footer ?? [h('p', 'A Diglot edition.')])
        ])
      ])
    ]
  }
}

/** The glossary entries a work references, as JSON for the term popovers. */
function glossaryData(work: Work, glossary: Glossary): string {
  const used = new Set<string>()
  const walk = (node: {type: string; identifier?: string; children?: unknown[]}): void => {
    if (node.type === 'glossaryReference' && node.identifier) used.add(node.identifier)
    if (node.children) for (const child of node.children) walk(child as never)
  }
  walk(work as never)
  const entries: Record<string, unknown> = {}
  for (const entry of glossary.children) {
    if (!used.has(entry.identifier)) continue
    entries[entry.identifier] = {kind: kindLabel(entry.entryKind), forms: entry.forms, note: entry.note}
  }
  return JSON.stringify({languages: languageNames, entries}).replace(/</g, '\\u003c')
}

function kindLabel(kind: GlossaryEntryKind): string {
  return {term: 'Term', person: 'Person', organisation: 'Organisation', place: 'Place', work: 'Work'}[kind]
}

/** The title page: title, author, translators, source, statement on the translation. */
function titlePage(work: Work): Element {
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

function joinPeople(people: Content[][], separator: string): Content[] {
  return people.flatMap((person, index) => [...(index > 0 ? [{type: 'text' as const, value: separator}] : []), ...person])
}

/** The table of contents: nested lists of the headings. */
function tableOfContents(work: Work): Element | undefined {
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

function tocLink(heading: HeadingEntry, langs: readonly string[]): Element {
  const parts: Content[] = []
  for (const [index, lang] of langs.entries()) {
    const text = heading.text[lang]
    if (!text) continue
    if (parts.length > 0) parts.push(' ')
    parts.push(h('span', {lang, className: [index === 0 ? 'toc-original' : 'toc-translation']}, text))
  }
  return h('a', {href: `#${heading.id}`}, parts)
}

/** The view switch (shown by the script): original, translation, both. */
function viewSwitch(work: Work): Element | undefined {
  const [original, translation] = work.languages
  if (!original || !translation) return undefined
  const button = (view: string, text: string): Element => h('button', {type: 'button', dataView: view, ariaPressed: view === 'both' ? 'true' : 'false'}, text)
  return h('div', {className: ['view-switch'], role: 'group', ariaLabel: 'Languages shown', hidden: true}, [
    button('original', languageName(original)),
    button('both', 'Both'),
    button('translation', languageName(translation))
  ])
}

/** The page of one work. */
export function workPage(work: Work, glossary: Glossary): HastRoot {
  const langs = work.languages
  const titleText = pick(work.meta.title, [langs[1] ?? '', langs[0] ?? ''])?.text ?? work.id
  const text = toHast(work, {target: 'web', glossaryHref: (id) => `../glossary/index.html#${id}`})
  hyphenateScreen(text, uiLang)
  const toc = tableOfContents(work)
  const main: Content[] = [titlePage(work), editionBox(work)]
  if (toc) main.push(toc)
  main.push(
    h(
      'div',
      {className: ['text'], id: 'text', tabIndex: -1, dataLanguages: String(langs.length), dataOriginal: langs[0] ?? '', ...(langs[1] ? {dataTranslation: langs[1]} : {})},
      text.children as Content[]
    )
  )
  const switcher = viewSwitch(work)
  return shell({
    title: `${titleText} – Diglot`,
    description: workDescription(work),
    skipTo: '#text',
    base: '../',
    bodyClass: ['work-page', `languages-${langs.length}`],
    current: 'work',
    main,
    ...(switcher ? {headerExtra: [switcher]} : {}),
    head: [
      ...citationMeta(work),
      h('link', {rel: 'alternate', type: 'application/epub+zip', href: `../${work.id}.epub`, title: 'EPUB'}),
      h('link', {rel: 'alternate', type: 'application/pdf', href: `../${work.id}.pdf`, title: 'PDF'}),
      h('script', {type: 'application/json', id: 'diglot-glossary'}, glossaryData(work, glossary))
    ],
    footer: [h('p', [work.meta.licence])]
  })
}

/** One sentence on a work for `<meta name="description">`. */
function workDescription(work: Work): string {
  const langs = work.languages
  const title = pick(work.meta.title, [uiLang])?.text ?? work.id
  const subtitle = pick(work.meta.subtitle, [uiLang])?.text
  const authors = work.meta.authors.map((person) => pick(person.name, [uiLang])?.text ?? '').filter(Boolean)
  const by = authors.length > 0 ? ` by ${authors.join(', ')}` : ''
  const edition = langs.length > 1 ? `${languageName(langs[0] ?? '')} text with ${languageName(langs[1] ?? '')} translation, side by side` : `${languageName(langs[0] ?? '')} text`
  return `${title}${subtitle ? `: ${subtitle}` : ''}${by}${work.meta.date ? ` (${work.meta.date})` : ''}. A Diglot edition: ${edition}, with notes, a glossary and an index of names.`
}

/** Authors as a citation gives them (`Chen Xulong`; none: the title comes first). */
function citationAuthors(work: Work): string[] {
  return work.meta.authors.map((person) => pick(person.name, [uiLang])?.text ?? '').filter(Boolean)
}

/** `citation_*` meta tags (Highwire Press, read by Google Scholar and Zotero). */
function citationMeta(work: Work): Element[] {
  const {meta} = work
  const tags: Array<[string, string]> = []
  for (const lang of work.languages) if (meta.title[lang]) tags.push(['citation_title', meta.title[lang] ?? ''])
  for (const author of citationAuthors(work)) tags.push(['citation_author', author])
  if (meta.date) tags.push(['citation_publication_date', meta.date.replace(/-/g, '/')])
  if (meta.publisher) tags.push(['citation_publisher', meta.publisher])
  if (meta.series) tags.push(['citation_series_title', meta.series])
  for (const lang of work.languages) tags.push(['citation_language', lang])
  tags.push(['citation_pdf_url', `../${work.id}.pdf`])
  return tags.map(([name, content]) => h('meta', {name, content}))
}

/** The plain-text citation of a work (the locator is added by the reader's choice of paragraph). */
export function citation(work: Work): string {
  const {meta} = work
  const title = work.languages.map((lang) => meta.title[lang]).filter(Boolean).join(' / ')
  const translators = meta.translators.map((person) => pick(person.name, [uiLang])?.text ?? '').filter(Boolean)
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
function editionBox(work: Work): Element {
  return h('section', {className: ['edition-box'], ariaLabel: 'Downloads and citation'}, [
    h('h2', {className: ['box-heading']}, 'Other editions'),
    h('ul', {className: ['downloads']}, [
      h('li', [h('a', {href: `../${work.id}.epub`, type: 'application/epub+zip', download: ''}, 'EPUB (e-book)')]),
      h('li', [h('a', {href: `../${work.id}.pdf`, type: 'application/pdf'}, 'PDF (print)')])
    ]),
    h('h2', {className: ['box-heading'], id: 'cite-heading'}, 'Cite this'),
    h('p', {className: ['cite'], id: 'cite'}, [
      h('span', {className: ['cite-text']}, citation(work)),
      ' ',
      h('span', {className: ['cite-locator'], dataCiteLocator: ''}, 'Each paragraph number (¶) and page mark ([p.]) links to its own place: cite that link.')
    ])
  ])
}

/** The list of the works. */
export function indexPage(works: readonly Work[]): HastRoot {
  const items = works.map((work) => {
    const langs = work.languages
    const title = h(
      'a',
      {href: `${work.id}/index.html`},
      langs.filter((lang) => work.meta.title[lang]).flatMap((lang, index) => [...(index > 0 ? [h('br')] : []), h('span', {lang}, work.meta.title[lang] ?? '')])
    )
    const details: Content[] = []
    const authors = work.meta.authors.map((person) => pick(person.name, [uiLang])?.text ?? '').filter(Boolean)
    if (authors.length > 0) details.push(authors.join(', '))
    else if (work.meta.authorNote) details.push('Author not named')
    if (work.meta.date) details.push(work.meta.date)
    details.push(langs.map(languageName).join(' and '))
    if (work.meta.translation?.madeForThisEdition) details.push('translation made for this edition')
    return h('li', [h('h2', {className: ['work-link']}, [title]), h('p', {className: ['work-details']}, details.join(' · '))])
  })
  return shell({
    title: 'Diglot editions',
    description: `Bilingual scholarly editions: ${works.map((work) => pick(work.meta.title, [uiLang])?.text ?? work.id).join('; ')}. Annotated HTML, EPUB and PDF.`,
    base: '',
    bodyClass: ['index-page'],
    current: 'index',
    main: [h('h1', 'Diglot editions'), h('ul', {className: ['works']}, items)]
  })
}

/** The glossary (terms) and the index of names, with every occurrence: the book model's groups, order and headwords. */
export function glossaryPage(tree: Root, _glossary: Glossary, works: readonly Work[]): HastRoot {
  const workById = new Map(works.map((work) => [work.id, work]))
  const [termGroup, nameGroup] = apparatusOf(tree, {lang: uiLang, labels: labelsFor(uiLang)})
  const terms = termGroup?.entries ?? []
  const names = nameGroup?.entries ?? []
  const entryElement = (item: ApparatusEntry): Element => {
    const forms: Content[] = []
    for (const group of item.forms) {
      forms.push(h('div', [h('dt', group.languageName), h('dd', group.forms.flatMap((value, index) => [...(index > 0 ? [{type: 'text' as const, value: ', '}] : []), inLang(group.lang, value)]))]))
    }
    const notes: Content[] = item.notes.map((note) => h('p', {className: ['entry-note'], ...(note.lang === uiLang ? {} : {lang: note.lang})}, note.text))
    return h('article', {className: ['entry', `entry-${item.kind}`], id: item.id, ariaLabelledby: `${item.id}-name`}, [
      h('h3', {id: `${item.id}-name`}, [inLang(item.headword.lang, item.headword.text), ' ', h('span', {className: ['entry-kind']}, `(${item.kindLabel.toLowerCase()})`)]),
      h('dl', {className: ['entry-forms']}, forms),
      ...notes,
      occurrenceList(item.occurrences, workById)
    ])
  }
  const main: Content[] = [
    h('h1', 'Glossary and index of names'),
    h('p', {className: ['lead']}, 'Every term and name linked in the editions, with its forms in each language and links to each place it occurs, in both works and both languages (¶ paragraph, n. note).'),
    h('nav', {ariaLabel: 'Parts of this page'}, [h('ul', {className: ['inline-list']}, [h('li', [h('a', {href: '#glossary'}, 'Glossary')]), h('li', [h('a', {href: '#names'}, 'Index of names')])])]),
    h('section', {id: 'glossary', ariaLabelledby: 'glossary-heading'}, [h('h2', {id: 'glossary-heading'}, 'Glossary'), alphabet(terms, 'Glossary'), ...(terms.length > 0 ? terms.map(entryElement) : [h('p', 'No terms.')])]),
    h('section', {id: 'names', ariaLabelledby: 'names-heading'}, [h('h2', {id: 'names-heading'}, 'Index of names'), alphabet(names, 'Index of names'), ...(names.length > 0 ? names.map(entryElement) : [h('p', 'No names.')])])
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
      h('ul', [...first].map(([initial, id]) => h('li', [h('a', {href: `#${id}`}, initial)])))
    ])
  }
}

function occurrenceList(list: readonly ApparatusOccurrence[], works: Map<string, Work>): Element {
  if (list.length === 0) return h('p', {className: ['occurrences', 'occurrences-none']}, 'Not referenced in the text.')
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
        links.push(h('a', {href: `../${workId}/index.html#${occurrence.target}`}, [occurrence.locator, h('span', {className: ['visually-hidden']}, `: ${occurrence.description}`)]))
      }
      if (links.length > 0) perLang.push(h('li', [h('span', {className: ['occ-lang']}, `${languageName(lang)}: `), ...links]))
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

/** Number of alignments, for progress and tests. */
export function blockCount(work: Work): number {
  return alignmentsOf(work).length
}
