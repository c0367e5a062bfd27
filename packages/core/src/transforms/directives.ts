/**
 * Turn the format's directives into Diglot nodes:
 * `:pb` → pageMarker, `:gap`/`::gap` → inlineGap/gap, `:sic` → sic, `:ed` → editorialInsertion,
 * `:lang` → langRun, `:term` → glossaryReference, `:noterm` → suppressed text,
 * `::untranslated` → placeholder, `:::editorial` → editorial. Anything else is reported.
 */
import type {Nodes, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Glossary} from '../types.js'
import type {Reporter} from '../messages.js'

type Directive = ContainerDirective | LeafDirective | TextDirective

/** Marks text whose glossary matching is suppressed (`:noterm`). */
export const NO_TERM = 'diglotNoTerm'

const known = 'pb, gap, sic, ed, lang, term, noterm, untranslated, editorial'

/** Replace every directive in `tree`. */
export function transformDirectives(tree: Root, reporter: Reporter, glossary: Glossary): void {
  const ids = new Set(glossary.children.map((entry) => entry.identifier))
  walk(tree)

  function walk(parent: Parent): void {
    const next: RootContent[] = []
    for (const child of parent.children as RootContent[]) {
      if ('children' in child) walk(child as Parent)
      if (
        child.type === 'textDirective' ||
        child.type === 'leafDirective' ||
        child.type === 'containerDirective'
      ) {
        next.push(...convert(child))
      } else next.push(child)
    }
    parent.children = next as Parent['children']
  }

  function convert(node: Directive): RootContent[] {
    const attributes = node.attributes ?? {}
    const position = node.position
    const phrasing = (node.children as PhrasingContent[]).filter(Boolean)
    const kind =
      node.type === 'textDirective' ? 'text' : node.type === 'leafDirective' ? 'leaf' : 'container'
    const where =
      kind === 'text' ? `:${node.name}` : kind === 'leaf' ? `::${node.name}` : `:::${node.name}`

    // `12:30`, `3:16`: a "name" starting with a digit, without label or attributes, is plain text.
    if (
      /^\d/.test(node.name) &&
      node.children.length === 0 &&
      Object.keys(attributes).length === 0 &&
      kind === 'text'
    ) {
      return [{type: 'text', value: `:${node.name}`, ...(position ? {position} : {})}]
    }

    switch (node.name) {
      case 'pb': {
        const n = attributes['n']
        if (kind === 'container' || !n) {
          reporter.report(
            position,
            'directive-invalid',
            `\`${where}\` needs a page number: write \`:pb{n=20}\``
          )
          return []
        }
        const marker = {
          type: 'pageMarker' as const,
          n,
          id: `page-${n.trim().replace(/\s+/g, '-')}`,
          ...(position ? {position} : {})
        }
        return kind === 'leaf'
          ? [{type: 'paragraph', children: [marker], ...(position ? {position} : {})}]
          : [marker]
      }
      case 'gap':
        if (kind === 'text')
          return [{type: 'inlineGap', children: phrasing, ...(position ? {position} : {})}]
        if (kind === 'leaf')
          return [{type: 'gap', children: phrasing, ...(position ? {position} : {})}]
        break
      case 'sic':
        if (kind === 'text')
          return [{type: 'sic', children: phrasing, ...(position ? {position} : {})}]
        break
      case 'ed':
        if (kind === 'text')
          return [{type: 'editorialInsertion', children: phrasing, ...(position ? {position} : {})}]
        break
      case 'lang': {
        if (kind !== 'text') break
        const lang = attributes['lang']
        if (!lang) {
          reporter.report(
            position,
            'directive-invalid',
            '`:lang` needs a language: write `:lang[…]{lang=zh-Hans}`'
          )
          return phrasing
        }
        if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) {
          reporter.report(
            position,
            'directive-invalid',
            `\`${lang.slice(0, 40)}\` is not a BCP 47 language tag; write e.g. \`{lang=zh-Hans}\``
          )
          return phrasing
        }
        return [
          {
            type: 'langRun',
            lang,
            explicit: true,
            children: phrasing,
            ...(position ? {position} : {})
          }
        ]
      }
      case 'term': {
        if (kind !== 'text') break
        const id = attributes['id']
        if (!id) {
          reporter.report(
            position,
            'directive-invalid',
            '`:term` needs a glossary id: write `:term[…]{id=hu-jintao}`'
          )
          return phrasing
        }
        if (!ids.has(id)) {
          reporter.report(
            position,
            'glossary-unknown-id',
            glossary.children.length === 0
              ? `\`:term\` points to \`${id}\`, but there is no glossary (glossary.yaml in the content folder is missing, empty or invalid); add it with this entry`
              : `\`:term\` points to \`${id}\`, which is not in the glossary (glossary.yaml); add the entry or fix the id`
          )
          return phrasing
        }
        const entry = glossary.children.find((item) => item.identifier === id)
        return [
          {
            type: 'glossaryReference',
            identifier: id,
            label: toText(phrasing),
            entryKind: entry?.entryKind ?? 'term',
            explicit: true,
            children: phrasing,
            ...(position ? {position} : {})
          }
        ]
      }
      case 'noterm':
        if (kind !== 'text') break
        for (const child of phrasing) markNoTerm(child)
        return phrasing
      case 'untranslated':
        if (kind === 'leaf')
          return [
            {
              type: 'untranslatedPlaceholder',
              ...(position ? {position} : {})
            } as unknown as RootContent
          ]
        break
      case 'editorial':
        if (kind === 'container')
          return [
            {type: 'editorial', children: node.children as never, ...(position ? {position} : {})}
          ]
        break
      default: {
        reporter.report(
          position,
          'directive-unknown',
          `unknown directive \`${where}\`; use one of ${known}, or write \`\\:\` for a literal colon`
        )
        return literal(node)
      }
    }
    reporter.report(
      position,
      'directive-invalid',
      `\`${where}\` cannot be used here; see docs/format.md for the forms of \`${node.name}\``
    )
    return literal(node)
  }
}

/** Keep the words of a bad directive as text, so nothing is silently lost. */
function literal(node: Directive): RootContent[] {
  const prefix = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::'
  const text: Text = {type: 'text', value: `${prefix}${node.name}`}
  if (node.type === 'containerDirective') {
    return [{type: 'paragraph', children: [text]}, ...(node.children as RootContent[])]
  }
  const children = node.children as PhrasingContent[]
  const phrasing: PhrasingContent[] =
    children.length > 0
      ? [text, {type: 'text', value: '['}, ...children, {type: 'text', value: ']'}]
      : [text]
  return node.type === 'leafDirective' ? [{type: 'paragraph', children: phrasing}] : phrasing
}

function markNoTerm(node: Nodes): void {
  node.data = {...node.data, [NO_TERM]: true} as typeof node.data
  if ('children' in node) for (const child of node.children) markNoTerm(child)
}

function toText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) =>
      'value' in node
        ? node.value
        : 'children' in node
          ? toText(node.children as PhrasingContent[])
          : ''
    )
    .join('')
}

/** Remove the `:noterm` marks once glossary matching is done (they are not part of the AST). */
export function clearNoTermMarks(node: Nodes | Parent): void {
  const data = node.data as Record<string, unknown> | undefined
  if (data && NO_TERM in data) {
    delete data[NO_TERM]
    if (Object.keys(data).length === 0) delete node.data
  }
  if ('children' in node) for (const child of node.children as Nodes[]) clearNoTermMarks(child)
}
