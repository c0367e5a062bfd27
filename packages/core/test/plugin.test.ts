/**
 * Core as unified users know it: the per-file transforms as a plugin (VFile
 * in, messages on the file with a place range, rule id, source, related place
 * and documentation), extra remark plugins in `parseWork`, VFiles as sources.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkDirective from 'remark-directive'
import type {Root as MdastRoot, Nodes} from 'mdast'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {
  alignmentsOf,
  formatMessage,
  parseWork,
  remarkDiglot,
  sourceRules as rules,
  works,
  type Root
} from '../src/index.js'
import {toString} from 'mdast-util-to-string'
import {workYaml} from './helpers.js'

const twice = 'One.[^a]\n\n[^a]: First.\n\n[^a]: Second.\n'

describe('remarkDiglot', () => {
  it('turns notes into Diglot notes and reports on the file, with the first definition as the cause', () => {
    const file = new VFile({path: 'w/en.md', value: twice})
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkDiglot, {lang: 'en'})
    processor.runSync(processor.parse(file), file)
    expect(file.data.diglot?.notes.map((note) => note.identifier)).toEqual(['a'])
    const [message] = file.messages
    expect(message?.ruleId).toBe('note-duplicate')
    expect(message?.source).toBe('diglot')
    expect(message?.fatal).toBe(true)
    expect(message?.file).toBe('w/en.md')
    expect(message?.place).toEqual({
      start: {line: 5, column: 1, offset: 24},
      end: {line: 5, column: 14, offset: 37}
    })
    expect(message?.url).toMatch(/^https:\/\/.*#rules$/)
    expect(message?.cause).toBeInstanceOf(VFileMessage)
    const cause = message?.cause as VFileMessage
    expect([cause.file, cause.line, cause.column, cause.reason]).toEqual([
      'w/en.md',
      3,
      1,
      'first defined here'
    ])
    expect(formatMessage(message as VFileMessage)).toBe(
      'w/en.md:5:1: note `[^a]` is defined twice (first at line 3); keep one definition [note-duplicate]'
    )
  })

  it('runs inside parseWork on VFiles given as sources: the messages stay on them', () => {
    const en = new VFile({path: 'books/w/en.md', value: twice})
    const {messages} = parseWork({meta: workYaml('en'), files: {en}})
    expect(en.messages.map((message) => message.ruleId)).toEqual(['note-duplicate'])
    expect(messages).toContain(en.messages[0])
  })
})

describe('related places (cause)', () => {
  it('a block paired with one of another kind points at it, in the other file', () => {
    const {messages} = parseWork({
      meta: workYaml('kk', 'en'),
      files: {kk: '# Тақырып\n', en: 'A paragraph.\n'},
      path: 'w'
    })
    const message = messages.find((item) => item.ruleId === 'align-kind-mismatch')
    const cause = message?.cause as VFileMessage
    expect([message?.file, cause.file, cause.line, cause.reason]).toEqual([
      'w/en.md',
      'w/kk.md',
      1,
      'paired with this heading of level 1'
    ])
  })

  it('a glossary id used twice points at its first use', () => {
    const glossary = 'entries:\n  - id: a\n    forms: {en: [A]}\n  - id: a\n    forms: {en: [B]}\n'
    const {messages} = parseWork({meta: workYaml('en'), files: {en: 'Text.\n'}, glossary})
    const message = messages.find((item) => item.ruleId === 'id-duplicate')
    const cause = message?.cause as VFileMessage
    expect([message?.file, message?.line, cause.file, cause.line]).toEqual([
      'glossary.yaml',
      4,
      'glossary.yaml',
      2
    ])
  })
})

describe('parseWork with remarkPlugins', () => {
  it('runs extra remark transforms before Diglot’s own', () => {
    /** A remark plugin: every text “colour” becomes “color”. */
    function remarkAmerican() {
      return (tree: MdastRoot) => {
        const walk = (node: Nodes): void => {
          if (node.type === 'text') node.value = node.value.replace(/colour/g, 'color')
          if ('children' in node) for (const child of node.children) walk(child)
        }
        walk(tree)
      }
    }
    const input = {meta: workYaml('en'), files: {en: 'A colour.\n'}}
    const text = (tree: Root) =>
      alignmentsOf(works(tree)[0]!)
        .map((alignment) => toString(alignment))
        .join('\n')
    expect(text(parseWork(input).tree)).toContain('colour')
    expect(text(parseWork({...input, remarkPlugins: [remarkAmerican]}).tree)).toContain('A color.')
  })
})

describe('rule ids', () => {
  it('core owns only the source rules; the renderers own theirs', () => {
    expect(Object.keys(rules).filter((id) => /^(pdf|epub|html)-/.test(id))).toEqual([])
  })
})
