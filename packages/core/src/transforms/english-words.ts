/**
 * parse-latin's and parse-english's sentence plugins, in their order: marks
 * that belong to a word join it (`China's`, `'80s`, `rock 'n' roll`, `w/`,
 * `and/or`, `e.g.`, `&c`, `half-`).
 */
import {isMark, modify, textOf, type Leaf, type Token} from './english-tokens.js'

const numerical = /^\p{N}+$/u
const wordSymbolInner = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/
const apostrophe = /^['’]$/
const elisionPrefix = /^(ol?)$/
const elisionAffix = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/

/** Merge the marks of each word into it (in place). */
export function mergeWordMarks(tokens: Token[]): void {
  for (const plugin of sentencePlugins) plugin(tokens)
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
