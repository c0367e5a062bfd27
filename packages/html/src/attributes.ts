/**
 * `<` in attribute values. HTML allows it inside a quoted value, XML does not,
 * and a `<script>` in an attribute is still best never written raw (a title or
 * an author name comes from contributed metadata). The serializer never escapes
 * it, so it is marked before and written as `&#x3C;` after (U+FFFF, the mark,
 * is refused in the source).
 */
import type {Element, ElementContent, Nodes} from 'hast'

const MARK = '\uFFFF'

/** A copy of `node` with every `<` of every attribute value replaced by the mark. */
export function markLessThan<T extends Nodes>(node: T): T {
  if (node.type === 'root')
    return {...node, children: node.children.map((child) => markLessThan(child))}
  if (node.type !== 'element') return node
  const properties: Element['properties'] = {}
  for (const [key, value] of Object.entries(node.properties)) {
    properties[key] =
      typeof value === 'string'
        ? value.replaceAll('<', MARK)
        : Array.isArray(value)
          ? value.map((item) => (typeof item === 'string' ? item.replaceAll('<', MARK) : item))
          : value
  }
  return {
    ...node,
    properties,
    children: node.children.map((child) => markLessThan(child) as ElementContent)
  }
}

/** Serialized markup with each mark written as `&#x3C;`. */
export function unmarkLessThan(markup: string): string {
  return markup.replaceAll(MARK, '&#x3C;')
}
