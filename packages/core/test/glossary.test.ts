import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {
  Reporter,
  buildWork,
  glossarySortKey,
  parseGlossary,
  prepareGlossary,
  preparedFromData,
  rememberSetBlocks
} from '../src/index.js'

const yaml = `entries:
  - id: barack-obama
    kind: person
    forms:
      en: [Barack Obama, Obama]
      kk: [Барак Обама]
    indexAs: { en: "Obama, Barack", kk: "Обама, Барак" }
  - id: hu-jintao
    kind: person
    forms:
      en: [Hu Jintao]
      kk: [Ху Цзиньтао]
`

describe('glossary indexAs', () => {
  it('reads the index form per language, and leaves it out when absent', () => {
    const reporter = new Reporter('glossary.yaml')
    const [obama, hu] = parseGlossary(yaml, reporter).children
    expect(reporter.messages).toEqual([])
    expect(obama?.indexAs).toEqual({en: 'Obama, Barack', kk: 'Обама, Барак'})
    expect(obama?.label).toBe('Barack Obama')
    expect(hu && 'indexAs' in hu).toBe(false)
  })

  it('sorts by the index form, else by the first form in the language', () => {
    const entries = parseGlossary(yaml, new Reporter('glossary.yaml')).children
    expect(entries.map((entry) => glossarySortKey(entry, 'en'))).toEqual([
      'obama, barack',
      'hu jintao'
    ])
    expect(entries.map((entry) => glossarySortKey(entry, 'kk'))).toEqual([
      'обама, барак',
      'ху цзиньтао'
    ])
    expect(glossarySortKey(entries[1]!, 'zh-Hans')).toBe('hu jintao')
  })

  it('reports an index form that is not text per language', () => {
    const reporter = new Reporter('glossary.yaml')
    parseGlossary(
      yaml.replace(
        'indexAs: { en: "Obama, Barack", kk: "Обама, Барак" }',
        'indexAs: Obama, Barack'
      ),
      reporter
    )
    expect(reporter.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([
      'glossary-invalid: `entries.0.indexAs` must map language tags to text, e.g. `{ en: … }`'
    ])
  })
})

describe('a prepared glossary sent to another thread', () => {
  it('makes the same work from its data (a structured clone) as from itself', () => {
    const prepared = prepareGlossary(yaml)
    const {glossary, source, messages} = prepared
    const again = preparedFromData(structuredClone({glossary, source, messages}))
    const input = {
      // (The article's real metadata: Kazakh original, English translation.)
      meta: readFileSync(
        new URL('../../../content/harmonious-world/work.yaml', import.meta.url),
        'utf8'
      ),
      files: {
        kk: '# Тарау\n\nБарак Обама мен Ху Цзиньтао кездесті.\n',
        en: '# Chapter\n\nBarack Obama met Hu Jintao; Obama spoke first.\n'
      }
    }
    const here = buildWork(input, prepared)
    const there = buildWork(input, again)
    expect(JSON.stringify(there)).toBe(JSON.stringify(here))
    // (The glossary's names were found: the test would pass vacuously without them.)
    expect(here.messages.filter((m) => m.fatal)).toEqual([])
    expect(JSON.stringify(here.work)).toContain('"identifier":"barack-obama"')
  })
})

describe('remembering texts between parses (watch)', () => {
  it('finds the same glossary forms, parse after parse, as without remembering', () => {
    const prepared = prepareGlossary(yaml)
    const input = (en: string) => ({
      meta: readFileSync(
        new URL('../../../content/harmonious-world/work.yaml', import.meta.url),
        'utf8'
      ),
      files: {kk: '# Тарау\n\nБарак Обама мен Ху Цзиньтао кездесті.\n', en}
    })
    const first = '# Chapter\n\nBarack Obama met Hu Jintao; Obama spoke first.\n'
    const second = '# Chapter\n\nHu Jintao met Barack Obama; Hu spoke first.\n'
    const plain = [first, second, first].map((en) => JSON.stringify(buildWork(input(en), prepared)))
    rememberSetBlocks(true)
    try {
      const remembered = [first, second, first].map((en) =>
        JSON.stringify(buildWork(input(en), prepared))
      )
      expect(remembered).toEqual(plain)
    } finally {
      rememberSetBlocks(false)
    }
    expect(plain[0]).toContain('"identifier":"hu-jintao"')
    expect(plain[1]).not.toEqual(plain[0])
  })
})
