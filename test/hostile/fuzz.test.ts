/**
 * Fuzzing the source reader (fast-check): 2,000 generated works, made of the
 * pieces hostile input is made of (markers that nest, notes that call notes,
 * directives left open, script links, control characters, half surrogate
 * pairs, HTML, tables…) and of mutations of the sample work and its work.yaml.
 * For every one: no exception, no input over 10 s, and every message a single
 * line `file:line:col: … [rule]` with a real place and no control character.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatMessage, parseWork, type ParseResult} from '../../packages/core/src/index.js'
import {repoRoot} from './harness.js'

const sample = path.join(repoRoot, 'test', 'fixtures', 'content')
const glossary = readFileSync(path.join(sample, 'glossary.yaml'), 'utf8')
const sampleMeta = readFileSync(path.join(sample, 'sample', 'work.yaml'), 'utf8')
const sampleKk = readFileSync(path.join(sample, 'sample', 'kk.md'), 'utf8')
const sampleEn = readFileSync(path.join(sample, 'sample', 'en.md'), 'utf8')
const minimalMeta =
  'id: w\nlanguages: {original: en}\ntitle: {en: T}\nlicence: CC0-1.0\nsource: {description: Fuzz.}\n'

const pieces = [
  '>',
  '> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '    ',
  '\t',
  '  ',
  '\n',
  '\n\n',
  '#',
  '## ',
  '---',
  '***',
  '___',
  '|',
  '| a | b |\n|---|---|\n',
  '[^1]',
  '[^2]',
  '[^tr-1]',
  '[^1]: ',
  '[^2]: ',
  '\n[^1]: note',
  '[^',
  ']',
  '[',
  '(',
  ')',
  '![',
  '](',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '```',
  '~~~',
  ':pb{n=3}',
  ':pb{n=1}',
  ':pb',
  ':gap[',
  '::gap[lost]',
  ':::editorial\n',
  '\n:::\n',
  ':sic[x]',
  ':ed[',
  ':lang[x]{lang=zh-Hans}',
  ':lang[x]{lang=zz!}',
  ':term[Hu]{id=hu-jintao}',
  ':term[x]{id=nope}',
  ':noterm[',
  '::untranslated',
  ':x',
  '{',
  '}',
  '="',
  '\\',
  '\\:',
  '12:30',
  '[a](javascript:alert(1))',
  '<javascript:x>',
  '[b](#nowhere)',
  '[c](https://example.org)',
  '![i](http://127.0.0.1/x.png)',
  '[1]: Ibid.',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '<script>',
  '&amp;',
  '&#x6A;',
  '&',
  '<',
  '- [ ] ',
  '- [x] ',
  '\u0000',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\uD800',
  '\uDC00',
  '\uFFFF',
  '\uFEFF',
  '\u2028',
  'Hu Jintao',
  'Ху Цзиньтао',
  'Ху Цзиньтаоның',
  '和谐世界',
  'harmonious world',
  'word',
  ' ',
  'é',
  '👍🏽'
]

const markdown = fc
  .array(fc.constantFrom(...pieces), {maxLength: 60})
  .map((parts) => parts.join(''))
const anyText = fc.string({unit: 'binary', maxLength: 120})

/** Insert, delete or replace pieces of `text` at random places. */
function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({max: text.length}),
    remove: fc.nat({max: 8}),
    insert: fc.oneof(fc.constantFrom(...pieces), anyText)
  })
  return fc.array(edit, {minLength: 1, maxLength: 6}).map((edits) => {
    let result = text
    for (const one of edits) {
      const at = Math.min(one.at, result.length)
      result = result.slice(0, at) + one.insert + result.slice(at + one.remove)
    }
    return result
  })
}

/** Parse, timing it; check what a user would be shown. */
function check(run: () => ParseResult): void {
  const started = Date.now()
  const {messages} = run()
  expect(Date.now() - started, 'one input took over 10 s').toBeLessThan(10_000)
  for (const message of messages) {
    const line = formatMessage(message)
    expect(line).toMatch(/^[^\n]+:\d+:\d+: [^\n]+ \[[a-z0-9-]+\]$/)
    expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/)
    expect(message.line ?? 0).toBeGreaterThanOrEqual(1)
    expect(message.column ?? 0).toBeGreaterThanOrEqual(1)
  }
}

describe('fuzzing the reader', () => {
  it('1,000 works made of hostile pieces (and random text)', () => {
    fc.assert(
      fc.property(
        fc.oneof({weight: 4, arbitrary: markdown}, {weight: 1, arbitrary: anyText}),
        (text) => {
          check(() => parseWork({meta: minimalMeta, files: {en: text}, glossary, path: 'w'}))
        }
      ),
      {numRuns: 1000, seed: 13}
    )
  })

  it('600 mutations of the bilingual sample work', () => {
    fc.assert(
      fc.property(mutated(sampleKk), mutated(sampleEn), (kk, en) => {
        check(() => parseWork({meta: sampleMeta, files: {kk, en}, glossary, path: 'sample'}))
      }),
      {numRuns: 600, seed: 13}
    )
  })

  it('400 mutations of work.yaml and glossary.yaml', () => {
    fc.assert(
      fc.property(mutated(sampleMeta), mutated(glossary), (meta, mutatedGlossary) => {
        check(() =>
          parseWork({
            meta,
            files: {kk: sampleKk, en: sampleEn},
            glossary: mutatedGlossary,
            path: 'sample'
          })
        )
      }),
      {numRuns: 400, seed: 13}
    )
  })
})
