/**
 * English curly quotes are set by a hand-written pass (src/transforms/quotes.ts)
 * that must give exactly the characters retext-english + retext-smartypants gave.
 * Both run here over every English block of both works, the glossary and
 * work.yaml strings, every line and paragraph of the content's Markdown,
 * thousands of generated strings, and hand-written hard cases.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSmartypants from 'retext-smartypants'
import retextStringify from 'retext-stringify'
import {readContent} from '../src/fs.js'
import {curlQuotes} from '../src/transforms/quotes.js'
import {repoRoot} from './helpers.js'

/** Every string the parser hands to curlQuotes while reading the real content. */
const handed = vi.hoisted(() => new Set<string>())
vi.mock('../src/transforms/quotes.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/transforms/quotes.js')>()
  return {
    ...real,
    curlQuotes: (text: string): string => {
      handed.add(text)
      return real.curlQuotes(text)
    }
  }
})

const retext = unified()
  .use(retextEnglish)
  .use(retextSmartypants, {quotes: true, dashes: false, ellipses: false, backticks: false})
  .use(retextStringify)
  .freeze()

/** The retext pipeline the hand-written pass replaces. */
const viaRetext = (text: string): string => String(retext.processSync(text))

/** Inputs whose two results differ, with both results (empty when all agree). */
function disagreements(
  inputs: Iterable<string>
): Array<{input: string; retext: string; ours: string}> {
  const found: Array<{input: string; retext: string; ours: string}> = []
  for (const input of inputs) {
    const expected = viaRetext(input)
    const actual = curlQuotes(input)
    if (actual !== expected) found.push({input, retext: expected, ours: actual})
  }
  return found
}

const contentDir = path.join(repoRoot, 'content')

/** Every line, and every blank-line-separated paragraph, of the content's Markdown. */
function markdownPieces(): string[] {
  const pieces: string[] = []
  for (const work of readdirSync(contentDir, {withFileTypes: true})) {
    if (!work.isDirectory()) continue
    for (const file of readdirSync(path.join(contentDir, work.name))) {
      if (!/\.(md|yaml)$/.test(file)) continue
      const text = readFileSync(path.join(contentDir, work.name, file), 'utf8')
      pieces.push(...text.split('\n'), ...text.split(/\n\s*\n/))
    }
  }
  const glossary = readFileSync(path.join(contentDir, 'glossary.yaml'), 'utf8')
  pieces.push(...glossary.split('\n'))
  return pieces.filter((piece) => /["']/.test(piece))
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pieces = [
  ...['China', 's', 'n', 'o', 'ol', 'tis', 'twas', 'em', 'cause', '80s', '80', '1990', 'e', 'g'],
  ...['Mr', 'Dr', 'etc', 'al', 'i', 'a', 'rock', 'roll', 'and', 'or', 'He', 'said', 'w', 'Қазақ'],
  ...['é', 'Jun', 'x', 'B', '5', 'cf', 'dogs', 'Ibid', 'mid', 'I', 'W'],
  ...[' ', ' ', ' ', '  ', '\n', '\n\n', ' \n ', '\t', '\u00A0', '\uFFFC'],
  ...['.', '.', ',', ';', ':', '!', '?', '...', '…', '(', ')', '[', ']', '{', '}', '-', '--'],
  ...['—', '–', '/', '&', '_', '@', '#', '*', '%', '‽', '»', '«', '·', '=', '😀', '©'],
  ...['"', '"', '"', '"', "'", "'", "'", "'", "'", '“', '”', '‘', '’', '`']
]

/** `count` strings of random pieces; `spacing` is the chance of a space between two pieces. */
function generated(count: number, seed: number, spacing: number): string[] {
  const next = random(seed)
  const strings: string[] = []
  for (let index = 0; index < count; index++) {
    const length = 1 + Math.floor(next() * 24)
    let text = ''
    for (let part = 0; part < length; part++) {
      if (part > 0 && next() < spacing) text += ' '
      text += pieces[Math.floor(next() * pieces.length)]
    }
    strings.push(text)
  }
  return strings
}

/** Prose-like strings: words and spaces, quotes and marks glued to the words, one quote or many. */
function prose(count: number, seed: number, quotesAtMost: number): string[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const words = ['the', 'China', 's', 'world', '80s', 'I', 'n', 'tis', 'Mr', 'a', 'Қазақ', 'x2']
  const marks = ['', '', '', '.', ',', ';', ':', '!', '?', ')', '(', '[', '—', '–', '-', '…']
  marks.push('\uFFFC', '/', '“', '«', '»', '&')
  const strings: string[] = []
  for (let index = 0; index < count; index++) {
    let quotes = 0
    const parts: string[] = []
    for (let part = 0, length = 1 + Math.floor(next() * 12); part < length; part++) {
      const quote = (): string => {
        if (quotes >= quotesAtMost || next() >= 0.3) return ''
        quotes++
        return pick(['"', "'"])
      }
      const mark = (): string => (next() < 0.3 ? pick(marks) : '')
      parts.push(
        mark() +
          quote() +
          mark() +
          pick(words) +
          quote() +
          pick(words).slice(0, next() < 0.2 ? 9 : 0) +
          mark() +
          quote() +
          mark()
      )
    }
    strings.push(parts.join(pick([' ', ' ', ' ', '\n', '  ', '\u00A0'])))
  }
  return strings
}

const handWritten = [
  `He called it "a harmonious world" and 'the dream'.`,
  `China's rise in the '80s was the world's news.`,
  `the dogs' bowls, the boss's desk, rock 'n' roll, 'tis, 'twas, o' the, ol' man`,
  `He said, "'Quoted' words in a larger quote."`,
  `"Hello," she said. "Goodbye." 'Yes.' "No!" "Why?" 'Well...'`,
  `"Yes." He left. "no." then "5." and "Mr." Smith`,
  `'s and 's. and ' s, '80s, '80, '90s'`,
  `("quoted") ["quoted"] {'quoted'} — "dash" – 'dash'`,
  `w/'ol w/'s W/'5 and/'or a/b' "w/"x`,
  `a-'b a-'s a'-b a'- b "a/b" "&b" a-" a."b e.g."x" i.e.'y'`,
  `"\uFFFC" '\uFFFC' \uFFFC"x" x"\uFFFC`,
  `line one "\nline two" '\n\nthree'`,
  `""double"" ''single'' "'" '"' "' '" `,
  `"`,
  `'`,
  `x'`,
  `'x`,
  `. "x`,
  `."x`,
  `x.' Y`,
  `x." y`,
  `Jan. "x" Mr. 'y' etc. "z" 5. 'w'`,
  `He wrote "the 1990s" and 'the '90s' and "'90s"`,
  `“already” ‘curly’ and "straight" with ’ and '’`,
  `Жұмыс "Қазақ" 'тілі' and "Qazaq's" É'x`
]

describe('curlQuotes gives exactly the characters retext-smartypants gave', () => {
  it('on every English block, glossary form and note, and work.yaml string of both works', async () => {
    handed.clear()
    const result = await readContent(contentDir)
    expect(result.messages.filter((message) => message.fatal === true)).toEqual([])
    expect(handed.size).toBeGreaterThan(100)
    expect(disagreements(handed)).toEqual([])
  })

  it('on every line and paragraph of the content files', () => {
    const inputs = markdownPieces()
    expect(inputs.length).toBeGreaterThan(100)
    expect(disagreements(inputs)).toEqual([])
  })

  it('on generated strings of words, digits, spaces, marks, brackets, dashes, newlines and quotes', () => {
    expect(disagreements(generated(3000, 16, 0))).toEqual([])
    expect(disagreements(generated(3000, 19, 0.5))).toEqual([])
  })

  it('on generated prose with one quote, and with several', () => {
    expect(disagreements(prose(3000, 23, 1))).toEqual([])
    expect(disagreements(prose(3000, 29, 4))).toEqual([])
  })

  it('on hand-written hard cases', () => {
    expect(disagreements(handWritten)).toEqual([])
    expect(curlQuotes(`China's rise in the '80s, rock 'n' roll, "'Quoted' words"`)).toBe(
      'China’s rise in the ’80s, rock ‘n’ roll, “‘Quoted’ words”'
    )
  })
})
