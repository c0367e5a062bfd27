/**
 * Which characters a font file has: read from its cmap directly, the same
 * code points in the same order as fontkit's `characterSet`.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import {describe, expect, it} from 'vitest'
import {mappedCodePoints} from '../src/cmap.js'
import {glyphSet} from '../src/fonts.js'

const require = createRequire(import.meta.url)
const files = (pkg: string): string[] => {
  const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.woff'))
    .map((name) => path.join(dir, name))
}
const viaFontkit = (data: Buffer): number[] => {
  const font = fontkit.create(data)
  const face = 'fonts' in font ? font.fonts[0] : font
  return face ? face.characterSet : []
}

describe('the characters a font file maps', () => {
  it('are fontkit’s, for every Noto Serif file (WOFF)', () => {
    const all = files('@fontsource/noto-serif')
    expect(all.length).toBeGreaterThan(50)
    for (const file of all) {
      const data = readFileSync(file)
      expect(mappedCodePoints(data), file).toEqual(viaFontkit(data))
    }
  })

  it('are fontkit’s for a Noto Serif SC split file, and glyphSet gives them', () => {
    const [file] = files('@fontsource/noto-serif-sc').filter((name) =>
      /-119-400-normal\.woff$/.test(name)
    )
    const data = readFileSync(file as string)
    expect(mappedCodePoints(data)).toEqual(viaFontkit(data))
    expect([...glyphSet(data)]).toEqual([...new Set(viaFontkit(data))])
  })

  it('leaves what it cannot read to fontkit', () => {
    expect(mappedCodePoints(Buffer.from('wOF2 not a font'))).toBeUndefined()
    expect(mappedCodePoints(new Uint8Array(4))).toBeUndefined()
  })
})
