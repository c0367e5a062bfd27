import {describe, expect, it} from 'vitest'
import {correctFontNames} from '../src/node/font-names.js'

const pdf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1')

describe('correctFontNames', () => {
  it('names the Noto Serif SC face by its weight, without moving a byte offset', () => {
    const source =
      '1 0 obj\n<</Type /FontDescriptor /FontName /DAAAAA+NotoSerifSCExtraLight-Regular /Flags 4>>\nendobj\n2 0 obj\n<</BaseFont /NotoSerifSCExtraLight-Regular/Subtype /Type0>>\nendobj\n'
    const result = text(correctFontNames(pdf(source)))
    expect(result).toHaveLength(source.length)
    expect(result).toContain('/FontName /DAAAAA+NotoSerifSC-Regular           /Flags 4')
    expect(result).toContain('/BaseFont /NotoSerifSC-Regular          /Subtype')
    expect(result.indexOf('endobj\n2 0 obj')).toBe(source.indexOf('endobj\n2 0 obj'))
  })

  it('leaves other names and text alone', () => {
    const source =
      '<</BaseFont /AAAAAA+NotoSerif-Regular>> (NotoSerifSCExtraLight-Regular) /NotoSerifSCExtraLight-RegularX'
    expect(text(correctFontNames(pdf(source)))).toBe(source)
  })
})
