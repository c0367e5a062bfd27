/**
 * Self-hosted fonts from @fontsource: pick the unicode-range subsets that
 * the text of the edition needs and write `@font-face` rules for them.
 */
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import type * as Fontkit from 'fontkit'
import {mappedCodePoints} from './cmap.js'

/** A face of a @fontsource package (one unicode-range subset). */
export interface FontFace {
  family: string
  style: 'normal' | 'italic'
  weight: number
  /** Absolute path of the woff2 file. */
  file: string
  /** Inclusive code point ranges. */
  ranges: Array<[number, number]>
  /** The `unicode-range` value as written. */
  unicodeRange: string
}

/** Which @fontsource stylesheets to read (package, css file). */
const sources: Array<[string, string]> = [
  ['@fontsource/noto-serif', '400.css'],
  ['@fontsource/noto-serif', '400-italic.css'],
  ['@fontsource/noto-serif', '700.css'],
  ['@fontsource/noto-serif', '700-italic.css'],
  ['@fontsource/noto-serif-sc', '400.css']
]

const require = createRequire(import.meta.url)

/** Every face of the fonts the edition uses. */
export async function availableFaces(): Promise<FontFace[]> {
  const faces: FontFace[] = []
  for (const [name, cssFile] of sources) {
    const dir = path.dirname(require.resolve(`${name}/package.json`))
    const css = await readFile(path.join(dir, cssFile), 'utf8')
    for (const block of css.split('@font-face').slice(1)) {
      const family = /font-family:\s*'([^']+)'/.exec(block)?.[1]
      const style = /font-style:\s*(\w+)/.exec(block)?.[1] === 'italic' ? 'italic' : 'normal'
      const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400)
      const url = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1]
      const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim()
      if (!family || !url || !unicodeRange) continue
      // Noto Serif SC only for Han: its Latin and Cyrillic subsets duplicate Noto Serif.
      if (family === 'Noto Serif SC' && !/noto-serif-sc-\d+-/.test(url)) continue
      faces.push({
        family,
        style,
        weight,
        file: path.join(dir, url),
        ranges: parseRanges(unicodeRange),
        unicodeRange
      })
    }
  }
  return faces
}

/** Parse a CSS `unicode-range` value. */
export function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-')
    if (from.includes('?'))
      return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'f'), 16)]
    return [parseInt(from, 16), parseInt(to ?? from, 16)]
  })
}

/** The faces whose range holds at least one of `codePoints` (ASCII control and spaces excluded). */
export function facesFor(faces: readonly FontFace[], codePoints: ReadonlySet<number>): FontFace[] {
  const points = [...codePoints].filter((point) => point > 0x20).sort((a, b) => a - b)
  // Noto Serif SC sets only Chinese runs: its faces are needed for CJK characters only.
  const cjk = points.filter((point) => point >= 0x2e80)
  return faces.filter((face) => {
    const sorted = face.family === 'Noto Serif SC' ? cjk : points
    return face.ranges.some(([from, to]) => {
      // The first point at or after `from` (the points are sorted): is it within the range?
      let low = 0
      let high = sorted.length
      while (low < high) {
        const middle = (low + high) >> 1
        if ((sorted[middle] as number) < from) low = middle + 1
        else high = middle
      }
      return low < sorted.length && (sorted[low] as number) <= to
    })
  })
}

/** `@font-face` rules for `faces`, with URLs relative to the stylesheet (`fonts/<file>`). */
export function fontFaceCss(faces: readonly FontFace[]): string {
  return faces
    .map((face) =>
      [
        '@font-face {',
        `  font-family: '${face.family}';`,
        `  font-style: ${face.style};`,
        `  font-weight: ${face.weight};`,
        '  font-display: swap;',
        `  src: url(fonts/${path.basename(face.file)}) format('woff2');`,
        `  unicode-range: ${face.unicodeRange};`,
        '}'
      ].join('\n')
    )
    .join('\n\n')
    .concat('\n')
}

/** The code points of a string. */
export function codePointsOf(text: string, into = new Set<number>()): Set<number> {
  // Pages are long and mostly ASCII: an ASCII character is looked up in a table, not the set.
  const ascii = new Uint8Array(0x80)
  for (let index = 0; index < text.length; index++) {
    let point = text.charCodeAt(index)
    if (point >= 0xd800 && point <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        point = (point - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
        index++
      }
    }
    if (point < 0x80) {
      if (ascii[point] === 1) continue
      ascii[point] = 1
    }
    into.add(point)
  }
  return into
}

/**
 * The code points a font file really has a glyph for, read from its `cmap`
 * (`cmap.ts` for TrueType/OpenType and WOFF; fontkit for the rest, WOFF2):
 * declared `unicode-range`s are promises, the glyph table is the fact.
 */
export function glyphSet(data: Uint8Array): Set<number> {
  const mapped = mappedCodePoints(data)
  if (mapped) return new Set(mapped)
  const font = loadFontkit().create(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
  const face = 'fonts' in font ? font.fonts[0] : font
  return new Set(face ? face.characterSet : [])
}

/**
 * fontkit, loaded the first time a font needs it: its Unicode tables and Brotli
 * dictionary take about 60 ms to load, and `cmap.ts` reads every font we ship.
 */
function loadFontkit(): typeof Fontkit {
  fontkit ??= require('fontkit') as typeof Fontkit
  return fontkit
}
let fontkit: typeof Fontkit | undefined

/** Characters that need no glyph of their own (controls, soft hyphen, zero-width and bidi marks). */
export const noGlyphNeeded =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\n\r\t]/u

/** `U+04B1 “ұ”` for messages. */
export function describeChar(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} “${char}”`
}
