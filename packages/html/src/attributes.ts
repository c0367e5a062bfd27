/**
 * `<` in attribute values. HTML allows it inside a quoted value, XML does not,
 * and a `<script>` in an attribute is still best never written raw (a title or
 * an author name comes from contributed metadata). The serializer never escapes
 * it, so it is marked before and written as `&#x3C;` after (U+FFFF, the mark,
 * is refused in the source).
 */
import type {Element, Nodes} from 'hast'

const MARK = '\uFFFF'

/** `node` with every `<` of every attribute value replaced by the mark (a copy where one changes; else `node` itself). */
export function markLessThan<T extends Nodes>(node: T): T {
  if (node.type !== 'root' && node.type !== 'element') return node
  let children: typeof node.children | undefined
  node.children.forEach((child, index) => {
    const marked = markLessThan(child)
    if (marked === child) return
    children ??= [...node.children] as typeof node.children
    children[index] = marked as (typeof node.children)[number]
  })
  let properties: Element['properties'] | undefined
  if (node.type === 'element') {
    for (const [key, value] of Object.entries(node.properties)) {
      const marked =
        typeof value === 'string' && value.includes('<')
          ? value.replaceAll('<', MARK)
          : Array.isArray(value) &&
              value.some((item) => typeof item === 'string' && item.includes('<'))
            ? value.map((item) => (typeof item === 'string' ? item.replaceAll('<', MARK) : item))
            : value
      if (marked === value) continue
      properties ??= {...node.properties}
      properties[key] = marked
    }
  }
  if (!children && !properties) return node
  return {...node, ...(children ? {children} : {}), ...(properties ? {properties} : {})}
}

/** Serialized markup with each mark written as `&#x3C;`. */
export function unmarkLessThan(markup: string): string {
  return markup.replaceAll(MARK, '&#x3C;')
}
