/**
 * English curly quotes: each straight `"` and `'` set as “ ” ‘ ’ exactly as
 * retext-smartypants 6 (`quotes: true`) sets it over retext-english's tokens,
 * without a unified run. A quote's side is decided by its neighbours in its
 * sentence or word (english-sentences.ts); a run of quotes (`''`) is left as is.
 * `test/quotes.test.ts` checks the result against the retext pipeline.
 */
import {englishSentences} from './english-sentences.js'
import {isMark, textOf, type Leaf, type Token} from './english-tokens.js'

const opening = {'"': '“', "'": '‘'} as const
const closing = {'"': '”', "'": '’'} as const
type Straight = keyof typeof opening

const isStraight = (value: string): value is Straight => value === '"' || value === "'"

/** `text` with its lone straight quotes curled; same length, same other characters. */
export function curlQuotes(text: string): string {
  if (!/["']/.test(text)) return text
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
