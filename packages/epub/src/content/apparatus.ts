/** The glossary and the index of names of the EPUB. */
import type {ApparatusEntry, ApparatusGroup, Work} from '@diglot/core'
import type {ElementContent, Properties} from 'hast'
import {h} from 'hastscript'
import {tagged} from './xhtml.js'
import type {Page} from './types.js'

export type Locators = (entry: ApparatusEntry) => Array<{href: string; label: string}>

/** The forms of an entry, the work's languages first; a listed (`indexAs`) headword replaces its language's form. */
function entryForms(entry: ApparatusEntry): ElementContent[] {
  const parts: ElementContent[] = []
  for (const forms of entry.forms) {
    const form = forms.lang === entry.headword.lang ? entry.headword.text : forms.forms[0]
    if (!form) continue
    if (parts.length > 0) parts.push({type: 'text', value: ' · '})
    parts.push(h('span', {lang: forms.lang, className: ['form', `form-${forms.key}`]}, form))
  }
  return parts
}

export function glossaryPage(
  group: ApparatusGroup,
  work: Work,
  lang: string,
  locators: Locators
): Page {
  const items: ElementContent[] = []
  for (const entry of group.entries) {
    items.push(
      h('dt', {id: `glossary-${entry.id}`, 'epub:type': 'glossterm'}, [h('dfn', entryForms(entry))])
    )
    const definition: ElementContent[] = []
    for (const language of work.languages) {
      const note = entry.entry.note[language]
      if (note)
        definition.push(h('p', {...(language === lang ? {} : {lang: language})}, tagged(note)))
    }
    const links = locators(entry)
    if (links.length > 0)
      definition.push(h('p', {className: ['occurrences']}, ['Occurs at ', ...joinLinks(links)]))
    items.push(h('dd', {'epub:type': 'glossdef'}, definition))
  }
  return {
    filename: 'glossary.xhtml',
    id: 'glossary',
    title: 'Glossary',
    lang,
    bodyType: 'backmatter',
    tree: {
      type: 'root',
      children: [
        h(
          'section',
          {
            className: ['glossary'],
            'epub:type': 'glossary',
            role: 'doc-glossary',
            id: 'glossary',
            ariaLabelledBy: 'glossary-title'
          },
          [h('h2', {id: 'glossary-title'}, 'Glossary'), h('dl', items)]
        )
      ]
    },
    body: '',
    navLabel: 'Glossary',
    landmark: {type: 'glossary', label: 'Glossary'}
  }
}

export function indexPage(group: ApparatusGroup, lang: string, locators: Locators): Page {
  const items = group.entries.map((entry) => {
    const note = entry.entry.note[lang]
    return h('li', {id: `index-${entry.id}`, 'epub:type': 'index-entry'}, [
      h('span', {'epub:type': 'index-term'}, entryForms(entry)),
      ...(note
        ? [
            {type: 'text', value: ' — '} as ElementContent,
            h('span', {className: ['index-note']}, tagged(note))
          ]
        : []),
      {type: 'text', value: note ? ' ' : ': '},
      ...joinLinks(locators(entry), 'index-locator')
    ])
  })
  return {
    filename: 'index.xhtml',
    id: 'index',
    title: 'Index of names',
    lang,
    bodyType: 'backmatter',
    tree: {
      type: 'root',
      children: [
        h(
          'section',
          {
            className: ['index'],
            'epub:type': 'index',
            role: 'doc-index',
            id: 'index',
            ariaLabelledBy: 'index-title'
          },
          [
            h('h2', {id: 'index-title'}, 'Index of names'),
            h('ul', {'epub:type': 'index-entry-list'}, items)
          ]
        )
      ]
    },
    body: '',
    navLabel: 'Index of names',
    landmark: {type: 'index', label: 'Index of names'}
  }
}

function joinLinks(links: Array<{href: string; label: string}>, type?: string): ElementContent[] {
  const parts: ElementContent[] = []
  links.forEach((link, index) => {
    if (index > 0) parts.push({type: 'text', value: ', '})
    const properties: Properties = {href: link.href}
    if (type) properties['epub:type'] = type
    parts.push(h('a', properties, link.label))
  })
  return parts
}
