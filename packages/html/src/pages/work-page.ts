/**
 * The pages of the web edition as hast: a work, the list of works, the
 * glossary and index of names. Markup only; CSS and JavaScript are data in
 * `templates/html/`.
 */
import {h} from 'hastscript'
import type {Element, Root as HastRoot} from 'hast'
import type {Glossary, Work} from '@diglot/core'
import {hyphenateScreen} from '../hyphenate.js'
import {toHast} from '../hast/index.js'
import {type Content, uiLang, languageNames, languageName, pick, shell} from './common.js'
import {kindLabel, titlePage, tableOfContents} from './front-matter.js'
import {citationMeta, editionBox} from './citation.js'

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
    entries[entry.identifier] = {
      kind: kindLabel(entry.entryKind),
      forms: entry.forms,
      note: entry.note
    }
  }
  return JSON.stringify({languages: languageNames, entries}).replace(/</g, '\\u003c')
}

/** The view switch (shown by the script): original, translation, both. */
function viewSwitch(work: Work): Element | undefined {
  const [original, translation] = work.languages
  if (!original || !translation) return undefined
  const button = (view: string, text: string): Element =>
    h(
      'button',
      {type: 'button', dataView: view, ariaPressed: view === 'both' ? 'true' : 'false'},
      text
    )
  return h(
    'div',
    {className: ['view-switch'], role: 'group', ariaLabel: 'Languages shown', hidden: true},
    [
      button('original', languageName(original)),
      button('both', 'Both'),
      button('translation', languageName(translation))
    ]
  )
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
      {
        className: ['text'],
        id: 'text',
        tabIndex: -1,
        dataLanguages: String(langs.length),
        dataOriginal: langs[0] ?? '',
        ...(langs[1] ? {dataTranslation: langs[1]} : {})
      },
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
      h('link', {
        rel: 'alternate',
        type: 'application/epub+zip',
        href: `../${work.id}.epub`,
        title: 'EPUB'
      }),
      h('link', {
        rel: 'alternate',
        type: 'application/pdf',
        href: `../${work.id}.pdf`,
        title: 'PDF'
      }),
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
  const authors = work.meta.authors
    .map((person) => pick(person.name, [uiLang])?.text ?? '')
    .filter(Boolean)
  const by = authors.length > 0 ? ` by ${authors.join(', ')}` : ''
  const edition =
    langs.length > 1
      ? `${languageName(langs[0] ?? '')} text with ${languageName(langs[1] ?? '')} translation, side by side`
      : `${languageName(langs[0] ?? '')} text`
  return `${title}${subtitle ? `: ${subtitle}` : ''}${by}${work.meta.date ? ` (${work.meta.date})` : ''}. A Diglot edition: ${edition}, with notes, a glossary and an index of names.`
}
