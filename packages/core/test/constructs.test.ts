/**
 * Parsing a text that cannot hold a GFM table without trying one at every
 * line gives the same tree as the full parser; a text that may hold one
 * (a `|`, or `:-`/`-:` in a delimiter row) keeps the table construct.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {mayHoldTable} from '../src/constructs.js'
import {markdownProcessor, parseMarkdown} from '../src/parse-markdown.js'

const content = path.resolve(import.meta.dirname, '../../../content')
const languageFiles = readdirSync(content, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(path.join(content, entry.name))
      .filter((name) => /^[a-z]{2}(-[A-Za-z]+)?\.md$/.test(name))
      .map((name) => path.join(content, entry.name, name))
  )

const cases = [
  'a\n---',
  'a\n===',
  'a\n- b',
  '---\ntitle: x\n---\ntext',
  '* * *',
  'a - b -- c --- d',
  'Heading\n-------\n\ntext',
  '> a\n> ---',
  '- a\n  ---\n- b',
  '```\n---\n```',
  ':::note\n---\n:::',
  'a\\\n---',
  'term: definition - with hyphens'
]

describe('parsing without the table construct', () => {
  it('gives the full parser’s tree for every text that cannot hold a table', () => {
    const processor = markdownProcessor()
    const texts = [...languageFiles.map((file) => readFileSync(file, 'utf8')), ...cases]
    expect(languageFiles.length).toBeGreaterThanOrEqual(3)
    for (const text of texts) {
      expect(mayHoldTable(text)).toBe(false)
      expect(parseMarkdown(processor, text)).toEqual(processor.parse(text))
    }
  })

  it('keeps tables wherever a delimiter row may be: with pipes, or with colons and no pipe', () => {
    const processor = markdownProcessor()
    for (const text of ['| a | b |\n|---|---|\n| 1 | 2 |', 'a | b\n-|-', 'abc\n:-:', 'abc\n-:']) {
      expect(mayHoldTable(text)).toBe(true)
      const tree = parseMarkdown(processor, text)
      expect(tree).toEqual(processor.parse(text))
    }
    expect(parseMarkdown(processor, 'abc\n:-:').children[0]?.type).toBe('table')
  })
})
