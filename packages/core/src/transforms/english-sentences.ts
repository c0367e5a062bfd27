/**
 * English text as sentences of tokens, exactly as parse-english 7 (retext-english)
 * splits it, without its tree: no positions, no unified run, no file. Only what
 * decides a quote's neighbours is kept: each token's kind and characters, which
 * marks belong to a word (`China's`, `'80s`, `rock 'n' roll`, `e.g.`, `and/or`),
 * and where sentences begin and end.
 *
 * This is a line-for-line port of parse-latin's tokenizer and of the sentence
 * and paragraph plugins of parse-latin and parse-english, in their order;
 * `test/quotes.test.ts` checks it against the real pipeline. Paragraph (root)
 * splitting is left out: it never changes what a sentence holds.
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
interface Sentence {
  readonly kind: 'sentence'
  children: Token[]
}
type ParagraphChild = Sentence | Leaf

type Kind = 'space' | 'punctuation' | 'symbol' | 'word'

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
const lowerInitial = /^(?![\u1C8A\uA7CD\uA7CF\uA7DB])[\p{Ll}\u0295]/u
const numerical = /^\p{N}+$/u
const affixSymbol = /^([!"').?\u2026\u203D\p{Pe}\p{Pf}])\1*$/u
const terminalMarker = /^([!.?\u2026\u203D]+)$/
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/
const digitStart = /^\d/
const apostrophe = /^['’]$/
const abbreviationPrefix =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/
// parse-english's generated lists.
const abbreviations =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/
const abbreviationsSensitive =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/
const elisionPrefix = /^(ol?)$/
const elisionAffix = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/

const kinds: readonly Kind[] = ['space', 'punctuation', 'symbol', 'word']
/** Kind of each UTF-16 unit, filled as met (index into `kinds`, plus one). */
const kindOfUnit = new Uint8Array(0x10000)

function classify(unit: number): Kind {
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

const isMark = (token: Token | undefined): token is Leaf =>
  token !== undefined && (token.kind === 'punctuation' || token.kind === 'symbol')

/** Walk a list the way unist-util-modify-children does: a number returned is the next index. */
function modify<T>(list: T[], modifier: (child: T, index: number) => number | undefined): void {
  let index = -1
  while (++index < list.length) {
    if (index < 0) continue
    const next = modifier(list[index] as T, index)
    if (next !== undefined) index = next - 1
  }
}

/** The sentences of `value`, in order (white space between them left out). */
export function englishSentences(value: string): Token[][] {
  const tokens = tokenize(value)
  for (const plugin of sentencePlugins) plugin(tokens)
  const paragraph: ParagraphChild[] = split(tokens)
  for (const plugin of paragraphPlugins) plugin(paragraph)
  const sentences: Token[][] = []
  for (const child of paragraph) if (child.kind === 'sentence') sentences.push(child.children)
  return sentences
}

function tokenize(value: string): Token[] {
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

/** Cut after each terminal marker (and at the end). */
function split(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = []
  let start = 0
  tokens.forEach((token, index) => {
    if (
      index === tokens.length - 1 ||
      (token.kind === 'punctuation' && terminalMarker.test(token.value))
    ) {
      sentences.push({kind: 'sentence', children: tokens.slice(start, index + 1)})
      start = index + 1
    }
  })
  return sentences
}

const sentencePlugins: ReadonlyArray<(tokens: Token[]) => void> = [
  mergeEnglishElisions,
  (tokens) =>
    modify(tokens, (child, index) => {
      // `&` starts the word after it.
      const next = tokens[index + 1]
      if (!isMark(child) || child.value !== '&') return undefined
      if ((index > 0 && tokens[index - 1]?.kind === 'word') || next?.kind !== 'word')
        return undefined
      tokens.splice(index, 1)
      next.children.unshift(child)
      return index - 1
    }),
  (tokens) =>
    modify(tokens, (child, index) => {
      // `-` ends the word before it when no word follows.
      if (index === 0 || !isMark(child) || child.value !== '-') return undefined
      const previous = tokens[index - 1]
      const next = tokens[index + 1]
      if (next?.kind === 'word' || previous?.kind !== 'word') return undefined
      tokens.splice(index, 1)
      previous.children.push(child)
      return index
    }),
  mergeInnerWordSymbols,
  (tokens) =>
    modify(tokens, (child, index) => {
      // `and/or`: short words joined by a slash.
      const previous = tokens[index - 1]
      if (previous?.kind !== 'word' || !isMark(child) || child.value !== '/') return undefined
      const queue: Leaf[] = [child]
      let count = 1
      let nextValue = ''
      const next = tokens[index + 1]
      if (next?.kind === 'word') {
        nextValue = textOf(next)
        queue.push(...next.children)
        count++
      }
      if (textOf(previous).length >= 3 || (nextValue !== '' && nextValue.length >= 3))
        return undefined
      previous.children.push(...queue)
      tokens.splice(index, count)
      return index
    }),
  mergeInitialisms
]

/** parse-english: `w/`, `o' `, `'tis`, `'80s`, `'n'` belong to their word. */
function mergeEnglishElisions(tokens: Token[]): void {
  let index = -1
  while (++index < tokens.length) {
    const child = tokens[index]
    if (!isMark(child)) continue
    const length = tokens.length
    const previous = tokens[index - 1]
    if (child.value === '/') {
      // `w/` (with).
      if (previous?.kind === 'word' && textOf(previous).toLowerCase() === 'w') {
        tokens.splice(index, 1)
        previous.children.push(child)
      }
      continue
    }
    if (!apostrophe.test(child.value)) continue
    if (
      index > 2 &&
      index < length - 1 &&
      previous?.kind === 'word' &&
      tokens[index - 2]?.kind === 'space' &&
      tokens[index + 1]?.kind === 'space' &&
      elisionPrefix.test(textOf(previous).toLowerCase())
    ) {
      tokens.splice(index, 1)
      previous.children.push(child)
      continue
    }
    const next = tokens[index + 1]
    if (index === length - 1 || next?.kind !== 'word' || (index !== 0 && previous?.kind === 'word'))
      continue
    const value = textOf(next).toLowerCase()
    const other = tokens[index + 2]
    if (elisionAffix.test(value)) {
      tokens.splice(index, 1)
      next.children.unshift(child)
    } else if (value === 'n' && other?.kind === 'punctuation' && apostrophe.test(other.value)) {
      tokens.splice(index, 1)
      tokens.splice(index + 1, 1)
      next.children.unshift(child)
      next.children.push(other)
    }
  }
}

/** Words joined by one or more inner marks (`China's`, `e.g`, `well-known`) are one word. */
function mergeInnerWordSymbols(tokens: Token[]): void {
  modify(tokens, (child, index) => {
    if (index === 0 || !isMark(child)) return undefined
    const previous = tokens[index - 1]
    if (previous?.kind !== 'word') return undefined
    let position = index - 1
    const merged: Leaf[] = []
    let queue: Leaf[] = []
    for (let sibling = tokens[++position]; sibling !== undefined; sibling = tokens[++position]) {
      if (sibling.kind === 'word') {
        merged.push(...queue, ...sibling.children)
        queue = []
      } else if (isMark(sibling) && wordSymbolInner.test(sibling.value)) queue.push(sibling)
      else break
    }
    if (merged.length === 0) return undefined
    position -= queue.length
    tokens.splice(index, position - index)
    previous.children.push(...merged)
    return index
  })
}

/** `e.g.`: a full stop after letters separated by full stops ends the initialism. */
function mergeInitialisms(tokens: Token[]): void {
  modify(tokens, (child, index) => {
    if (index === 0 || child.kind !== 'punctuation' || child.value !== '.') return undefined
    const previous = tokens[index - 1]
    if (previous?.kind !== 'word') return undefined
    const letters = previous.children
    if (letters.length === 1 || letters.length % 2 === 0) return undefined
    let position = letters.length
    let allDigits = true
    for (let other = letters[--position]; other !== undefined; other = letters[--position]) {
      if (position % 2 === 0) {
        if (other.value.length > 1) return undefined
        if (!numerical.test(other.value)) allDigits = false
      } else if (other.value !== '.') {
        if (position < letters.length - 2) break
        return undefined
      }
    }
    if (allDigits) return undefined
    tokens.splice(index, 1)
    letters.push(child)
    return index
  })
}

const sentenceAt = (paragraph: ParagraphChild[], index: number): Sentence | undefined => {
  const child = paragraph[index]
  return child?.kind === 'sentence' ? child : undefined
}

/** An abbreviation's full stop (`Mr.`, `etc.`, `5.`) does not end the sentence. */
function abbreviationMerger(
  isAbbreviation: (word: string) => boolean,
  anyMark: boolean,
  minimum: number
): (paragraph: ParagraphChild[]) => void {
  return (paragraph) =>
    modify(paragraph, (child, index) => {
      if (child.kind !== 'sentence' || child.children.length < minimum) return undefined
      const period = child.children[child.children.length - 1]
      const word = child.children[child.children.length - 2]
      if (period === undefined || period.kind === 'word' || period.value !== '.') return undefined
      if (period.kind !== 'punctuation' && !(anyMark && period.kind === 'symbol')) return undefined
      if (word?.kind !== 'word' || !isAbbreviation(textOf(word))) return undefined
      word.children.push(period)
      child.children.pop()
      const next = sentenceAt(paragraph, index + 1)
      if (next === undefined) return undefined
      child.children.push(...next.children)
      paragraph.splice(index + 1, 1)
      return index - 1
    })
}

const paragraphPlugins: ReadonlyArray<(paragraph: ParagraphChild[]) => void> = [
  abbreviationMerger(
    (word) => abbreviations.test(word.toLowerCase()) || abbreviationsSensitive.test(word),
    false,
    1
  ),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // A sentence without words joins its neighbour.
      if (child.kind !== 'sentence' || child.children.some((token) => token.kind === 'word'))
        return undefined
      const previous = sentenceAt(paragraph, index - 1)
      if (previous !== undefined) {
        previous.children.push(...child.children)
        paragraph.splice(index, 1)
        return index
      }
      const next = sentenceAt(paragraph, index + 1)
      if (next !== undefined) {
        next.children.unshift(...child.children)
        paragraph.splice(index, 1)
      }
      return undefined
    }),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // A closing mark (`"`, `)`, `.`) at a sentence's start belongs to the sentence before.
      if (child.kind !== 'sentence' || child.children.length === 0 || index === 0) return undefined
      const previous = sentenceAt(paragraph, index - 1)
      const first = child.children[0]
      if (previous === undefined || !isMark(first) || !affixSymbol.test(first.value))
        return undefined
      child.children.shift()
      previous.children.push(first)
      return index - 1
    }),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // A sentence whose first word is lower case continues the one before.
      if (child.kind !== 'sentence' || index === 0) return undefined
      const previous = sentenceAt(paragraph, index - 1)
      if (child.children.length === 0 || previous === undefined) return undefined
      for (const node of child.children) {
        if (node.kind === 'word') {
          if (!lowerInitial.test(textOf(node))) return undefined
          previous.children.push(...child.children)
          paragraph.splice(index, 1)
          return index
        }
        if (isMark(node)) return undefined
      }
      return undefined
    }),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // A sentence starting with a digit continues the one before.
      const previous = sentenceAt(paragraph, index - 1)
      if (previous === undefined || child.kind !== 'sentence') return undefined
      const head = child.children[0]
      if (head?.kind !== 'word' || !digitStart.test(textOf(head))) return undefined
      previous.children.push(...child.children)
      paragraph.splice(index, 1)
      return index
    }),
  abbreviationMerger((word) => abbreviationPrefix.test(word.toLowerCase()), true, 2),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // A sentence starting with `,` or `;` continues the one before.
      const previous = sentenceAt(paragraph, index - 1)
      if (previous === undefined || child.kind !== 'sentence' || child.children.length === 0)
        return undefined
      for (const node of child.children) {
        if (node.kind === 'word') return undefined
        if (isMark(node)) {
          if (node.value !== ',' && node.value !== ';') return undefined
          previous.children.push(...child.children)
          paragraph.splice(index, 1)
          return index
        }
      }
      return undefined
    }),
  (paragraph) => {
    for (const child of paragraph) if (child.kind === 'sentence') mergeRemainingFullStops(child)
  },
  (paragraph) => {
    // A sentence's leading white space stands between sentences.
    let index = -1
    while (++index < paragraph.length) {
      const child = paragraph[index]
      if (child?.kind !== 'sentence') continue
      const head = child.children[0]
      if (head?.kind === 'space') {
        child.children.shift()
        paragraph.splice(index, 0, head)
      }
    }
  },
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // So does its trailing white space.
      if (child.kind !== 'sentence') return undefined
      const tail = child.children[child.children.length - 1]
      if (tail?.kind !== 'space') return undefined
      child.children.pop()
      paragraph.splice(index + 1, 0, tail)
      return index
    }),
  (paragraph) =>
    modify(paragraph, (child, index) => {
      // White space with a blank line in it ends a sentence.
      if (child.kind !== 'sentence') return undefined
      const children = child.children
      for (let position = 1; position < children.length - 1; position++) {
        const node = children[position]
        if (node?.kind !== 'space' || node.value.split(/\r\n|\r|\n/).length < 3) continue
        child.children = children.slice(0, position)
        paragraph.splice(index + 1, 0, node, {
          kind: 'sentence',
          children: children.slice(position + 1)
        })
        return index + 1
      }
      return undefined
    })
]

/** Full stops that are not the sentence's last terminal mark join a word beside them. */
function mergeRemainingFullStops(sentence: Sentence): void {
  const children = sentence.children
  let position = children.length
  let foundDelimiter = false
  for (let child = children[--position]; child !== undefined; child = children[--position]) {
    if (!isMark(child)) {
      if (child.kind === 'word') foundDelimiter = true
      continue
    }
    if (!terminalMarker.test(child.value)) continue
    if (!foundDelimiter) {
      foundDelimiter = true
      continue
    }
    if (child.value !== '.') continue
    const previous = children[position - 1]
    const next = children[position + 1]
    if (previous?.kind === 'word') {
      const nextNext = children[position + 2]
      if (next?.kind === 'space' && nextNext !== undefined && textOf(nextNext) === '.') continue
      children.splice(position, 1)
      previous.children.push(child)
      position--
    } else if (next?.kind === 'word') {
      children.splice(position, 1)
      next.children.unshift(child)
    }
  }
}
