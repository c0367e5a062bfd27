/**
 * Parallel columns that stay aligned across page breaks. Paged.js splits a
 * grid row in document order: the left cell's overflow is carried over and
 * the right cell is pushed whole to the next page. So long paragraph pairs
 * are cut here, before pagination, into rows of a few sentences per side
 * (sentences shared out in proportion to their length); each row is kept
 * whole on a page (`break-inside: avoid`) and both columns of a row start at
 * the same height. The first row keeps the alignment's id and paragraph number.
 */
import type {Element, ElementContent, Root} from 'hast'

/** Characters per side above which a pair is cut into rows. */
const rowLength = 420

const classes = (element: Element): string[] => {
  const value = element.properties['className']
  return Array.isArray(value) ? value.map(String) : []
}

/** Cut inline content into sentences (elements are never split). */
export function sentences(content: ElementContent[]): ElementContent[][] {
  const result: ElementContent[][] = [[]]
  const current = (): ElementContent[] => result[result.length - 1]!
  for (const node of content) {
    if (node.type !== 'text') {
      current().push(node)
      continue
    }
    // A sentence ends with . ! ? (maybe followed by a closing quote or bracket) and a space before a capital, quote or digit.
    const parts = node.value.split(/(?<=[.!?…][»"”’)\]]?)\s+(?=[«"“‘([]?[\p{Lu}\d])/u)
    parts.forEach((part, index) => {
      if (index > 0) result.push([])
      if (part) current().push({type: 'text', value: index < parts.length - 1 ? `${part} ` : part})
    })
  }
  return result.filter((sentence) => sentence.length > 0)
}

const lengthOf = (nodes: ElementContent[]): number =>
  nodes.reduce((sum, node) => {
    if (node.type === 'text') return sum + node.value.length
    if (node.type === 'element') {
      if (classes(node).includes('footnote')) return sum + 2
      return sum + lengthOf(node.children)
    }
    return sum
  }, 0)

/** Share sentences out into `groups` groups of about equal length. */
export function group(parts: ElementContent[][], groups: number): ElementContent[][][] {
  const total = parts.reduce((sum, part) => sum + lengthOf(part), 0)
  const result: ElementContent[][][] = Array.from({length: groups}, () => [])
  let done = 0
  for (const part of parts) {
    const length = lengthOf(part)
    // The group the middle of this sentence falls in.
    const index = Math.min(
      groups - 1,
      Math.floor(((done + length / 2) / Math.max(1, total)) * groups)
    )
    result[index]!.push(part)
    done += length
  }
  return result
}

/** Cut the long paragraph pairs of a bilingual text into rows. */
export function splitLongPairs(tree: Root, maxLength = rowLength): void {
  const visit = (parent: Root | Element): void => {
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]
      if (child?.type !== 'element') continue
      if (!classes(child).includes('alignment')) {
        visit(child)
        continue
      }
      const rows = splitAlignment(child, maxLength)
      if (rows.length > 1) {
        parent.children.splice(index, 1, ...rows)
        index += rows.length - 1
      }
    }
  }
  visit(tree)
}

function splitAlignment(alignment: Element, maxLength: number): Element[] {
  if (!classes(alignment).includes('alignment-paragraph')) return [alignment]
  const segments = alignment.children.filter(
    (child): child is Element => child.type === 'element' && classes(child).includes('segment')
  )
  if (segments.length < 2) return [alignment]
  const paragraphs = segments.map((segment) =>
    segment.children.filter(
      (child): child is Element => child.type === 'element' && child.tagName === 'p'
    )
  )
  if (paragraphs.some((list) => list.length !== 1)) return [alignment]
  const sides = paragraphs.map((list) => sentences(list[0]!.children))
  const longest = Math.max(
    ...sides.map((side) => side.reduce((sum, part) => sum + lengthOf(part), 0))
  )
  const wanted = Math.ceil(longest / maxLength)
  const count = Math.min(wanted, Math.max(...sides.map((side) => side.length)))
  if (count < 2) return [alignment]
  const grouped = sides.map((side) => group(side, count))
  const rows: Element[] = []
  for (let row = 0; row < count; row++) {
    const rowSegments = segments.map((segment, side) => {
      const paragraph = paragraphs[side]![0]!
      const content = (grouped[side]![row] ?? []).flat()
      const rowParagraph: Element = {
        ...paragraph,
        properties: {
          ...paragraph.properties,
          className: [
            ...classes(paragraph),
            ...(row > 0 ? ['p-cont'] : []),
            ...(row < count - 1 ? ['p-open'] : [])
          ]
        },
        children: content
      }
      const before = row === 0 ? segment.children.filter((child) => child !== paragraph) : []
      return {
        ...segment,
        children: [...before, ...(content.length > 0 ? [rowParagraph] : [])]
      } as Element
    })
    const properties = {
      ...alignment.properties,
      className: [
        ...classes(alignment),
        'alignment-row',
        ...(row > 0 ? ['alignment-cont'] : []),
        ...(row < count - 1 ? ['alignment-open'] : [])
      ]
    }
    if (row > 0) delete properties['id']
    rows.push({...alignment, properties, children: rowSegments})
  }
  return rows
}
