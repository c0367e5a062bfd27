/**
 * A save that changes one paragraph parses only that paragraph again
 * (`diglot build --watch`); the tree is the one a whole parse gives,
 * positions included, on the real content, and anything else is parsed whole.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Root} from 'mdast'
import {markdownProcessor, parseMarkdown} from '../src/parse-markdown.js'
import {parseWithMemory, type ParseMemory} from '../src/reparse.js'

const content = path.resolve(import.meta.dirname, '../../../content')
const files = ['world-dream/en.md', 'harmonious-world/kk.md', 'harmonious-world/en.md'].map(
  (file) => ({file, text: readFileSync(path.join(content, file), 'utf8')})
)
const processor = markdownProcessor()

/** The memory of a parse of `original`. */
function remembered(original: string): ParseMemory {
  const memory: ParseMemory = new Map()
  parseWithMemory(original, 'x.md', (text) => parseMarkdown(processor, text), memory)
  return memory
}

/** Parse `edited` with a copy of `memory`; which texts the parser was given. */
function reparse(memory: ParseMemory, edited: string): {tree: Root; parsed: number[]} {
  const parsed: number[] = []
  const parse = (text: string): Root => {
    parsed.push(text.length)
    return parseMarkdown(processor, text)
  }
  return {tree: parseWithMemory(edited, 'x.md', parse, new Map(memory)), parsed}
}

/** The paragraphs of a file: lines that start a paragraph of prose. */
function paragraphLines(text: string): number[] {
  const starts: number[] = []
  let at = 0
  for (const line of text.split('\n')) {
    if (/^[\p{L}«“"(]/u.test(line) && line.length > 60) starts.push(at)
    at += line.length + 1
  }
  return starts
}

const edits: Array<[string, (line: string) => string]> = [
  ['a word added at the end', (line) => `${line} Added words.`],
  ['a word taken out', (line) => line.replace(/ \S+ /, ' ')],
  ['emphasis, a link and code', (line) => `*Set* ${line} [a link](https://example.org) \`x\``],
  ['a note call of the file', (line) => `${line}[^1]`],
  ['a bare address and an email', (line) => `${line} www.example.org and a@example.org.`],
  ['a character changed in the middle', (line) => line.replace(/e/, 'é')]
]

describe('parsing one changed paragraph again', () => {
  for (const {file, text} of files) {
    it(`gives a whole parse's tree for each paragraph edited in ${file}`, () => {
      const lines = paragraphLines(text)
      expect(lines.length).toBeGreaterThan(10)
      const memory = remembered(text)
      // (Eight paragraphs spread over the file: each edit is compared with a whole parse.)
      const sample = lines.filter((_, index) => index % Math.ceil(lines.length / 8) === 0)
      let reparsed = 0
      for (const start of sample) {
        const end = text.indexOf('\n', start)
        const line = text.slice(start, end < 0 ? text.length : end)
        for (const [, edit] of edits) {
          const edited = text.slice(0, start) + edit(line) + text.slice(start + line.length)
          const {tree, parsed} = reparse(memory, edited)
          expect(tree).toEqual(parseMarkdown(processor, edited))
          if (parsed.every((length) => length < edited.length / 2)) reparsed++
        }
      }
      // Most edits took the short way (some paragraphs are not set off by blank lines, or are list items).
      expect(reparsed).toBeGreaterThan((sample.length * edits.length) / 2)
    })
  }

  it("keeps giving a whole parse's tree over saves in a row, in paragraphs before and after each other", () => {
    const {text} = files[2] as {text: string}
    const memory: ParseMemory = new Map()
    const parse = (source: string): Root => parseMarkdown(processor, source)
    parseWithMemory(text, 'x.md', parse, memory)
    const lines = paragraphLines(text)
    let current = text
    for (const [save, index] of [5, 2, 9, 2, 7].entries()) {
      const start = paragraphLines(current)[index] as number
      const end = current.indexOf('\n', start)
      current = `${current.slice(0, end)} Save ${save}${'!'.repeat(save)}${current.slice(end)}`
      expect(parseWithMemory(current, 'x.md', parse, memory)).toEqual(parse(current))
    }
    expect(lines.length).toBeGreaterThan(9)
  })

  it('parses the whole file when a change is not inside one paragraph', () => {
    const {text} = files[0] as {text: string}
    const memory = remembered(text)
    const start = paragraphLines(text)[3] as number
    const changes = [
      text.slice(0, start) + '# A new heading\n\n' + text.slice(start),
      text.slice(0, start) + '- ' + text.slice(start),
      text.slice(0, start) + '[x]: https://example.org\n\n' + text.slice(start),
      `${text.slice(0, start)}===\n\n${text.slice(start)}`,
      text.replace('\n\n', '\n')
    ]
    for (const edited of changes) {
      const {tree, parsed} = reparse(memory, edited)
      expect(tree).toEqual(parseMarkdown(processor, edited))
      expect(parsed).toContain(edited.length)
    }
  })
})
