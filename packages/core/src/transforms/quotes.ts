/**
 * English curly quotes: each straight `"` and `'` set as “ ” ‘ ’ exactly as
 * retext-smartypants 6 (`quotes: true`) sets it over retext-english's tokens,
 * without a unified run; a run of quotes (`''`) is left as is.
 *
 * Most quotes are settled by the characters on either side (`China's`, `"word`,
 * `word",`); a text with any other quote (after a full stop, a bracket, a dash…)
 * is cut into sentences as parse-english cuts it (english-sentences.ts) and each
 * quote decided by its neighbouring tokens, rule for rule as smartypants does.
 * `test/quotes.test.ts` checks the result against the retext pipeline.
 */
import {englishSentences} from './english-sentences.js'
import {classify, isMark, textOf, type Leaf, type Token} from './english-tokens.js'

type Straight = '"' | "'"
type Curled = Readonly<Record<Straight, string>>
const opening: Curled = {'"': '“', "'": '‘'}
const closing: Curled = {'"': '”', "'": '’'}

const isStraight = (value: string): value is Straight => value === '"' || value === "'"

/** `text` with its lone straight quotes curled; same length, same other characters. */
export function curlQuotes(text: string): string {
  const quote = /["']/g
  let result = ''
  let copied = 0
  for (let match = quote.exec(text); match !== null; match = quote.exec(text)) {
    const side = sideByNeighbours(text, match.index)
    if (side === undefined) return curlBySentences(text)
    result += text.slice(copied, match.index) + side[match[0] as Straight]
    copied = match.index + 1
  }
  return copied === 0 ? text : result + text.slice(copied)
}

/**
 * Marks no rule of parse-latin moves, merges into a word or ends a sentence at:
 * opening brackets and quotes, en and em dashes, U+FFFC (code, a bare address).
 */
const neutralBefore = /[\p{Ps}\p{Pi}\u2013\u2014\uFFFC]/u

/**
 * The side of the quote at `index` when the characters beside it settle it,
 * whatever the sentence around it (a letter is any of parse-latin's word characters):
 * - before a space or at the end (and not after the same quote): closing, as no
 *   rule opens a quote that no word follows;
 * - after a letter, before a letter or a mark other than a quote: closing (the
 *   quote sits inside the word, or follows it in its sentence);
 * - after a space, an opening bracket or quote, a dash, or at the start, before a
 *   letter other than a digit (`'80s`): opening; except `'` before `s` after a
 *   space or at the start (`'s` opening a sentence closes).
 */
function sideByNeighbours(text: string, index: number): Curled | undefined {
  const quote = text.charAt(index)
  const previous = text.charAt(index - 1)
  const next = text.charAt(index + 1)
  const before = previous === '' ? 'start' : classify(previous.charCodeAt(0))
  const after = next === '' ? 'end' : classify(next.charCodeAt(0))
  if (after === 'space' || after === 'end') return previous === quote ? undefined : closing
  if (before === 'word') return next === '"' || next === "'" ? undefined : closing
  if (after !== 'word' || (next >= '0' && next <= '9')) return undefined
  if (before === 'space' || before === 'start')
    return next === 's' && quote === "'" ? undefined : opening
  return neutralBefore.test(previous) ? opening : undefined
}

/** Every quote decided by its neighbours in its sentence or word. */
function curlBySentences(text: string): string {
  const characters = text.split('')
  let changed = false
  const set = (leaf: Leaf, value: string): void => {
    leaf.value = value
    characters[leaf.start] = value
    changed = true
  }
  for (const sentence of englishSentences(text)) {
    decideAll(sentence)
    for (const token of sentence) if (token.kind === 'word') decideAll(token.children)
  }
  return changed ? characters.join('') : text

  function decideAll(siblings: ReadonlyArray<Token>): void {
    siblings.forEach((node, index) => {
      if (isMark(node) && isStraight(node.value)) decide(node, node.value, index, siblings)
    })
  }

  /** retext-smartypants' `quotesDefault`, rule for rule. */
  function decide(
    node: Leaf,
    value: Straight,
    index: number,
    siblings: ReadonlyArray<Token>
  ): void {
    const previous = siblings[index - 1]
    const next = siblings[index + 1]
    const nextNext = siblings[index + 2]
    const nextValue = next === undefined ? '' : textOf(next)
    if (isMark(next) && nextNext?.kind !== 'word') set(node, closing[value])
    else if (isMark(next) && isStraight(nextValue) && nextNext?.kind === 'word') {
      // `"'Quoted' words"`: both open.
      set(node, opening[value])
      set(next, opening[nextValue])
    } else if (next !== undefined && /^\d\ds$/.test(nextValue)) set(node, closing[value])
    else if ((previous?.kind === 'space' || isMark(previous)) && next?.kind === 'word')
      set(node, opening[value])
    else if (previous !== undefined && previous.kind !== 'space' && !isMark(previous))
      set(node, closing[value])
    else if (next === undefined || next.kind === 'space' || (value === "'" && nextValue === 's'))
      set(node, closing[value])
    else set(node, opening[value])
  }
}
