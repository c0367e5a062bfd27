/**
 * Block content written as spans, for a note that must sit inside a line of
 * text (the print edition's page-foot notes sit at their call, inside a `<p>`).
 * An HTML parser ends a `<p>` at a `<ul>`, `<blockquote>` or `<table>`, so a
 * note's list or quote left as such would print in the body, not at the page
 * foot. Each block element becomes a `span` with the class `note-<tag>` (a
 * paragraph keeps `note-p`), and the print styles give it its block display.
 */
import type {Element, ElementContent} from 'hast'

/** Block elements a note may hold (Markdown's blocks), and their classes. */
const blockClass: Readonly<Record<string, string>> = {
  p: 'note-p',
  blockquote: 'note-blockquote',
  ul: 'note-ul',
  ol: 'note-ol',
  li: 'note-li',
  table: 'note-table',
  thead: 'note-thead',
  tbody: 'note-tbody',
  tr: 'note-tr',
  th: 'note-th',
  td: 'note-td',
  h1: 'note-h',
  h2: 'note-h',
  h3: 'note-h',
  h4: 'note-h',
  h5: 'note-h',
  h6: 'note-h',
  hr: 'note-hr',
  div: 'note-div',
  aside: 'note-div',
  pre: 'note-pre'
}

/** `nodes` with every block element, at any depth, written as a span of its class. */
export function blockSpans(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.map((node) => (node.type === 'element' ? blockSpan(node) : node))
}

function blockSpan(element: Element): Element {
  const children = blockSpans(element.children)
  const name = blockClass[element.tagName]
  if (name === undefined) return {...element, children}
  const {start, ...properties} = element.properties
  const existing = Array.isArray(properties['className']) ? properties['className'] : []
  const style =
    element.tagName === 'ol'
      ? `counter-reset: list-item ${typeof start === 'number' ? start - 1 : 0}`
      : undefined
  return {
    ...element,
    tagName: 'span',
    properties: {
      ...properties,
      className: [name, ...existing.filter((value) => value !== name)],
      ...(style ? {style} : {})
    },
    children
  }
}
