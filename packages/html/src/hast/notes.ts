/** A note as an element: its mark with back links to every call, then its text. */
import {h} from 'hastscript'
import type {Element, Properties} from 'hast'
import type {Note} from '@diglot/core'
import {convert} from './convert.js'
import {noteMark, type DiglotContext} from './state.js'

/** The note as `aside.note` (web sidenotes, EPUB footnotes), in `context`. */
export function noteElement(note: Note, context: DiglotContext): Element {
  const content = convert({type: 'root', children: note.children}, context)
  const backlinks = note.calls.map((call, index) =>
    h(
      'a',
      {
        href: `#${call}`,
        className: ['note-backlink'],
        role: 'doc-backlink',
        ...(context.options.notes?.labelBacklinks === false
          ? {}
          : {
              ariaLabel: `Back to the call of note ${noteMark(note)}${index > 0 ? ` (${index + 1})` : ''}`
            })
      },
      index === 0 ? noteMark(note) : `↩${index + 1}`
    )
  )
  const mark = h(
    'span',
    {className: ['note-mark']},
    backlinks.length > 0 ? backlinks : [noteMark(note)]
  )
  const properties: Properties = {
    id: note.id,
    lang: note.lang,
    className: ['note', `note-${note.kind}`],
    dataKind: note.kind,
    dataNote: noteMark(note)
  }
  if (note.twin) properties['dataTwin'] = note.twin
  Object.assign(properties, context.options.notes?.properties)
  properties['role'] = 'doc-footnote'
  // Put the mark inside the first paragraph so that it reads as one line.
  const first = content[0]
  if (first && first.type === 'element' && first.tagName === 'p')
    first.children.unshift(mark, {type: 'text', value: ' '})
  else content.unshift(h('p', [mark]))
  if (note.kind !== 'author') {
    const kind = h('span', {className: ['note-kind']}, `${context.labels.noteKinds[note.kind]}: `)
    const paragraph = content[0] as Element
    paragraph.children.splice(2, 0, kind)
  }
  return h('aside', properties, content)
}
