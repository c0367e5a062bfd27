/**
 * Soft hyphens in the text of a hast tree, by the nearest `lang`, with the
 * rules every edition shares (`@diglot/core`'s `hyphenation-rules`): words of
 * six letters or more, three on each side, no break in a name. Names are
 * glossary names (persons, places, organisations, works, linked or not) and
 * capitalised words that do not open a sentence; headings, code, note marks,
 * page markers and links to URLs are left alone.
 *
 * `hyphenateTree` walks the tree and hands each text, with the text of its
 * block before it, to a hyphenator; it also keeps a number or an
 * abbreviation with its hyphenated suffix (`15-жұлдызы`, `ҚХР-дың`) in a
 * `nobreak` span, since the no-break hyphen U+2011 is in none of the fonts; `hyphenateScreen` is the one of the HTML
 * and EPUB editions: Kazakh only (browsers and reading systems have no Kazakh
 * dictionary; English is left to CSS `hyphens: auto` with the same limits in
 * `hyphenate-limit-chars`).
 */
import type {Element, Root, RootContent, Text} from 'hast'
import {hyphenateKazakh} from '@diglot/core'

/** Hyphenate one text in a language; `before` is the text of its block before it ('' at the block's start). */
export type TextHyphenator = (text: string, lang: string, before: string) => string

const skipTags = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'script',
  'style',
  'sup',
  'title'
])
const skipClasses = new Set([
  'pb',
  'note-mark',
  'pilcrow',
  'url',
  'toc',
  'gap-mark',
  'sic-mark',
  'term-person',
  'term-place',
  'term-organisation',
  'term-work'
])
// Elements that start a block: the text before a word is counted from their start.
const blockTags = new Set([
  'p',
  'li',
  'dd',
  'dt',
  'td',
  'th',
  'blockquote',
  'div',
  'section',
  'aside',
  'figcaption',
  'caption',
  'body'
])

/** Insert soft hyphens into the text nodes of `tree` with `hyphenate`, by the nearest `lang` (the tree's is `lang`). */
export function hyphenateTree(tree: Root | Element, lang: string, hyphenate: TextHyphenator): void {
  let before = ''
  const visit = (node: Root | Element, current: string): void => {
    const children = node.children as RootContent[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as RootContent
      if (child.type === 'text') {
        child.value = hyphenate(child.value, current, before)
        before = (before + child.value).slice(-32)
        const previous = children[index - 1]
        const suffix = /^-[\p{Ll}\u00AD]+(?![\p{L}\p{N}-])/u.exec(child.value)
        if (
          suffix &&
          previous?.type === 'element' &&
          /(?:\p{N}+|\p{Lu}{2,})$/u.test(textOf(previous))
        ) {
          // An abbreviation in an element (a glossary name, `ҚХР`) and its suffix in the text after it.
          const kept: Element = {
            type: 'element',
            tagName: 'span',
            properties: {className: ['nobreak']},
            children: [previous, {type: 'text', value: suffix[0].replace(/\u00AD/g, '')}]
          }
          const rest = child.value.slice(suffix[0].length)
          const parts = rest === '' ? [] : keptTogether(rest)
          children.splice(index - 1, 2, kept, ...parts)
          index += parts.length - 1
          continue
        }
        const parts = keptTogether(child.value)
        if (parts.length > 1) {
          children.splice(index, 1, ...parts)
          index += parts.length - 1
        }
      } else if (child.type === 'element') {
        const block = blockTags.has(child.tagName)
        if (block) before = ''
        const className = child.properties['className']
        const href = child.properties['href']
        const skip =
          skipTags.has(child.tagName) ||
          (Array.isArray(className) && className.some((name) => skipClasses.has(String(name)))) ||
          (child.tagName === 'a' && typeof href === 'string' && /^[a-z]+:/i.test(href))
        // (A page marker is not text of the sentence: the word after it follows what came before it.)
        if (skip)
          before =
            Array.isArray(className) && className.includes('pb')
              ? before
              : `${before}${textOf(child)}`.slice(-32)
        else {
          const own = child.properties['lang']
          visit(child, typeof own === 'string' ? own.toLowerCase() : current)
        }
        if (block) before = ''
      }
    }
  }
  visit(tree, lang.toLowerCase())
}

// A number or an abbreviation of capitals, a hyphen and a lower-case suffix: `15-жұлдызы`, `ҚХР-дың`, `1990-s`.
const suffixed = /(?<![\p{L}\p{N}])(?:\p{N}+|\p{Lu}{2,})-[\p{Ll}\u00AD]+(?![\p{L}\p{N}-])/gu

/** A text with every number or abbreviation and its hyphenated suffix in a `nobreak` span (one text node when none). */
function keptTogether(text: string): Array<Text | Element> {
  if (!text.includes('-')) return [{type: 'text', value: text}]
  const parts: Array<Text | Element> = []
  let last = 0
  for (const match of text.matchAll(suffixed)) {
    if (match.index > last) parts.push({type: 'text', value: text.slice(last, match.index)})
    // (No soft hyphen inside: the suffix is short, and the span may not break.)
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: {className: ['nobreak']},
      children: [{type: 'text', value: match[0].replace(/\u00AD/g, '')}]
    })
    last = match.index + match[0].length
  }
  if (parts.length === 0) return [{type: 'text', value: text}]
  if (last < text.length) parts.push({type: 'text', value: text.slice(last)})
  return parts
}

/** The text of an element (for the text before the next word). */
function textOf(node: Element): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') text += textOf(child)
  }
  return text
}

/** Soft hyphens in the Kazakh text of `tree` (the HTML and EPUB editions). */
export function hyphenateScreen(tree: Root | Element, lang: string): void {
  hyphenateTree(tree, lang, (text, current, before) =>
    current === 'kk' || current.startsWith('kk-') ? hyphenateKazakh(text, '\u00AD', before) : text
  )
}
