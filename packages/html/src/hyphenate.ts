/**
 * On-screen hyphenation: soft hyphens in the Kazakh text of a hast tree
 * (browsers and reading systems have no Kazakh dictionary), from the syllable
 * rules of `@diglot/core`. English is left to CSS `hyphens: auto` with
 * `lang="en"`. Headings, code, names, note marks, page markers and links to
 * URLs are left alone.
 */
import type {Element, Root, RootContent} from 'hast'
import {hyphenateKazakh} from '@diglot/core'

const skipTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'script', 'style', 'sup', 'title'])
// Names are not broken (persons, places, organisations), linked or not.
const skipClasses = new Set(['pb', 'note-mark', 'pilcrow', 'url', 'gap-mark', 'sic-mark', 'term-person', 'term-place', 'term-organisation'])

/** Insert soft hyphens into the Kazakh text nodes of `tree` (by the nearest `lang`; `lang` is the tree's). */
export function hyphenateScreen(tree: Root | Element, lang: string): void {
  const visit = (node: Root | Element, current: string): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type === 'text') {
        if (current === 'kk' || current.startsWith('kk-')) child.value = hyphenateKazakh(child.value)
      } else if (child.type === 'element') {
        if (skipTags.has(child.tagName)) continue
        const className = child.properties['className']
        if (Array.isArray(className) && className.some((name) => skipClasses.has(String(name)))) continue
        const href = child.properties['href']
        if (child.tagName === 'a' && typeof href === 'string' && /^[a-z]+:/i.test(href)) continue
        const own = child.properties['lang']
        visit(child, typeof own === 'string' ? own.toLowerCase() : current)
      }
    }
  }
  visit(tree, lang.toLowerCase())
}
