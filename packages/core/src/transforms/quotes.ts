/**
 * English curly quotes: each straight `"` and `'` set as “ ” ‘ ’ exactly as
 * retext-smartypants 6 (`quotes: true`) sets it over retext-english's tokens;
 * a run of quotes (`''`) is left as is.
 *
 * Most quotes are settled by the characters on either side (`China's`, `"word`,
 * `word",`), with no tree: on our two works, 962 of 972 quoted strings. A text
 * with any other quote (after a full stop, a bracket, `'80s`…) goes to
 * retext-smartypants itself, whose rules need parse-english's sentences.
 * `test/quotes.test.ts` checks the neighbour rules against retext.
 */
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSmartypants from 'retext-smartypants'
import retextStringify from 'retext-stringify'
import {classify} from './english-tokens.js'

type Straight = '"' | "'"
type Curled = Readonly<Record<Straight, string>>
const opening: Curled = {'"': '“', "'": '‘'}
const closing: Curled = {'"': '”', "'": '’'}

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

const smartypants = unified()
  .use(retextEnglish)
  .use(retextSmartypants, {quotes: true, dashes: false, ellipses: false, backticks: false})
  .use(retextStringify)
  .freeze()

/** Every quote decided by retext-smartypants over parse-english's sentences and words. */
function curlBySentences(text: string): string {
  const result = String(smartypants.processSync(text))
  // (Never expected: every rule puts one character for one.)
  return result.length === text.length ? result : text
}
