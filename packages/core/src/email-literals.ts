/**
 * GFM email autolink literals (`contact@example.org`) found on the tree, not
 * in the tokenizer.
 *
 * `micromark-extension-gfm-autolink-literal` tries its email construct at
 * every letter and digit of running text (its own to-do: “perform email
 * autolink literals on events, afterwards”, as cmark-gfm and markdown-rs do);
 * on our content that attempt is about a third of all parsing. The mdast side
 * (`mdast-util-gfm-autolink-literal`) already links emails on the tree with
 * its own regular expression, after parsing, so the tokenizer's attempt is
 * dropped and the tree transform does the work: the same links. What a tree
 * transform cannot know, the place in the file of the nodes it makes, is put
 * back by `placeSplitText`.
 */
import type {Parent, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import type {Processor} from 'unified'
import {withoutConstructs} from './constructs.js'
import {pointsOf} from './source-points.js'

/**
 * A unified plugin, used after `remark-gfm`: its email autolink construct is
 * removed from the parser (its tree transform links emails instead).
 */
export function remarkEmailLiteralsOnTree(this: Processor): undefined {
  const data = this.data()
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) =>
    withoutConstructs(extension, 'text', 'emailAutolink')
  )
}

/**
 * Give a place in `source` to the text and literal links that tree transforms
 * cut out of a text node (they come without one): each is looked up in the
 * source after its placed previous sibling. A piece whose source differs from
 * its value (a character reference) stays without a place, as before.
 */
export function placeSplitText(tree: Root, source: string): void {
  let pointOf: ((offset: number) => Point) | undefined
  walk(tree)

  function walk(parent: Parent): void {
    const children = parent.children as RootContent[]
    let cursor = parent.position?.start.offset
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as RootContent
      if (child.position) cursor = child.position.end.offset
      else if (cursor !== undefined)
        cursor = place(child, cursor, boundAfter(children, index, parent))
      if ('children' in child) walk(child as Parent)
    }
  }

  /** Place `node` (text, or a link of one text) at its value's next occurrence; the new cursor. */
  function place(node: RootContent, from: number, bound: number): number | undefined {
    const text = node.type === 'link' && node.children.length === 1 ? node.children[0] : node
    if (text?.type !== 'text' || text.value.length === 0) return undefined
    const at = source.indexOf(text.value, from)
    if (at < 0 || at + text.value.length > bound) return undefined
    const position = {start: point(at), end: point(at + text.value.length)}
    node.position = position
    if (text !== node) text.position = {start: {...position.start}, end: {...position.end}}
    return at + text.value.length
  }

  function point(offset: number): Point {
    pointOf ??= pointsOf(source)
    return pointOf(offset)
  }
}

/** Where the next placed sibling (or else the parent) starts: a piece cannot lie beyond it. */
function boundAfter(children: RootContent[], index: number, parent: Parent): number {
  for (let next = index + 1; next < children.length; next++) {
    const offset = (children[next] as RootContent).position?.start.offset
    if (offset !== undefined) return offset
  }
  return parent.position?.end.offset ?? Number.POSITIVE_INFINITY
}
