/**
 * The kind of character parse-latin 7 (under retext-english) sees: white space,
 * punctuation, a symbol, or a letter of a word. Character classes follow
 * parse-latin's generated expressions.
 */

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
