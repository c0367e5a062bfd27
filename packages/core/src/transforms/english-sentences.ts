/**
 * English text as sentences of tokens, exactly as parse-english 7 (retext-english)
 * splits it, without its tree: no positions, no unified run, no file. Only what
 * decides a quote's neighbours is kept: each token's kind and characters, which
 * marks belong to a word (`China's`, `'80s`, `rock 'n' roll`, `e.g.`, `and/or`),
 * and where sentences begin and end.
 *
 * A line-for-line port of parse-latin's sentence splitting and of the paragraph
 * plugins of parse-latin and parse-english, in their order (tokens in
 * english-tokens.ts, words in english-words.ts); `test/quotes.test.ts` checks
 * it against the real pipeline. Paragraph (root)
 * splitting is left out: it never changes what a sentence holds.
 */

import {
  isMark,
  modify,
  textOf,
  tokenize,
  type ParagraphChild,
  type Sentence,
  type Token
} from './english-tokens.js'
import {mergeWordMarks} from './english-words.js'

const terminalMarker = /^([!.?\u2026\u203D]+)$/
const lowerInitial = /^(?![\u1C8A\uA7CD\uA7CF\uA7DB])[\p{Ll}\u0295]/u
const affixSymbol = /^([!"').?\u2026\u203D\p{Pe}\p{Pf}])\1*$/u
const digitStart = /^\d/
const abbreviationPrefix =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/
// parse-english's generated lists.
const abbreviations =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/
const abbreviationsSensitive =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/

/** The sentences of `value`, in order (white space between them left out). */
export function englishSentences(value: string): Token[][] {
  const tokens = tokenize(value)
  mergeWordMarks(tokens)
  const paragraph: ParagraphChild[] = split(tokens)
  for (const plugin of paragraphPlugins) plugin(paragraph)
  const sentences: Token[][] = []
  for (const child of paragraph) if (child.kind === 'sentence') sentences.push(child.children)
  return sentences
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
