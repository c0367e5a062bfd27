/**
 * The book model: what every edition prints around the text, decided once.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  apparatusLanguage,
  bookOf,
  dateInWords,
  languageName,
  works,
  type Root
} from '../src/index.js'
import {readContent} from '../src/fs.js'
import {parse, repoRoot, theWork} from './helpers.js'

const glossary = `entries:
  - id: obama
    kind: person
    forms: {en: [Barack Obama], kk: [Барак Обама]}
    note: {en: US president.}
  - id: asean
    kind: organisation
    forms: {en: [ASEAN]}
    note: {en: An association.}
  - id: harmony
    kind: term
    forms: {en: [harmony], kk: [үйлесім], zh-Hans: [和谐], pinyin: [héxié]}
    note: {en: A term.}
  - id: zhou
    kind: work
    forms: {en: [Zhou Li]}
    note: {en: A classic.}
`

function tree(files: Record<string, string>): Root {
  return parse(files, {glossary}).tree
}

describe('the apparatus language', () => {
  it('is the translation’s, else the original’s when it has labels, else English', () => {
    expect(apparatusLanguage(theWork(tree({kk: 'Мәтін.\n', en: 'Text.\n'})))).toBe('en')
    expect(apparatusLanguage(theWork(tree({kk: 'Мәтін.\n', ru: 'Текст.\n'})))).toBe('kk')
    expect(apparatusLanguage(theWork(tree({de: 'Text.\n'})))).toBe('en')
  })

  it('names languages in that language', () => {
    expect(languageName('kk', 'en')).toBe('Kazakh')
    expect(languageName('zh-Hans', 'en')).toBe('Chinese')
    expect(languageName('pinyin', 'en')).toBe('Pinyin')
    expect(languageName('en', 'kk')).toBe('Ағылшын тілі')
  })
})

describe('the back matter', () => {
  it('puts terms in the glossary and people, organisations and works in the index, sorted by collation', () => {
    const root = tree({en: 'Barack Obama met ASEAN about harmony and the Zhou Li.\n'})
    const book = bookOf(root, theWork(root))
    expect(
      book.back.map((group) => [group.title, group.entries.map((entry) => entry.headword.text)])
    ).toEqual([
      ['Glossary', ['harmony']],
      ['Index of names', ['ASEAN', 'Barack Obama', 'Zhou Li']]
    ])
  })

  it('lists only what the work references, with forms in the work’s languages first', () => {
    const root = tree({kk: 'Үйлесім туралы.\n', en: 'On harmony.\n'})
    const [terms, names] = bookOf(root, theWork(root)).back
    expect(names?.entries).toEqual([])
    expect(
      terms?.entries[0]?.forms.map((forms) => [forms.key, forms.lang, forms.languageName])
    ).toEqual([
      ['kk', 'kk', 'Kazakh'],
      ['en', 'en', 'English'],
      ['zh-Hans', 'zh-Hans', 'Chinese'],
      ['pinyin', 'zh-Latn-pinyin', 'Pinyin']
    ])
  })

  it('labels an occurrence in a note by the note’s kind, not by its label’s spelling', () => {
    const root = tree({
      en: 'Text.[^a-tr-b] More.[^tr-1]\n\n[^a-tr-b]: On harmony.\n\n[^tr-1]: On harmony too.\n'
    })
    const entry = bookOf(root, theWork(root)).back[0]?.entries[0]
    expect(entry?.occurrences.map((occurrence) => occurrence.locator)).toEqual(['n. 1', 'n. T1'])
  })

  it('prints the apparatus in Kazakh for a Kazakh–Russian work', () => {
    const root = tree({kk: 'Үйлесім туралы.\n', ru: 'О гармонии.\n'})
    const book = bookOf(root, theWork(root))
    expect(book.back[0]?.title).toBe('Глоссарий')
    expect(book.front.imprint[0]).toEqual({
      kind: 'languages',
      label: 'Тілдері',
      value: {lang: 'kk', text: 'Қазақ тілі (түпнұсқа), Орыс тілі'}
    })
  })
})

describe('the front matter of the real works', async () => {
  const {tree: content} = await readContent(path.join(repoRoot, 'content'))
  const byId = new Map(works(content).map((work) => [work.id, work]))

  it('gives dates in words and contributor lines in sentence case', () => {
    const report = bookOf(content, byId.get('world-dream')!)
    expect(report.front.date).toEqual({text: 'December 2013', iso: '2013-12'})
    expect(report.front.contributors.map((line) => line.role)).toEqual(['author', 'translator'])
    const article = bookOf(content, byId.get('harmonious-world')!)
    expect(article.front.contributors.map((line) => line.text)).toEqual([
      'Translated into English by the editors of this edition'
    ])
    expect(article.front.titles.map((title) => [title.lang, title.role])).toEqual([
      ['kk', 'original'],
      ['en', 'translation']
    ])
  })

  it('writes a date of any precision in words', () => {
    expect(dateInWords('2013', 'en')).toBe('2013')
    expect(dateInWords('2013-12-05', 'en')).toBe('December 5, 2013')
    expect(dateInWords('not a date', 'en')).toBe('not a date')
  })
})
