/**
 * Reading from disk and from bytes: paths as the user sees them, encodings, and
 * inputs that must become messages, never exceptions.
 */
import {mkdtempSync, mkdirSync, writeFileSync, cpSync, realpathSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeUtf8, formatMessage, parseWork, works} from '../src/index.js'
import {readContent, readWork} from '../src/fs.js'
import {fixturesDir, workYaml} from './helpers.js'

const contentDir = path.join(fixturesDir, 'content')
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part)))
  )

function tempContent(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-read-')))
  cpSync(contentDir, dir, {recursive: true})
  return dir
}

describe('reading from disk', () => {
  it('reads the sample content without a message, with paths relative to cwd', async () => {
    const {tree, messages} = await readContent(contentDir, {cwd: contentDir})
    expect(messages.map(formatMessage)).toEqual([])
    expect(works(tree).map((work) => work.id)).toEqual(['sample'])
    expect(tree.children.at(-1)?.type).toBe('glossary')
  })

  it('reads one work with the glossary beside its folder', async () => {
    const {tree, messages} = await readWork(path.join(contentDir, 'sample'))
    expect(messages).toEqual([])
    expect(JSON.stringify(tree)).toContain('"identifier":"hu-jintao"')
  })

  it('names files relative to cwd in messages', async () => {
    const dir = tempContent()
    writeFileSync(path.join(dir, 'sample', 'en.md'), '# The Harmonious World\n')
    const {messages} = await readContent(dir, {cwd: dir})
    expect(messages.length).toBeGreaterThan(0)
    expect(
      messages.every(
        (message) => message.file === 'sample/kk.md' || message.file === 'sample/en.md'
      )
    ).toBe(true)
  })

  it('reports a work folder without work.yaml, and a content folder that does not exist', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-empty-')))
    mkdirSync(path.join(dir, 'lonely'))
    const work = await readWork(path.join(dir, 'lonely'), {cwd: dir})
    expect(work.messages.map((message) => `${message.ruleId} ${message.file}`)).toEqual([
      'file-missing lonely/work.yaml'
    ])
    const content = await readContent(path.join(dir, 'nowhere'), {cwd: dir})
    expect(content.messages.map((message) => message.ruleId)).toEqual(['file-missing'])
    expect(content.messages[0]!.reason).toContain('nowhere')
  })

  it('reports a work whose id differs from its folder name', async () => {
    const dir = tempContent()
    cpSync(path.join(dir, 'sample'), path.join(dir, 'copy'), {recursive: true})
    const {messages} = await readContent(dir, {cwd: dir})
    expect(
      messages.map(
        (message) => `${message.ruleId} ${message.file}:${message.line}:${message.column}`
      )
    ).toEqual(['meta-invalid copy/work.yaml:1:5'])
  })

  it('accepts a UTF-8 byte order mark without shifting places', async () => {
    const dir = tempContent()
    writeFileSync(
      path.join(dir, 'sample', 'en.md'),
      bytes([0xef, 0xbb, 0xbf], '# The Harmonious World\n\n:foo\n')
    )
    const {messages} = await readContent(dir, {cwd: dir})
    expect(messages.find((message) => message.ruleId === 'directive-unknown')).toMatchObject({
      file: 'sample/en.md',
      line: 3,
      column: 1
    })
  })
})

describe('UTF-8', () => {
  const place = (data: Uint8Array): string => {
    const [message] = decodeUtf8(data, 'f.md').messages
    return message ? `${message.line}:${message.column} ${message.reason}` : 'valid'
  }

  it('decodes valid text without a message', () => {
    expect(place(bytes('Қазақ тілі, 中文, English.\n'))).toBe('valid')
  })

  it('reports the line, the column in characters, and the byte of the first invalid byte', () => {
    // 50 two-byte letters, then a lead byte that nothing completes.
    expect(place(bytes('Қ'.repeat(50), [0xd0], 'abc'))).toBe(
      '1:51 invalid UTF-8 at byte 100; save the file as UTF-8'
    )
    // A three-byte sequence cut short, on line 2.
    expect(place(bytes('абвгд\nеж', [0xe2, 0x82], 'z'))).toBe(
      '2:3 invalid UTF-8 at byte 15; save the file as UTF-8'
    )
    expect(place(bytes('ab\nБұл ', [0xff], ' x'))).toBe(
      '2:5 invalid UTF-8 at byte 10; save the file as UTF-8'
    )
  })

  it('counts bytes from the start of the file, byte order mark included', () => {
    expect(place(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toBe(
      '1:3 invalid UTF-8 at byte 5; save the file as UTF-8'
    )
  })

  it('keeps the rest of the text, with U+FFFD for the bad byte', () => {
    expect(decodeUtf8(bytes('ab', [0xff], 'cd'), 'f.md').text).toBe('ab\uFFFDcd')
  })
})

describe('YAML that cannot be turned into data', () => {
  const meta = workYaml('en')

  it('reports an alias without an anchor (e.g. Markdown emphasis in a title) instead of throwing', () => {
    const input = {meta: meta.replace('  en: A title', '  en: *Sample*'), files: {en: 'Text.\n'}}
    const result = (() => {
      try {
        return parseWork(input)
      } catch (error) {
        return error as Error
      }
    })()
    expect(result).not.toBeInstanceOf(Error)
    if (!(result instanceof Error))
      expect(result.messages.map((message) => message.ruleId)).toContain('yaml-invalid')
  })

  it('reports an alias bomb in the glossary instead of throwing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'
    ].join('\n')
    let messages: string[] = []
    expect(() => {
      messages = parseWork({meta, files: {en: 'Text.\n'}, glossary: bomb}).messages.map(
        (message) => `${message.ruleId} ${message.file}`
      )
    }).not.toThrow()
    expect(messages).toContain('yaml-invalid glossary.yaml')
  })
})
