/**
 * Typographic punctuation as the reader sees it in every edition: curly quotes in
 * English, dashes for spaced hyphens, no line break after an initial or inside
 * `15-жұлдызы`; code, addresses and ids left as written.
 */
import {describe, expect, it} from 'vitest'
import type {InlineCode, Link} from 'mdast'
import type {GlossaryReference} from '../src/index.js'
import {smartenString} from '../src/transforms/punctuation.js'
import {all, alignments, parse, segment, textOf, theWork} from './helpers.js'

/** The text of the first paragraph of a one-language English work. */
function english(markdown: string): string {
  const result = parse({en: markdown}, {glossary: 'entries: []\n'})
  expect(result.messages).toEqual([])
  return textOf(segment(alignments(result)[0]!, 'en'))
}

describe('English quotes and apostrophes', () => {
  it('turn straight quotes into curly ones, paired over emphasis and links', () => {
    expect(
      english(`He called it "a *harmonious* world" and 'the [dream](https://example.org/a"b)'.\n`)
    ).toBe('He called it “a harmonious world” and ‘the dream’.')
  })

  it('make apostrophes and decade marks right single quotes', () => {
    expect(english(`China's rise in the '80s was the world's news.\n`)).toBe(
      'China’s rise in the ’80s was the world’s news.'
    )
  })

  it('leave no straight quote, even in a run of quotes or an unbalanced one', () => {
    expect(english(`Kept as printed: "an "capping"", and "unbalanced.\n`)).toBe(
      'Kept as printed: “an “capping””, and “unbalanced.'
    )
  })

  it('apply to the notes and forms of the glossary, which still match the text as written', () => {
    const glossary = `entries:\n  - id: xi\n    kind: person\n    forms: {en: [Xi Jinping's], pinyin: ["Pí'āi'ěr"]}\n    note: {en: "Xi Jinping's \\"dream\\"", kk: "«арман»"}\n`
    const result = parse({en: "Xi Jinping's speech.\n"}, {glossary})
    const entry = result.tree.children.find((child) => child.type === 'glossary')?.children[0]
    expect(entry?.note).toEqual({en: 'Xi Jinping’s “dream”', kk: '«арман»'})
    expect(entry?.forms).toEqual({en: ['Xi Jinping’s'], pinyin: ['Pí’āi’ěr']})
    expect(
      all<GlossaryReference>(theWork(result.tree), 'glossaryReference').map((ref) => [
        textOf(ref),
        ref.identifier
      ])
    ).toEqual([['Xi Jinping’s', 'xi']])
  })

  it('leave inline code, link addresses and bare URLs as written', () => {
    const result = parse(
      {en: 'Type `"x" -- y` at https://example.org/a--b or [here](https://example.org/"q").\n'},
      {glossary: 'entries: []\n'}
    )
    const work = theWork(result.tree)
    expect(all<InlineCode>(work, 'inlineCode').map((code) => code.value)).toEqual(['"x" -- y'])
    expect(all<Link>(work, 'link').map((link) => [link.url, textOf(link)])).toEqual([
      ['https://example.org/a--b', 'https://example.org/a--b'],
      ['https://example.org/"q"', 'here']
    ])
  })

  it('do not change the ids, which depend on the text as written', () => {
    const straight = parse(
      {en: '# The "World Dream"\n\nIt\'s a "dream".\n'},
      {glossary: 'entries: []\n'}
    )
    expect(alignments(straight).map((alignment) => alignment.id)).toEqual([
      'the-world-dream',
      expect.stringMatching(/^p-/)
    ])
    expect(textOf(segment(alignments(straight)[0]!, 'en'))).toBe('The “World Dream”')
  })

  it('apply to the English title and notes in the metadata', () => {
    const result = parse({kk: 'Мәтін.\n', en: 'Text.\n'}, {glossary: 'entries: []\n'})
    const work = theWork(result.tree)
    expect(smartenString('The "Harmonious World" - the Chinese model', 'en')).toBe(
      'The “Harmonious World” – the Chinese model'
    )
    expect(work.meta.title['en'] ?? '').not.toMatch(/["']/)
  })
})

describe('dashes', () => {
  it('make a spaced hyphen an en dash in every language, and -- / --- en and em dashes', () => {
    expect(english('Harmonious World - Speech at the UN -- a keynote --- in 2005.\n')).toBe(
      'Harmonious World – Speech at the UN – a keynote — in 2005.'
    )
    const kk = parse({kk: '«…керек» [3], - деп үндеді.\n'}, {glossary: 'entries: []\n'})
    expect(textOf(segment(alignments(kk)[0]!, 'kk'))).toBe('«…керек» [3], – деп үндеді.')
  })

  it('keep hyphens inside words and compounds', () => {
    expect(english('A win-win, long-term and well-known policy.\n')).toBe(
      'A win-win, long-term and well-known policy.'
    )
  })
})

describe('no-break spaces and hyphens', () => {
  it('keep an initial with its name and a number with its unit or label', () => {
    expect(
      english('R. Robertson and George W. Bush read No. 2 on p. 34: 15 % and 3 million.\n')
    ).toBe(
      'R.\u00A0Robertson and George W.\u00A0Bush read No.\u00A02 on p.\u00A034: 15\u00A0% and 3\u00A0million.'
    )
  })

  it('keep a Kazakh initial with its name, and leave word hyphens as written', () => {
    const kk = parse(
      {kk: 'Қыркүйектің 15-жұлдызында ҚХР-дың төрағасы Л. Гумилев туралы айтты.\n'},
      {glossary: 'entries: []\n'}
    )
    expect(textOf(segment(alignments(kk)[0]!, 'kk'))).toBe(
      'Қыркүйектің 15-жұлдызында ҚХР-дың төрағасы Л.\u00A0Гумилев туралы айтты.'
    )
  })

  it('change no letter or digit: the words stay as written', () => {
    const source = "He said: \"It's 15-fold -- and R. Roe's ПРК-ның 'view' - no.\" ...\n"
    const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? []
    expect(words(english(source))).toEqual(words(source))
  })
})
