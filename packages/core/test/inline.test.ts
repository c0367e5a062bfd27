/**
 * What the reader sees inside a block: glossary links, language runs, page markers
 * and the editorial marks, as the format document describes them.
 */
import {describe, expect, it} from 'vitest'
import type {GlossaryReference, LangRun, PageMarker} from '../src/index.js'
import {all, alignments, parse, segment, textOf} from './helpers.js'

const glossary = `entries:
  - id: hu-jintao
    kind: person
    forms: {en: [Hu Jintao], kk: [Ху Цзиньтао], zh: [胡锦涛], pinyin: [Hu]}
  - id: harmonious-world
    kind: term
    forms: {en: [harmonious world], kk: [гармониялық әлем], zh-Hans: [和谐世界]}
  - id: world
    kind: term
    forms: {en: [world], kk: [әлем]}
`

/** `text → entry` for every glossary reference of a one-paragraph file. */
function links(lang: string, markdown: string): string[] {
  const result = parse({[lang]: markdown}, {glossary})
  expect(result.messages).toEqual([])
  return all<GlossaryReference>(result.tree.children[0], 'glossaryReference').map(
    (ref) => `${textOf(ref)} → ${ref.identifier}${ref.explicit ? ' (explicit)' : ''}`
  )
}

/** `text @lang` for every language run of a file in a kk/en work. */
function runs(files: Record<string, string>, lang: string): string[] {
  const result = parse(files, {glossary: 'entries: []\n'})
  expect(result.messages).toEqual([])
  return all<LangRun>(segment(alignments(result)[0]!, lang), 'langRun').map(
    (run) => `${textOf(run)} @${run.lang}${run.explicit ? ' (explicit)' : ''}`
  )
}

describe('glossary links', () => {
  it('match a Kazakh name followed by a suffix, as one reference over the whole word', () => {
    expect(links('kk', 'Ху Цзиньтаоның ойы, Ху Цзиньтаомен бірге.\n')).toEqual([
      'Ху Цзиньтаоның → hu-jintao',
      'Ху Цзиньтаомен → hu-jintao'
    ])
  })

  it('prefer the longest form', () => {
    expect(links('en', 'A harmonious world is a world.\n')).toEqual([
      'harmonious world → harmonious-world',
      'world → world'
    ])
    expect(links('kk', 'Бұл гармониялық әлем, ал әлем өзгерді.\n')).toEqual([
      'гармониялық әлем → harmonious-world',
      'әлем → world'
    ])
  })

  it('match whole words only in English, and never pinyin forms', () => {
    expect(links('en', 'Hu Jintaos, worldwide, underworld, Hu.\n')).toEqual([])
  })

  it('match inside Chinese text without word boundaries, with a `zh` form matching zh-Hans', () => {
    expect(links('zh-Hans', '我们的和谐世界是胡锦涛提出的。\n')).toEqual([
      '和谐世界 → harmonious-world',
      '胡锦涛 → hu-jintao'
    ])
  })

  it('match in the language of a run: Chinese inside English', () => {
    expect(links('en', 'The idea of 和谐世界 spread.\n')).toEqual(['和谐世界 → harmonious-world'])
  })

  it('are forced with :term and stopped with :noterm', () => {
    expect(
      links('en', ':term[the President]{id=hu-jintao} is not :noterm[Hu Jintao] but Hu Jintao.\n')
    ).toEqual(['the President → hu-jintao (explicit)', 'Hu Jintao → hu-jintao'])
  })

  it('are not made inside a gap', () => {
    expect(
      links('en', 'Lost: :gap[a sentence about the world].\n\n::gap[The world list is missing.]\n')
    ).toEqual([])
  })
})

describe('language runs', () => {
  it('tag Han as zh-Hans, Latin words in Kazakh as en and Cyrillic words in English as kk', () => {
    const files = {
      kk: 'Бұл 和谐世界 идеясы, Silk Road деп аталды.\n',
      en: 'The 和谐世界 idea, called Жібек жолы.\n'
    }
    expect(runs(files, 'kk')).toEqual(['和谐世界 @zh-Hans', 'Silk Road @en'])
    expect(runs(files, 'en')).toEqual(['和谐世界 @zh-Hans', 'Жібек жолы @kk'])
  })

  it('tag Cyrillic as ru in an English work with no Cyrillic language', () => {
    const result = parse({en: 'The word мир means peace.\n'})
    expect(
      all<LangRun>(result.tree.children[0], 'langRun').map((run) => `${textOf(run)} @${run.lang}`)
    ).toEqual(['мир @ru'])
  })

  it('do not make runs of Roman numerals, single letters, or tokens mixing scripts', () => {
    const files = {
      kk: 'XVI ғасыр, ХVІ ғасыр, I том, ХХІ ғасыр.\n',
      en: 'The XVI century, the ХVІ century.\n'
    }
    expect(runs(files, 'kk')).toEqual([])
    expect(runs(files, 'en')).toEqual([])
  })

  it('keep explicit runs as written, overriding detection', () => {
    const files = {kk: ':lang[Хэ Се]{lang=zh-Latn} деп.\n', en: 'The word :lang[мир]{lang=ru}.\n'}
    expect(runs(files, 'kk')).toEqual(['Хэ Се @zh-Latn (explicit)'])
    expect(runs(files, 'en')).toEqual(['мир @ru (explicit)'])
  })
})

describe('page markers', () => {
  const pages = (result: ReturnType<typeof parse>, lang: string): string[] =>
    alignments(result).flatMap((alignment) =>
      all<PageMarker>(segment(alignment, lang), 'pageMarker').map(
        (marker) => `${marker.id} in block ${alignment.n}`
      )
    )

  it('stay where they are written inline, between words', () => {
    const result = parse({
      kk: 'Бірінші бет :pb{n=2}екінші бет.\n',
      en: 'First page :pb{n=2}second page.\n'
    })
    const [paragraph] = alignments(result)
    expect(segment(paragraph!, 'kk').children[0]).toMatchObject({
      type: 'paragraph',
      children: [
        {type: 'text', value: 'Бірінші бет '},
        {type: 'pageMarker', n: '2', id: 'page-2'},
        {type: 'text', value: ' екінші бет.'}
      ]
    })
  })

  it('are never glued to a word: one inside a word moves to its start, one after a word gets a space', () => {
    const result = parse({kk: 'Бір бе:pb{n=2}ті.\n', en: 'One pa:pb{n=2}ge and:pb{n=3} more.\n'})
    const [paragraph] = alignments(result)
    const texts = (lang: string): string[] =>
      (
        segment(paragraph!, lang).children[0] as {
          children: Array<{type: string; value?: string; n?: string}>
        }
      ).children.map((node) => (node.type === 'text' ? (node.value ?? '') : `[${node.n}]`))
    expect(texts('kk')).toEqual(['Бір ', '[2]', ' беті.'])
    expect(texts('en')).toEqual(['One ', '[2]', ' page and ', '[3]', ' more.'])
  })

  it('on a line of their own belong to the next block, and are not blocks', () => {
    const result = parse({
      kk: 'Бір.\n\n:pb{n=3}\n\nЕкі.\n\n::pb{n=4}\n\n# Үш\n',
      en: 'One.\n\nTwo.\n\n# Three\n'
    })
    expect(result.messages).toEqual([])
    expect(alignments(result)).toHaveLength(3)
    expect(pages(result, 'kk')).toEqual(['page-3 in block 2', 'page-4 in block 3'])
    const second = segment(alignments(result)[1]!, 'kk').children[0]
    expect(second).toMatchObject({
      type: 'paragraph',
      children: [
        {type: 'pageMarker', n: '3'},
        {type: 'text', value: ' Екі.'}
      ]
    })
  })

  it('after the last block are added to its end', () => {
    const result = parse({kk: 'Бір.\n\n:pb{n=9}\n', en: 'One.\n'})
    expect(result.messages).toEqual([])
    expect(pages(result, 'kk')).toEqual(['page-9 in block 1'])
  })
})

describe('editorial marks', () => {
  it('become sic, editorial insertion, inline gap, gap and editorial nodes, keeping their words', () => {
    const kk =
      'Автор :sic[Ровертсон], :ed[яғни] :gap[бір сөз жоқ].\n\n::gap[Тізім жоқ.]\n\n:::editorial\nТүзетулер.\n:::\n'
    const en =
      'The author :sic[Rovertson], :ed[that is] :gap[a word is missing].\n\n::gap[The list is missing.]\n\n:::editorial\nCorrections.\n:::\n'
    const result = parse({kk, en})
    expect(result.messages).toEqual([])
    const [text, gap, editorial] = alignments(result)
    const en1 = segment(text!, 'en')
    expect(all(en1, 'sic').map(textOf)).toEqual(['Rovertson'])
    expect(all(en1, 'editorialInsertion').map(textOf)).toEqual(['that is'])
    expect(all(en1, 'inlineGap').map(textOf)).toEqual(['a word is missing'])
    expect(gap!.blockType).toBe('gap')
    expect(textOf(segment(gap!, 'kk'))).toBe('Тізім жоқ.')
    expect(editorial!.blockType).toBe('editorial')
    expect(textOf(segment(editorial!, 'en'))).toBe('Corrections.')
  })

  it('an unknown directive is reported and its words are kept', () => {
    const result = parse({en: 'Text :foo[kept words] here.\n'})
    expect(result.messages.map((message) => message.ruleId)).toEqual(['directive-unknown'])
    expect(textOf(alignments(result)[0])).toContain('kept words')
  })

  it('an escaped colon is not a directive', () => {
    const result = parse({en: 'Ratio 3\\:2 and note\\:this.\n'})
    expect(result.messages).toEqual([])
    expect(textOf(alignments(result)[0])).toBe('Ratio 3:2 and note:this.')
  })
})
