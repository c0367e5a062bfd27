import {describe, expect, it} from 'vitest'
import type {Note, NoteList, NoteReference} from '../src/index.js'
import {all, parse, rulesAt, textOf, theWork} from './helpers.js'

function noteList(result: ReturnType<typeof parse>, lang: string): Note[] {
  const list = theWork(result.tree).children.find(
    (child): child is NoteList => child.type === 'noteList' && child.lang === lang
  )
  if (!list) throw new Error(`no note list for ${lang}`)
  return list.children
}

describe('notes', () => {
  it('are numbered per kind in order of first call, not of definition', () => {
    const en = [
      'A.[^b] B.[^tr-x] C.[^a] D.[^ed-z] E.[^tr-y] F.[^ed-w] G.[^b]',
      '[^a]: Author A.',
      '[^b]: Author B.',
      '[^tr-y]: Translator Y.',
      '[^tr-x]: Translator X.',
      '[^ed-w]: Editor W.',
      '[^ed-z]: Editor Z.'
    ].join('\n\n')
    const result = parse({en})
    expect(result.messages).toEqual([])
    const shown = noteList(result, 'en').map(
      (note) => `${note.kind} ${note.number}: ${textOf(note)}`
    )
    // Listed by kind (author, translator, editor), then number.
    expect(shown).toEqual([
      'author 1: Author B.',
      'author 2: Author A.',
      'translator 1: Translator X.',
      'translator 2: Translator Y.',
      'editor 1: Editor Z.',
      'editor 2: Editor W.'
    ])
  })

  it('give each call the number of its note, and list every call of a note', () => {
    const result = parse({en: 'One.[^n] Two.[^m] Three.[^n]\n\n[^n]: N.\n\n[^m]: M.\n'})
    const calls = all<NoteReference>(result.tree, 'noteReference')
    expect(calls.map((call) => `${call.label}=${call.number}`)).toEqual(['n=1', 'm=2', 'n=1'])
    expect(new Set(calls.map((call) => call.id)).size).toBe(3)
    const [n] = noteList(result, 'en')
    expect(n!.calls).toEqual([calls[0]!.id, calls[2]!.id])
    for (const call of calls)
      expect(noteList(result, 'en').find((note) => note.id === call.noteId)?.label).toBe(call.label)
  })

  it('link a note to its twin: the note with the same label in the other language', () => {
    const result = parse({
      kk: 'Мәтін.[^1][^ed-1]\n\n[^1]: Бір.\n\n[^ed-1]: Редактор.\n',
      en: 'Text.[^1][^tr-1][^ed-1]\n\n[^1]: One.\n\n[^tr-1]: Translator.\n\n[^ed-1]: Editor.\n'
    })
    const kk = noteList(result, 'kk')
    const en = noteList(result, 'en')
    const byLabel = (notes: Note[], label: string): Note =>
      notes.find((note) => note.label === label)!
    expect(byLabel(kk, '1').twin).toBe(byLabel(en, '1').id)
    expect(byLabel(en, '1').twin).toBe(byLabel(kk, '1').id)
    expect(byLabel(en, 'ed-1').twin).toBe(byLabel(kk, 'ed-1').id)
    expect(byLabel(en, 'tr-1').twin).toBeUndefined()
  })

  it('number a note called from another note after the text calls, and report nothing', () => {
    const result = parse({
      en: 'Text.[^1]\n\n[^1]: One, see[^2].\n\n[^2]: Two, see[^3].\n\n[^3]: Three.\n'
    })
    expect(rulesAt(result)).toEqual([])
    expect(noteList(result, 'en').map((note) => `${note.label}=${note.number}`)).toEqual([
      '1=1',
      '2=2',
      '3=3'
    ])
    // No raw footnote calls are left anywhere in the tree.
    expect(all(result.tree, 'footnoteReference')).toEqual([])
  })

  it('report a defined but uncalled note as a warning and still list it', () => {
    const result = parse({en: 'Text.\n\n[^lost]: A note nobody calls.\n'})
    expect(rulesAt(result)).toEqual(['note-unused w/en.md:3:1'])
    expect(noteList(result, 'en').map((note) => textOf(note))).toEqual(['A note nobody calls.'])
  })

  it('keep a note whose text the source lost as a gap', () => {
    const result = parse({
      en: 'Text.[^101]\n\n[^101]: :gap[The text of this note is missing in the source.]\n'
    })
    expect(result.messages).toEqual([])
    const [note] = noteList(result, 'en')
    expect(all(note, 'inlineGap').map(textOf)).toEqual([
      'The text of this note is missing in the source.'
    ])
  })

  it('report a call without a definition, and keep its text visible', () => {
    const result = parse({en: 'Text.[^1] More.[^2]\n\n[^1]: One.\n'})
    expect(rulesAt(result)).toEqual(['note-undefined w/en.md:1:16'])
    expect(textOf(theWork(result.tree))).toContain('More.[^2]')
  })

  it.each([
    ['on a continuation line', 'A line\n   and then[^3] here.\n', 'w/en.md:2:12'],
    ['in a block quote', '> Quote\n> more[^6]\n', 'w/en.md:2:7'],
    ['after a character reference', 'A &amp; B[^4].\n', 'w/en.md:1:10'],
    ['in a list item', '- item\n- other[^7]\n', 'w/en.md:2:8']
  ])('report an undefined call %s at the place of its `[`', (_, markdown, place) => {
    expect(rulesAt(parse({en: markdown}))).toEqual([`note-undefined ${place}`])
  })

  it('take an escaped `\\[^2]` as literal text, not as a call', () => {
    const result = parse({en: 'Footnotes are written \\[^2] in Markdown.\n'})
    expect(rulesAt(result)).toEqual([])
    expect(textOf(theWork(result.tree))).toContain('written [^2] in')
  })
})
