/**
 * Reference-style links and images resolved to their definitions, as
 * CommonMark reads them: `[text][ref]`, `[text][]` and `[text]` with
 * `[ref]: url "title"` anywhere in the file become ordinary links and images
 * (the first definition of a label wins, as in mdast-util-definitions), so the
 * later checks treat them like inline ones: the link schemes, `#fragment`
 * targets and the refusal of images. A definition that no reference uses is
 * left in place, and `checkTree` reports it (it would not be shown).
 *
 * Runs on the parsed file before `checkTree`; the walk is iterative, so it
 * cannot overflow the stack on a deep tree the limits refuse afterwards.
 */
import type {Definition, Image, Link, Nodes, Parent, Root, RootContent} from 'mdast'
import type {Reporter} from '../messages.js'

/** The definitions of a file that no reference uses, and the duplicates, with the first definition of their label. */
export interface UnusedDefinition {
  node: Definition
  /** The definition of the same label that is used instead (a duplicate label). */
  first?: Definition | undefined
}

/**
 * Replace every `linkReference` by a `link` and every `imageReference` by an
 * `image`, and remove the definitions they used. Returns what is left unused.
 */
export function resolveReferences(tree: Root): UnusedDefinition[] {
  const definitions = new Map<string, Definition>()
  const all: Definition[] = []
  walk(tree, (node) => {
    if (node.type !== 'definition') return
    all.push(node)
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  if (all.length === 0) return []

  const used = new Set<Definition>()
  walk(tree, (node, parent, index) => {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return
    const definition = definitions.get(node.identifier)
    if (!definition || !parent) return
    used.add(definition)
    const common = {
      url: definition.url,
      ...(definition.title ? {title: definition.title} : {}),
      ...(node.position ? {position: node.position} : {})
    }
    const resolved: Link | Image =
      node.type === 'linkReference'
        ? {type: 'link', ...common, children: node.children}
        : {type: 'image', ...common, alt: node.alt ?? ''}
    ;(parent.children as RootContent[])[index] = resolved
  })

  // Remove the used definitions (their text is shown at each reference).
  walk(tree, (node) => {
    if ('children' in node) {
      const parent = node as Parent
      if (parent.children.some((child) => child.type === 'definition' && used.has(child))) {
        parent.children = parent.children.filter(
          (child) => !(child.type === 'definition' && used.has(child))
        )
      }
    }
  })
  return all
    .filter((node) => !used.has(node))
    .map((node) => ({
      node,
      first:
        definitions.get(node.identifier) === node ? undefined : definitions.get(node.identifier)
    }))
}

/** Visit every node, parents before children, without recursion. */
function walk(
  tree: Root,
  visitor: (node: Nodes, parent: Parent | undefined, index: number) => void
): void {
  const stack: Array<{node: Nodes; parent: Parent | undefined; index: number}> = [
    {node: tree, parent: undefined, index: 0}
  ]
  while (stack.length > 0) {
    const {node, parent, index} = stack.pop() as {
      node: Nodes
      parent: Parent | undefined
      index: number
    }
    visitor(node, parent, index)
    // The visitor may have replaced the node: descend into what is there now.
    const current = parent ? ((parent.children as Nodes[])[index] ?? node) : node
    if ('children' in current) {
      const children = (current as Parent).children as Nodes[]
      for (let child = children.length - 1; child >= 0; child--)
        stack.push({node: children[child] as Nodes, parent: current as Parent, index: child})
    }
  }
}

/** Report a definition that would not be shown: no reference uses it, or its label is defined before. */
export function reportUnusedDefinition(
  node: Definition,
  first: Definition | undefined,
  reporter: Reporter
): void {
  const label = node.label ?? node.identifier
  if (first) {
    reporter.report(
      node.position?.start,
      'definition-unsupported',
      `\`[${label}]\` is defined a second time (first at line ${first.position?.start.line ?? '?'}), and only the first is used; remove this one, or write \`\\[${label}]: …\` to keep the text`
    )
    return
  }
  reporter.report(
    node.position?.start,
    'definition-unsupported',
    `\`[${label}]: …\` is read as a link definition that no \`[text][${label}]\` uses, so it would not be shown; for a note write \`[^${label}]: …\`, to keep the text write \`\\[${label}]: …\``
  )
}
