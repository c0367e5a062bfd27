import {describe, expect, it} from 'vitest'
import {hasErrors, works, type Section} from '../src/index.js'
import {alignments, parse, rulesAt, segment, textOf, theWork} from './helpers.js'

const paragraphs = (count: number, word: string): string =>
  `${Array.from({length: count}, (_, index) => `${word} ${index + 1}.`).join('\n\n')}\n`

describe('alignment', () => {
  it('pairs paragraph N of the original with paragraph N of the translation', () => {
    const result = parse({kk: paragraphs(30, 'Абзац'), en: paragraphs(30, 'Paragraph')})
    expect(result.messages).toEqual([])
    const list = alignments(result)
    expect(list).toHaveLength(30)
    const twelfth = list.find((alignment) => alignment.n === 12)
    expect(twelfth).toBeDefined()
    expect(textOf(segment(twelfth!, 'kk'))).toBe('Абзац 12.')
    expect(textOf(segment(twelfth!, 'en'))).toBe('Paragraph 12.')
    for (const [index, alignment] of list.entries()) {
      expect(alignment.n).toBe(index + 1)
      expect(alignment.children.map((child) => [child.lang, child.role])).toEqual([
        ['kk', 'original'],
        ['en', 'translation']
      ])
      expect(textOf(segment(alignment, 'en'))).toBe(`Paragraph ${index + 1}.`)
      expect(textOf(segment(alignment, 'kk'))).toBe(`Абзац ${index + 1}.`)
    }
  })

  it('numbers the paragraphs from 1, headings not counted; numbers are on for two languages, off for one unless asked', () => {
    const result = parse({
      kk: '# Бас\n\nБір.\n\n## Екі\n\nЕкі.\n',
      en: '# Head\n\nOne.\n\n## Two\n\nTwo.\n'
    })
    expect(alignments(result).map((alignment) => [alignment.n, alignment.paragraph])).toEqual([
      [1, undefined],
      [2, 1],
      [3, undefined],
      [4, 2]
    ])
    expect(theWork(result.tree).meta.paragraphNumbers).toBe(true)
    expect(theWork(parse({en: 'One.\n'}).tree).meta.paragraphNumbers).toBe(false)
    expect(
      theWork(parse({en: 'One.\n'}, {extra: 'paragraphNumbers: true\n'}).tree).meta.paragraphNumbers
    ).toBe(true)
  })

  it('pairs blocks of every alignable kind, in order, ignoring where the notes are defined', () => {
    const kk =
      '# Бас\n\n[^1]: Ескертпе.\n\nМәтін.[^1]\n\n> Дәйексөз.\n\n- бір\n\n| а |\n|---|\n| б |\n\n---\n\n::gap[Жоқ.]\n\n:::editorial\nРедактор.\n:::\n'
    const en =
      '# Head\n\nText.[^1]\n\n> Quote.\n\n- one\n\n| a |\n|---|\n| b |\n\n---\n\n::gap[Lost.]\n\n:::editorial\nEditor.\n:::\n\n[^1]: Note.\n'
    const result = parse({kk, en})
    expect(result.messages).toEqual([])
    expect(alignments(result).map((alignment) => alignment.blockType)).toEqual([
      'heading',
      'paragraph',
      'blockquote',
      'list',
      'table',
      'thematicBreak',
      'gap',
      'editorial'
    ])
  })

  it('nests blocks into sections under their headings', () => {
    const result = parse({
      kk: '# А\n\nа.\n\n## Б\n\nб.\n\n# В\n\nв.\n',
      en: '# A\n\na.\n\n## B\n\nb.\n\n# C\n\nc.\n'
    })
    const work = theWork(result.tree)
    const sections = work.children.filter((child): child is Section => child.type === 'section')
    expect(sections.map((section) => section.depth)).toEqual([1, 1])
    const [first, second] = sections
    // Section А holds its heading, its paragraph and subsection Б; В is a sibling.
    expect(first!.children.map((child) => child.type)).toEqual([
      'alignment',
      'alignment',
      'section'
    ])
    expect(textOf(first!.children[2])).toBe('БBб.b.')
    expect(second!.id).toBe(second!.children[0]!.id)
    expect(textOf(second)).toBe('ВCв.c.')
  })

  it('shows a `::untranslated` block as untranslated, with a warning, and keeps the pairing', () => {
    const result = parse({kk: 'Бір.\n\nЕкі.\n\nҮш.\n', en: 'One.\n\n::untranslated\n\nThree.\n'})
    expect(rulesAt(result)).toEqual(['untranslated-block w/en.md:3:1'])
    expect(hasErrors(result.messages)).toBe(false)
    const [, second, third] = alignments(result)
    expect(segment(second!, 'en').status).toBe('untranslated')
    expect(segment(second!, 'en').children).toEqual([])
    expect(textOf(segment(third!, 'en'))).toBe('Three.')
  })

  it('shows the missing end of a partial translation as missing, with one warning', () => {
    const result = parse(
      {kk: 'Бір.\n\nЕкі.\n\nҮш.\n', en: 'One.\n'},
      {extra: 'translation: {status: partial}'}
    )
    expect(rulesAt(result)).toEqual(['translation-incomplete w/en.md:1:5'])
    expect(hasErrors(result.messages)).toBe(false)
    expect(alignments(result).map((alignment) => segment(alignment, 'en').status)).toEqual([
      'present',
      'missing',
      'missing'
    ])
  })

  it('reports each original block without a translation when the translation is declared complete', () => {
    const result = parse({kk: 'Бір.\n\nЕкі.\n\nҮш.\n', en: 'One.\n'})
    expect(rulesAt(result)).toEqual([
      'align-missing-counterpart w/kk.md:3:1',
      'align-missing-counterpart w/kk.md:5:1'
    ])
    expect(hasErrors(result.messages)).toBe(true)
  })

  it('reports a stray translation block, and shows its original side as missing', () => {
    const result = parse({kk: 'Бір.\n', en: 'One.\n\nStray.\n'})
    expect(rulesAt(result)).toEqual(['align-missing-counterpart w/en.md:3:1'])
    const [, stray] = alignments(result)
    expect(segment(stray!, 'kk').status).toBe('missing')
    expect(textOf(segment(stray!, 'en'))).toBe('Stray.')
  })

  it('reports only the first kind mismatch, naming both files and places', () => {
    const result = parse({kk: '# Бас\n\nБір.\n\nЕкі.\n', en: 'Head\n\n## One\n\nTwo.\n'})
    expect(result.messages).toHaveLength(1)
    const [message] = result.messages
    expect(message!.ruleId).toBe('align-kind-mismatch')
    expect(`${message!.file}:${message!.line}:${message!.column}`).toBe('w/en.md:1:1')
    expect(message!.reason).toContain('w/kk.md:1:1')
  })

  it('rejects `::untranslated` in the original', () => {
    const result = parse({kk: '::untranslated\n', en: 'One.\n'})
    expect(
      result.messages.some(
        (message) => message.ruleId === 'directive-invalid' && message.file === 'w/kk.md'
      )
    ).toBe(true)
  })

  it('makes one segment per alignment in a one-language work', () => {
    const result = parse({kk: '# Бас\n\nБір.\n'})
    expect(result.messages).toEqual([])
    expect(theWork(result.tree).languages).toEqual(['kk'])
    for (const alignment of alignments(result)) {
      expect(
        alignment.children.map((child) => `${child.lang}:${child.role}:${child.status}`)
      ).toEqual(['kk:original:present'])
    }
  })

  it('drops the work (but not the glossary) when work.yaml cannot be read', () => {
    const result = parse({kk: 'Бір.\n'}, {extra: 'date: yesterday'})
    expect(works(result.tree)).toEqual([])
    expect(result.tree.children.map((child) => child.type)).toEqual(['glossary'])
    expect(hasErrors(result.messages)).toBe(true)
  })
})
