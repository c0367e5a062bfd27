/**
 * Build-time hyphenation for print: soft hyphens in the text of the hast,
 * English with TeX patterns (`hyphen`), Kazakh with the syllable rules of
 * `@diglot/core`, both within the shared limits (six letters or more, three
 * on each side, no break in a name; see `@diglot/html`'s `hyphenateTree`).
 */
import type {Element, Root} from 'hast'
import {createRequire} from 'node:module'
import {hyphenateKazakh, isNameByPosition, withinLimits} from '@diglot/core'
import {hyphenateTree} from '@diglot/html'

const require = createRequire(import.meta.url)
const english = require('hyphen/en') as {
  hyphenateSync: (text: string, options?: {hyphenChar?: string; minWordLength?: number}) => string
}

/**
 * Hyphenate one text in a language (`en`, `kk`; other languages unchanged).
 * `before` is the text of the block before it ('' at its start: the text opens a sentence).
 * `words` keeps the English words already hyphenated: a book repeats its
 * words, and the patterns then run once per word (`hyphenateHast` passes one per tree).
 */
export function hyphenateText(
  text: string,
  lang: string,
  before = '',
  words: Map<string, string> = new Map()
): string {
  const primary = lang.toLowerCase().split('-')[0]
  if (primary === 'en') {
    // Words with digits, URLs, all-capital abbreviations and names are not broken.
    return text.replace(/[A-Za-z\u00C0-\u024F]{6,}/g, (word, offset: number, whole: string) => {
      if (/[A-Z].*[A-Z]/.test(word)) return word
      const context =
        offset >= 24 ? whole.slice(offset - 24, offset) : before.slice(-24) + whole.slice(0, offset)
      if (/(https?:\/\/|www\.|[./@])\S*$/.test(context)) return word
      if (isNameByPosition(word, context)) return word
      let hyphenated = words.get(word)
      if (hyphenated === undefined) {
        hyphenated = keepLimits(
          english.hyphenateSync(word, {hyphenChar: '\u00AD', minWordLength: 6})
        )
        words.set(word, hyphenated)
      }
      return hyphenated
    })
  }
  if (primary === 'kk') return hyphenateKazakh(text, '\u00AD', before)
  return text
}

/** Drop the soft hyphens of a word that the shared limits do not allow. */
function keepLimits(word: string): string {
  const parts = word.split('\u00AD')
  if (parts.length < 2) return word
  const breaks: number[] = []
  let at = 0
  for (const part of parts.slice(0, -1)) {
    at += part.length
    breaks.push(at)
  }
  const letters = parts.join('')
  const kept = new Set(withinLimits(breaks, letters.length))
  let result = ''
  let index = 0
  for (const part of parts) {
    if (index > 0 && kept.has(index)) result += '\u00AD'
    result += part
    index += part.length
  }
  return result
}

/** Insert soft hyphens into every text node of a hast tree, by the nearest `lang`. */
export function hyphenateHast(tree: Root | Element, lang: string): void {
  const words = new Map<string, string>()
  hyphenateTree(tree, lang, (text, current, before) => hyphenateText(text, current, before, words))
}
