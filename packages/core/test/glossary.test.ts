import {describe, expect, it} from 'vitest'
import {Reporter, glossarySortKey, parseGlossary} from '../src/index.js'

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
