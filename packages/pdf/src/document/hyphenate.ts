/**
 * Build-time hyphenation for print: soft hyphens in the text of the hast,
 * English with TeX patterns (`hyphen`), Kazakh with our syllable rules.
 * Headings, URLs, code, note marks and page markers are left alone.
 */
import type {Element, Root, RootContent} from 'hast'
import {createRequire} from 'node:module'
import {hyphenateKazakh} from './kazakh-hyphenation.js'

const require = createRequire(import.meta.url)
const english = require('hyphen/en') as {hyphenateSync: (text: string, options?: {hyphenChar?: string; minWordLength?: number}) => string}

/**
 * Hyphenate one text in a language (`en`, `kk`; other languages unchanged).
 * `words` keeps the English words already hyphenated: a book repeats its
 * words, and the patterns then run once per word (`hyphenateHast` passes one per tree).
 */
export function hyphenateText(text: string, lang: string, words: Map<string, string> = new Map()): string {
  const primary = lang.toLowerCase().split('-')[0]
  if (primary === 'en') {
    // Words with digits, URLs and all-capital abbreviations are not broken.
    return text.replace(/[A-Za-z\u00C0-\u024F]{6,}/g, (word, offset: number, whole: string) => {
      if (/[A-Z].*[A-Z]/.test(word)) return word
      const before = whole.slice(Math.max(0, offset - 8), offset)
      if (/(https?:\/\/|www\.|[./@])\S*$/.test(before)) return word
      let hyphenated = words.get(word)
      if (hyphenated === undefined) {
        hyphenated = keepEdges(english.hyphenateSync(word, {hyphenChar: '\u00AD', minWordLength: 6}), 2, 3)
        words.set(word, hyphenated)
      }
      return hyphenated
    })
  }
  if (primary === 'kk') return hyphenateKazakh(text)
  return text
}

/** Drop soft hyphens that would leave fewer than `left`/`right` letters on a side. */
function keepEdges(word: string, left: number, right: number): string {
  const parts = word.split('\u00AD')
  if (parts.length < 2) return word
  let result = parts[0] ?? ''
  for (let index = 1; index < parts.length; index++) {
    const rest = parts.slice(index).join('')
    const part = parts[index] ?? ''
    result += result.length >= left && rest.length >= right ? `\u00AD${part}` : part
  }
  return result
}

const skipTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'script', 'style', 'sup'])
const skipClasses = ['pb', 'note-mark', 'pilcrow', 'url', 'toc', 'gap-mark', 'sic-mark']

/** Insert soft hyphens into every text node of a hast tree, by the nearest `lang`. */
export function hyphenateHast(tree: Root | Element, lang: string): void {
  const words = new Map<string, string>()
  const visit = (node: Root | Element, current: string): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type === 'text') child.value = hyphenateText(child.value, current, words)
      else if (child.type === 'element') {
        if (skipTags.has(child.tagName)) continue
        const className = child.properties['className']
        const classes = Array.isArray(className) ? className.map(String) : []
        if (classes.some((name) => skipClasses.includes(name))) continue
        const href = child.properties['href']
        if (child.tagName === 'a' && typeof href === 'string' && /^https?:/.test(href)) continue
        const own = child.properties['lang']
        visit(child, typeof own === 'string' ? own : current)
      }
    }
  }
  visit(tree, lang)
}
