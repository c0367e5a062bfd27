import type {Element, Root} from 'hast'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {group, sentences, splitLongPairs} from '../src/document/columns.js'
import {hyphenateText} from '../src/document/hyphenate.js'
import {fontFaces, parseUnicodeRange} from '../src/node/fonts.js'
import {missingGlyphs} from '../src/edition.js'
import {shortTitle} from '../src/document/titles.js'

describe('English hyphenation', () => {
  it('inserts soft hyphens with TeX patterns, not in abbreviations or URLs', () => {
    expect(hyphenateText('international globalisation', 'en')).toBe(
      'inter\u00ADna\u00ADtional glob\u00ADal\u00ADi\u00ADsa\u00ADtion'
    )
    expect(hyphenateText('CIIS UNESCO', 'en')).toBe('CIIS UNESCO')
    expect(hyphenateText('中国梦', 'zh-Hans')).toBe('中国梦')
  })
})

describe('parallel rows', () => {
  it('cuts text into sentences without splitting elements', () => {
    const parts = sentences([
      {type: 'text', value: 'One. Two «three». Four'},
      h('em', 'a. B'),
      {type: 'text', value: ' five.'}
    ])
    expect(parts.length).toBe(3)
  })

  it('shares sentences out in proportion', () => {
    const parts = ['aaaa', 'bbbb', 'cccc', 'dddd'].map((value) => [{type: 'text' as const, value}])
    expect(group(parts, 2).map((g) => g.length)).toEqual([2, 2])
  })

  it('cuts a long pair into rows, the first keeping the id', () => {
    const long = (word: string): string =>
      Array.from(
        {length: 12},
        (_, i) => `${word} number ${i} is here and it is long enough to count.`
      ).join(' ')
    const alignment = h('div', {id: 'a1', className: ['alignment', 'alignment-paragraph']}, [
      h('div', {className: ['segment'], lang: 'kk'}, [
        h('a', {className: ['pilcrow']}, '1'),
        h('p', long('Сөйлем'))
      ]),
      h('div', {className: ['segment'], lang: 'en'}, [h('p', long('Sentence'))])
    ])
    const tree: Root = {type: 'root', children: [alignment]}
    splitLongPairs(tree, 200)
    const rows = tree.children as Element[]
    expect(rows.length).toBeGreaterThan(1)
    expect(rows[0]?.properties['id']).toBe('a1')
    expect(rows.slice(1).every((row) => row.properties['id'] === undefined)).toBe(true)
    expect(rows.every((row) => row.children.length === 2)).toBe(true)
  })
})

describe('fonts', () => {
  it('parses unicode ranges', () => {
    expect(parseUnicodeRange('U+0460-052F, U+20B4, U+4??')).toEqual([
      [0x460, 0x52f],
      [0x20b4, 0x20b4],
      [0x400, 0x4ff]
    ])
  })

  it('covers Kazakh, English and Chinese, and reports what it does not', async () => {
    const {coverage, css} = await fontFaces()
    expect(css).toContain('url(/fonts/noto-serif/')
    expect(
      missingGlyphs('Қазақстан әлем ұғым үлгі і ң ғ ү ұ қ ө һ — “Hi” 和谐世界', coverage)
    ).toEqual([])
    expect(missingGlyphs('\u{1F600}', coverage)).toEqual(['\u{1F600}'])
  })
})

describe('running heads', () => {
  it('shortens long titles at the colon', () => {
    expect(
      shortTitle(
        'In Pursuit of the "World Dream": The Progress and Prospects of China\'s Promotion of a Harmonious World'
      )
    ).toBe('In Pursuit of the "World Dream"')
  })
})
