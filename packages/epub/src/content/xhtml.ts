/** XHTML for the EPUB: serialization, language tags, escaping. */
import {markLessThan, unmarkLessThan} from '@diglot/html'
import type {ElementContent, Nodes, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'

/**
 * Serialize hast as XHTML. HTML allows a raw `<` in an attribute value, XML does
 * not (a title `a < b` in the cover's `alt` made the EPUB unreadable): it is
 * written `&#x3C;`. (U+FFFF marks it during serialization: no source may hold it.)
 */
export const xhtml = (tree: Nodes): string =>
  unmarkLessThan(
    toHtml(markLessThan(tree), {
      closeSelfClosing: true,
      tightSelfClosing: false,
      allowDangerousCharacters: false,
      characterReferences: {useNamedReferences: false}
    })
  )

/** Text with its Han runs tagged `zh-Hans` (for plain strings from the metadata and the glossary). */
export function tagged(text: string): ElementContent[] {
  const parts: ElementContent[] = []
  let last = 0
  for (const match of text.matchAll(
    /\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff01-\uff60]*/gu
  )) {
    const at = match.index ?? 0
    if (at > last) parts.push({type: 'text', value: text.slice(last, at)})
    parts.push(h('span', {lang: 'zh-Hans'}, match[0]))
    last = at + match[0].length
  }
  if (last < text.length) parts.push({type: 'text', value: text.slice(last)})
  return parts
}

/** Give every element with `lang` the same `xml:lang` (XHTML content documents want both). */
export function withXmlLang(node: HastRoot | ElementContent): void {
  if (node.type === 'element') {
    const lang = node.properties['lang']
    if (typeof lang === 'string') node.properties['xmlLang'] = lang
  }
  if ('children' in node) for (const child of node.children) withXmlLang(child as ElementContent)
}

/** Escape text for XML. */
export function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
