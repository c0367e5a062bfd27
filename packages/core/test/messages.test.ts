import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {
  createMessage,
  formatMessage,
  hasErrors,
  messageFromData,
  messageToData,
  relatedPlace,
  sourceRules as rules,
  sortMessages
} from '../src/index.js'

describe('messages', () => {
  it('print as file:line:col: reason [rule], with warnings marked', () => {
    expect(
      formatMessage(
        createMessage(
          'w/en.md',
          {line: 3, column: 7},
          'note-undefined',
          'note `[^2]` is called but not defined'
        )
      )
    ).toBe('w/en.md:3:7: note `[^2]` is called but not defined [note-undefined]')
    expect(
      formatMessage(createMessage('w/en.md', {line: 1, column: 1}, 'note-unused', 'unused'))
    ).toBe('w/en.md:1:1: warning: unused [note-unused]')
  })

  it('point at 1:1 when the place is unknown', () => {
    expect(formatMessage(createMessage('work.yaml', undefined, 'file-missing', 'gone'))).toBe(
      'work.yaml:1:1: gone [file-missing]'
    )
  })

  it('are errors or warnings as the rules table says', () => {
    for (const [rule, severity] of Object.entries(rules)) {
      const message = createMessage('f', undefined, rule as keyof typeof rules, 'x')
      expect(hasErrors([message]), rule).toBe(severity === 'error')
    }
    expect(hasErrors([])).toBe(false)
  })

  it('sort by file, then line, then column', () => {
    const at = (file: string, line: number, column: number) =>
      createMessage(file, {line, column}, 'note-unused', 'x')
    const sorted = sortMessages([
      at('b.md', 1, 1),
      at('a.md', 10, 1),
      at('a.md', 2, 5),
      at('a.md', 2, 1)
    ])
    expect(sorted.map((message) => `${message.file}:${message.line}:${message.column}`)).toEqual([
      'a.md:2:1',
      'a.md:2:5',
      'a.md:10:1',
      'b.md:1:1'
    ])
  })

  it('cross to another thread as data and come back whole (a clone of the message alone would not)', () => {
    const error = createMessage(
      'w/en.md',
      {start: {line: 3, column: 7, offset: 40}, end: {line: 3, column: 12, offset: 45}},
      'note-duplicate',
      'note `[^2]` is defined twice',
      {cause: relatedPlace('first defined here', {line: 1, column: 1})}
    )
    const file = new VFile({path: 'w/kk.md', value: 'x'})
    const warning = file.message('a warning made on a file', {line: 2, column: 5})
    warning.ruleId = 'note-unused'
    for (const message of [error, warning]) {
      const again = messageFromData(structuredClone(messageToData(message)))
      expect(formatMessage(again)).toBe(formatMessage(message))
      for (const field of [
        'file',
        'line',
        'column',
        'place',
        'fatal',
        'ruleId',
        'source',
        'url',
        'name'
      ] as const)
        expect(again[field]).toEqual(message[field])
    }
    const cause = messageFromData(structuredClone(messageToData(error))).cause
    expect(cause).toBeInstanceOf(Error)
    expect((cause as {reason?: string}).reason).toBe('first defined here')
    expect((cause as {file?: string}).file).toBe('w/en.md')
    // What a structured clone of the message itself keeps: not its file, place or severity.
    const cloned = structuredClone(error) as unknown as {file?: string; fatal?: boolean}
    expect(cloned.file).toBeUndefined()
  })
})
