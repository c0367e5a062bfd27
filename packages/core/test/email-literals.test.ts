/**
 * Bare email addresses (GFM email autolink literals) become mailto links with
 * their place in the file, found on the tree after parsing rather than tried
 * at every letter by the tokenizer.
 */
import {describe, expect, it} from 'vitest'
import type {Link} from 'mdast'
import {all, parse, textOf} from './helpers.js'

function emailLinks(markdown: string): Array<{text: string; url: string; at: string}> {
  const result = parse({en: markdown}, {glossary: 'entries: []\n'})
  expect(result.messages.map((message) => message.reason)).toEqual([])
  return all<Link>(result.tree.children[0], 'link').map((link) => ({
    text: textOf(link),
    url: link.url,
    at: `${link.position?.start.line}:${link.position?.start.column}-${link.position?.end.column}`
  }))
}

describe('email autolink literals', () => {
  it('link a bare address, in its place, with the sentence’s full stop left outside', () => {
    expect(emailLinks('Write to the editor.\n\nEmail: wangqiang@ciis.org.cn.')).toEqual([
      {text: 'wangqiang@ciis.org.cn', url: 'mailto:wangqiang@ciis.org.cn', at: '3:8-29'}
    ])
  })

  it('link an address inside emphasis, and leave words with an @ that is no address alone', () => {
    expect(emailLinks('*a.b-c_d@example.org* and x@y or @home.')).toEqual([
      {text: 'a.b-c_d@example.org', url: 'mailto:a.b-c_d@example.org', at: '1:2-21'}
    ])
  })

  it('leave code alone', () => {
    expect(emailLinks('`a@example.org` stays code.')).toEqual([])
  })
})
