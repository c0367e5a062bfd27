/** The text of the print document: the shared hast, adjusted for Paged.js. */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'

/**
 * Adjust the text's hast for Paged.js (its notes and heading alignments are
 * the print handlers' already, `handlers.ts`): headings are named for the
 * bookmarks (without the source page markers in them), URLs may break anywhere.
 */
export function prepareText(tree: HastRoot, pageMarkers: WeakSet<Element>): void {
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      // (A note, as the print handler made it, is left as it is.)
      if (child.properties['dataNoteId'] !== undefined) continue
      if (/^h[1-6]$/.test(child.tagName)) {
        // Bookmarks take the heading's name, without source page markers or line breaks.
        const label = textOf({
          ...child,
          children: child.children.filter(
            (grandchild) => !(grandchild.type === 'element' && pageMarkers.has(grandchild))
          )
        })
          .replace(/\s+/g, ' ')
          .trim()
        child.properties['ariaLabel'] = label
      }
      visit(child)
    }
  }
  visit(tree)
  wrapUrls(tree)
}

/** Put URLs in `span.url` so that they may break anywhere instead of stretching a justified line. */
function wrapUrls(node: HastRoot | Element): void {
  const pattern = /(?:https?:\/\/|www\.)[^\s)\]>»”"]+[^\s)\]>»”".,;:]/g
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index]
    if (!child) continue
    if (child.type === 'element') {
      if (child.tagName !== 'a' || !String(child.properties['href'] ?? '').startsWith('http'))
        wrapUrls(child)
      else child.properties['className'] = [...classList(child), 'url']
      continue
    }
    if (child.type !== 'text' || !pattern.test(child.value)) continue
    pattern.lastIndex = 0
    const parts: ElementContent[] = []
    let last = 0
    for (const match of child.value.matchAll(pattern)) {
      if (match.index > last)
        parts.push({type: 'text', value: child.value.slice(last, match.index)})
      parts.push(h('span', {className: ['url']}, match[0]))
      last = match.index + match[0].length
    }
    if (last < child.value.length) parts.push({type: 'text', value: child.value.slice(last)})
    node.children.splice(index, 1, ...(parts as typeof node.children))
    index += parts.length - 1
  }
}

function classList(element: Element): string[] {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}

/** The text of a hast node. */
export function textOf(node: HastRoot | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'root' || node.type === 'element')
    return node.children.map((child) => textOf(child as ElementContent)).join('')
  return ''
}
