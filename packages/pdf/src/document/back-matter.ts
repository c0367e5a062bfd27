/** The back matter of the print document: the glossary and the index of names. */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {apparatusOf, labelsFor, type ApparatusEntry, type Root, type Work} from '@diglot/core'

/**
 * The glossary and the index of names of a work, as the book model has them
 * (groups, order, headwords), with page placeholders.
 */
export function backMatter(tree: Root, work: Work, apparatus: string): Element[] {
  const labels = labelsFor(apparatus)
  const sections: Element[] = []
  const entryElement = (entry: ApparatusEntry): Element => {
    const others: ElementContent[] = []
    for (const forms of entry.forms) {
      const form = forms.forms[0]
      if (!form || form === entry.headword.text || form === entry.entry.forms[apparatus]?.[0])
        continue
      if (others.length > 0) others.push({type: 'text', value: ', '})
      others.push(h('span', {lang: forms.lang}, form))
    }
    const count = new Set(entry.occurrences.map((occurrence) => occurrence.target)).size
    const note =
      entry.notes.find((text) => text.lang === apparatus) ??
      entry.notes.find((text) => text.lang === 'en')
    return h('p', {className: ['entry'], id: `glossary-${entry.id}`}, [
      h(
        'span',
        {
          className: ['headword'],
          ...(entry.headword.lang === apparatus ? {} : {lang: entry.headword.lang})
        },
        entry.headword.text
      ),
      ...(others.length > 0 ? [' ', h('span', {className: ['forms']}, ['(', ...others, ')'])] : []),
      ...(note ? [{type: 'text' as const, value: ` — ${note.text}`}] : []),
      ' ',
      h(
        'span',
        {className: ['pages'], dataEntry: entry.id},
        Array.from({length: Math.max(1, count)}, () => '000').join(', ')
      )
    ])
  }
  for (const group of apparatusOf(tree, {lang: apparatus, labels, work})) {
    if (group.entries.length === 0) continue
    const id = group.name === 'glossary' ? 'glossary' : 'index-of-names'
    sections.push(
      h(
        'section',
        {className: ['back', group.name], id, dataMatter: 'back', dataRunningHead: group.title},
        [h('h1', group.title), h('div', {className: ['entries']}, group.entries.map(entryElement))]
      )
    )
  }
  return sections
}
