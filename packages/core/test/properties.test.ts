/**
 * Whatever an editor types, parseWork answers with a tree and messages that
 * point somewhere real: no exception, a known rule, a line and column ≥ 1.
 */
import fc from 'fast-check'
import {stringify} from 'yaml'
import {describe, expect, it} from 'vitest'
import {
  fromJson,
  parseWork,
  sourceRules as rules,
  toJson,
  works,
  alignmentsOf,
  type ParseResult,
  type RuleId
} from '../src/index.js'
import {sampleGlossary, workYaml} from './helpers.js'

const numRuns = 200

/** Pieces of Markdown and directive syntax, prose in three scripts, and line structure. */
const markdownTokens = [
  '#',
  '# ',
  '## ',
  '*',
  '**',
  '_',
  '[^',
  '[^1]',
  '[^tr-1]',
  '[^ed-1]',
  '[^1]: ',
  '[^tr-1]: ',
  ']',
  '[',
  '(',
  ')',
  '!',
  ':',
  '::',
  ':::',
  '\\:',
  '{',
  '}',
  'n=2',
  'n=',
  'id=hu-jintao',
  'id=nobody',
  'lang=zh-Hans',
  '=',
  '"',
  'pb',
  'gap',
  'sic',
  'ed',
  'lang',
  'term',
  'noterm',
  'untranslated',
  'editorial',
  'foo',
  '>',
  '> ',
  '-',
  '- ',
  '1. ',
  '|',
  '|---|',
  '---',
  '`',
  '```',
  '<!-- c -->',
  '<div>',
  '    ',
  ' ',
  '\t',
  '0',
  '1',
  '2',
  '12',
  '2005',
  'Ху Цзиньтао',
  'Ху Цзиньтаоның',
  'әлем',
  'Бұл',
  'ХVІ',
  '和谐世界',
  '胡锦涛',
  '。',
  'Hu Jintao',
  'world',
  'XVI',
  'I',
  'text',
  '.',
  ',',
  '\n',
  '\n',
  '\n\n',
  '\n\n',
  '\r\n',
  '\uFFFD'
]
const markdown = fc.oneof(
  fc.array(fc.constantFrom(...markdownTokens), {maxLength: 60}).map((tokens) => tokens.join('')),
  fc.string({
    unit: fc.constantFrom(...'#*[^]:{}>-|`\\ \n0123456789abcХуәлем和谐=!'.split('')),
    maxLength: 120
  })
)

const languagePairs = fc.constantFrom<[string] | [string, string]>(
  ['kk', 'en'],
  ['en', 'kk'],
  ['kk', 'zh-Hans'],
  ['zh-Hans', 'en'],
  ['kk'],
  ['en']
)

/** YAML text: mostly-valid documents from a schema-ish record, and token soup. */
const yamlTokens = [
  'id',
  'w',
  'languages',
  'original',
  'translation',
  'title',
  'kk',
  'en',
  'licence',
  'source',
  'description',
  'status',
  'partial',
  'entries',
  'forms',
  'kind',
  'person',
  'note',
  'date',
  '2024',
  '2013-12',
  ':',
  ': ',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '"',
  "'",
  '&a ',
  '*a',
  '#',
  '!!str ',
  '|',
  '>',
  '? ',
  '<<: ',
  'null',
  'true',
  '~',
  'Ху',
  '和谐'
]
const yamlSoup = fc
  .array(fc.constantFrom(...yamlTokens), {maxLength: 50})
  .map((tokens) => tokens.join(''))
const scalar = fc.oneof(
  fc.string({maxLength: 8}),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('kk', 'en', 'zh-Hans', 'partial', 'complete', 'A5', 'person', '2013-12')
)
const value = fc.oneof(
  scalar,
  fc.array(scalar, {maxLength: 3}),
  fc.dictionary(fc.constantFrom('kk', 'en', 'zh-Hans', 'name', 'language'), scalar, {maxKeys: 3})
)
const metaRecord = fc.record(
  {
    id: fc.oneof(fc.constant('w'), scalar),
    languages: fc.oneof(
      fc.record(
        {
          original: fc.constantFrom('kk', 'en', 'KK', ''),
          translation: fc.constantFrom('en', 'kk', 'zh-Hans', 'kk')
        },
        {requiredKeys: ['original']}
      ),
      value
    ),
    title: value,
    licence: scalar,
    source: fc.oneof(fc.record({description: scalar}), value),
    translation: fc.oneof(fc.record({status: scalar, madeForThisEdition: scalar}), value),
    authors: fc.oneof(fc.array(fc.record({name: value}), {maxLength: 2}), value),
    translators: fc.array(fc.record({name: value, language: scalar}), {maxLength: 2}),
    date: scalar,
    print: fc.oneof(fc.record({trim: scalar}), value)
  },
  {requiredKeys: []}
)
const glossaryRecord = fc.record({
  entries: fc.oneof(
    fc.array(
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('hu-jintao', 'un', 'Bad Id'), scalar),
          kind: scalar,
          forms: fc.oneof(
            fc.dictionary(
              fc.constantFrom('kk', 'en', 'zh', 'pinyin'),
              fc.array(
                fc.oneof(
                  fc.string({maxLength: 6}),
                  fc.constantFrom('Ху', 'world', '和谐', '*', '(', '\\')
                ),
                {maxLength: 3}
              )
            ),
            value
          ),
          note: value
        },
        {requiredKeys: []}
      ),
      {maxLength: 4}
    ),
    value
  )
})
const metaText = fc.oneof(
  metaRecord.map((record) => stringify(record)),
  yamlSoup
)
const glossaryText = fc.oneof(
  fc.constant(undefined),
  fc.constant(sampleGlossary),
  glossaryRecord.map((record) => stringify(record)),
  yamlSoup
)

const ruleIds = new Set(Object.keys(rules))

/** Run parseWork, turning an escaped exception into a failed property with the input shown. */
function check(result: () => ParseResult): ParseResult {
  let parsed: ParseResult | undefined
  expect(() => {
    parsed = result()
  }).not.toThrow()
  return parsed!
}

function expectWellFormedMessages(result: ParseResult): void {
  for (const message of result.messages) {
    expect(ruleIds.has(message.ruleId), `unknown rule ${message.ruleId}`).toBe(true)
    expect(message.line).toBeGreaterThanOrEqual(1)
    expect(message.column).toBeGreaterThanOrEqual(1)
    expect(typeof message.file === 'string' && message.file.length > 0).toBe(true)
    expect(message.fatal).toBe(rules[message.ruleId as RuleId] === 'error')
  }
}

describe('parseWork on arbitrary input', () => {
  it('never throws on random Markdown, and its messages point at real places', () => {
    fc.assert(
      fc.property(languagePairs, markdown, markdown, (languages, first, second) => {
        const files: Record<string, string> = {[languages[0]]: first}
        if (languages[1]) files[languages[1]] = second
        const result = check(() =>
          parseWork({
            meta: workYaml(languages[0], languages[1]),
            files,
            glossary: sampleGlossary,
            path: 'w'
          })
        )
        expectWellFormedMessages(result)
        // The tree serializes and reads back.
        expect(fromJson(toJson(result.tree)).specVersion).toBe(result.tree.specVersion)
        // Every alignment has one segment per language of the work, original first.
        for (const work of works(result.tree)) {
          for (const alignment of alignmentsOf(work)) {
            expect(alignment.children.map((segment) => segment.lang)).toEqual(work.languages)
          }
        }
      }),
      {numRuns}
    )
  })

  it('never throws on random work.yaml and glossary.yaml, and its messages point at real places', () => {
    fc.assert(
      fc.property(metaText, glossaryText, markdown, (meta, glossary, text) => {
        const result = check(() => parseWork({meta, files: {kk: text, en: text}, glossary}))
        expectWellFormedMessages(result)
        expect(fromJson(toJson(result.tree)).type).toBe('root')
      }),
      {numRuns}
    )
  })
})
