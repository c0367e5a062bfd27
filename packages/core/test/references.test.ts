/**
 * Reference-style links in the tree: resolved to ordinary links before the
 * safety checks, in the text and in notes, with the definition's title; the
 * definitions used are gone; glossary matching and punctuation still apply.
 */
import {describe, expect, it} from 'vitest'
import type {Link} from 'mdast'
import {all, parse, textOf} from './helpers.js'

function links(markdown: string): string[] {
  const result = parse({en: markdown}, {glossary: 'entries: []\n'})
  expect(result.messages.map((message) => message.reason)).toEqual([])
  return all<Link>(result.tree.children[0], 'link').map(
    (link) => `${textOf(link)} → ${link.url}${link.title ? ` "${link.title}"` : ''}`
  )
}

describe('reference-style links', () => {
  it('take the address and title of their definition, in full, collapsed and shortcut form', () => {
    expect(
      links('A [site][Ref], [ref][] and [REF].\n\n[ref]: https://example.org "The title"\n')
    ).toEqual([
      'site → https://example.org "The title"',
      'ref → https://example.org "The title"',
      'REF → https://example.org "The title"'
    ])
  })

  it('resolve in notes and to definitions written in notes or quotes; the first definition of a label wins', () => {
    expect(
      links(
        'Text [a][x].[^1]\n\n> [x]: https://example.org/first\n\n[^1]: A note with [b][y].\n\n    [y]: https://example.org/y\n'
      )
    ).toEqual(['a → https://example.org/first', 'b → https://example.org/y'])
  })

  it('leave no definition in the tree', () => {
    const result = parse(
      {en: 'A [site][ref].\n\n[ref]: https://example.org\n'},
      {glossary: 'entries: []\n'}
    )
    expect(all(result.tree.children[0], 'definition')).toEqual([])
    expect(all(result.tree.children[0], 'linkReference')).toEqual([])
  })
})
