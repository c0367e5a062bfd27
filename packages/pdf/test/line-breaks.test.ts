/**
 * The page finds where lines may start by character code: the same characters
 * as the regular expressions it replaced, on every UTF-16 code unit.
 */
import {describe, expect, it} from 'vitest'
import {breaksBefore, isSpace} from '../src/page/facing/lines.js'

describe('line-start characters', () => {
  it('white space is what /\\s/ says it is', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x10000; code++)
      if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code.toString(16))
    expect(differ).toEqual([])
  })

  it('a line may start after a space, a soft hyphen, a hyphen or dash, or a slash, and nothing else', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x10000; code++)
      if (breaksBefore(code) !== /[\s\u00AD\-\u2010-\u2015/]/.test(String.fromCharCode(code)))
        differ.push(code.toString(16))
    expect(differ).toEqual([])
    expect(['a', '.', ',', '\u00B7'].map((char) => breaksBefore(char.charCodeAt(0)))).toEqual([
      false,
      false,
      false,
      false
    ])
  })
})
