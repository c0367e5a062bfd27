import {describe, expect, it} from 'vitest'
import {
  createMessage,
  formatMessage,
  hasErrors,
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
})
