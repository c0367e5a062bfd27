/**
 * Link the forms of glossary entries found in text to their entries
 * (`glossaryReference`, automatic). Text inside `:noterm`, links, explicit
 * references and code is left alone.
 */
import type {Parent, PhrasingContent, RootContent, Text} from 'mdast'
import type {GlossaryReference, LanguageTag} from '../types.js'
import type {GlossaryMatcher} from '../glossary.js'
import {NO_TERM} from './directives.js'

const skip = new Set([
  'glossaryReference',
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'inlineGap',
  'gap'
])

/** Find glossary forms under `parent` (in place), using the language of each text. */
export function linkGlossaryTerms(
  parent: Parent,
  lang: LanguageTag,
  matcherFor: (lang: LanguageTag) => GlossaryMatcher
): void {
  visit(parent, lang)

  function visit(node: Parent, context: LanguageTag): void {
    const next: RootContent[] = []
    for (const child of node.children as RootContent[]) {
      if (skip.has(child.type)) {
        next.push(child)
        continue
      }
      if (child.type === 'text') {
        next.push(...link(child, context))
        continue
      }
      if ('children' in child)
        visit(child as Parent, child.type === 'langRun' ? child.lang : context)
      next.push(child)
    }
    node.children = next as Parent['children']
  }

  function link(node: Text, context: LanguageTag): PhrasingContent[] {
    if ((node.data as Record<string, unknown> | undefined)?.[NO_TERM]) return [node]
    const matches = matcherFor(context)(node.value)
    if (matches.length === 0) return [node]
    const result: PhrasingContent[] = []
    let index = 0
    for (const match of matches) {
      if (match.start > index)
        result.push({type: 'text', value: node.value.slice(index, match.start)})
      const label = node.value.slice(match.start, match.end)
      const reference: GlossaryReference = {
        type: 'glossaryReference',
        identifier: match.entry.identifier,
        label,
        entryKind: match.entry.entryKind,
        explicit: false,
        children: [{type: 'text', value: label}]
      }
      result.push(reference)
      index = match.end
    }
    if (index < node.value.length) result.push({type: 'text', value: node.value.slice(index)})
    return result
  }
}
