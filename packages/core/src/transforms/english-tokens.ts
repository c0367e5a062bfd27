/**
 * English text as tokens, as parse-latin 7 (under retext-english) cuts it: runs
 * of letters (a word), of white space, or of one punctuation mark or symbol
 * repeated. Character classes follow parse-latin's generated expressions.
 */

/** White space, punctuation, a symbol, or a run of a word's letters. */
export interface Leaf {
  readonly kind: 'space' | 'punctuation' | 'symbol' | 'text'
  /** The characters (a quote's is replaced by its curly form once decided). */
  value: string
  /** Offset of the first character in the parsed string. */
  readonly start: number
}

/** A word: its letters and the marks merged into it. */
interface Word {
  readonly kind: 'word'
  readonly children: Leaf[]
}

export type Token = Leaf | Word

/** A sentence, or white space between sentences. */
export interface Sentence {
  readonly kind: 'sentence'
  children: Token[]
}
export type ParagraphChild = Sentence | Leaf

export type Kind = 'space' | 'punctuation' | 'symbol' | 'word'

// Character classes (parse-latin's expressions, generated from Unicode 15.0):
// Unicode properties, less the characters parse-latin does not count as punctuation
// and those Node's newer Unicode added since.
const notPunctuation = /[#%&*@\u2020\u2021\u2030\u2031\u203B\u1B4E\u1B4F\u1B7F]/
/** Letters and marks newer than parse-latin's Unicode: symbols to it. */
const newerThanParser: ReadonlyArray<readonly [number, number]> = [
  [0x088f, 0x088f],
  [0x0897, 0x0897],
  [0x0c5c, 0x0c5c],
  [0x0cdc, 0x0cdc],
  [0x1acf, 0x1add],
  [0x1ae0, 0x1aeb],
  [0x1c89, 0x1c8a],
  [0xa7cb, 0xa7cf],
  [0xa7d2, 0xa7d2],
  [0xa7d4, 0xa7d4],
  [0xa7da, 0xa7dc],
  [0xa7f1, 0xa7f1]
]
const space = /[\t-\r \u0085\p{Zs}\u2028\u2029]/u
const punctuation = /\p{P}/u
const letter = /[\p{L}\p{N}\p{M}]/u
const kinds: readonly Kind[] = ['space', 'punctuation', 'symbol', 'word']
/** Kind of each UTF-16 unit, filled as met (index into `kinds`, plus one). */
const kindOfUnit = new Uint8Array(0x10000)

/** The kind parse-latin gives one UTF-16 unit. */
export function classify(unit: number): Kind {
  let known = kindOfUnit[unit] ?? 0
  if (known === 0) {
    const newer = newerThanParser.some(([from, to]) => unit >= from && unit <= to)
    known = 1 + kinds.indexOf(newer ? 'symbol' : classifyAnew(String.fromCharCode(unit)))
    kindOfUnit[unit] = known
  }
  return kinds[known - 1] ?? 'symbol'
}

function classifyAnew(char: string): Kind {
  if (space.test(char)) return 'space'
  if (punctuation.test(char) && !notPunctuation.test(char)) return 'punctuation'
  return letter.test(char) ? 'word' : 'symbol'
}

/** The characters of a token. */
export function textOf(token: Token | Sentence): string {
  if (token.kind !== 'word' && token.kind !== 'sentence') return token.value
  let text = ''
  for (const child of token.children) text += textOf(child)
  return text
}

export const isMark = (token: Token | undefined): token is Leaf =>
  token !== undefined && (token.kind === 'punctuation' || token.kind === 'symbol')

/** Walk a list the way unist-util-modify-children does: a number returned is the next index. */
export function modify<T>(
  list: T[],
  modifier: (child: T, index: number) => number | undefined
): void {
  let index = -1
  while (++index < list.length) {
    if (index < 0) continue
    const next = modifier(list[index] as T, index)
    if (next !== undefined) index = next - 1
  }
}

/** The tokens of `value`, each word one text leaf. */
export function tokenize(value: string): Token[] {
  const tokens: Token[] = []
  let from = 0
  let previousKind: Kind | undefined
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index)
    const kind = classify(unit)
    if (
      from < index &&
      previousKind !== undefined &&
      !(
        previousKind === kind &&
        (kind === 'word' ||
          kind === 'space' ||
          unit === previous ||
          (unit >= 0xd800 && unit <= 0xdfff))
      )
    ) {
      tokens.push(token(previousKind, value.slice(from, index), from))
      from = index
    }
    previousKind = kind
    previous = unit
  }
  if (previousKind !== undefined && from < value.length)
    tokens.push(token(previousKind, value.slice(from), from))
  return tokens
}

function token(kind: Kind, value: string, start: number): Token {
  return kind === 'word'
    ? {kind: 'word', children: [{kind: 'text', value, start}]}
    : {kind, value, start}
}
