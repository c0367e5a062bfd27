/**
 * The fonts of the print edition: Noto Serif (Latin, Cyrillic incl. Kazakh)
 * and Noto Serif SC (Chinese runs), from `@fontsource`, served locally and
 * loaded with `@font-face`, so that Chromium embeds them as subset TrueType
 * fonts (never system fonts, which may embed as Type 3).
 */
import {parseRanges} from '@diglot/html'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** A font package served under `/fonts/<name>/`. */
export interface FontPackage {
  name: string
  /** Folder holding the font files. */
  dir: string
  /** Its CSS files to load. */
  css: string[]
}

/** The font packages the edition uses. */
export function fontPackages(): FontPackage[] {
  const dir = (name: string): string =>
    path.dirname(require.resolve(`@fontsource/${name}/package.json`))
  return [
    {
      name: 'noto-serif',
      dir: dir('noto-serif'),
      css: ['400.css', '400-italic.css', '700.css', '700-italic.css']
    },
    {name: 'noto-serif-sc', dir: dir('noto-serif-sc'), css: ['400.css', '700.css']}
  ]
}

/** The `@font-face` rules, with URLs under `/fonts/`, and the code points each family covers. */
export interface FontFaces {
  css: string
  /** Code point ranges per family (from `unicode-range`; no range means the whole font's). */
  coverage: Map<string, Array<[number, number]>>
}

/** Read the `@font-face` rules of the font packages. */
export async function fontFaces(packages: FontPackage[] = fontPackages()): Promise<FontFaces> {
  const parts: string[] = []
  const coverage = new Map<string, Array<[number, number]>>()
  for (const pkg of packages) {
    for (const file of pkg.css) {
      const text = await readFile(path.join(pkg.dir, file), 'utf8')
      for (const match of text.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
        let body = match[1] ?? ''
        // Keep only the woff2 source, rewritten to the local server.
        body = body.replace(/src:[^;]*;/, (src) => {
          const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(src)
          return woff2 ? `src: url(/fonts/${pkg.name}/${woff2[1]}) format('woff2');` : src
        })
        body = body.replace(/font-display:[^;]*;/, 'font-display: block;')
        parts.push(`@font-face {${body}}`)
        const family = /font-family:\s*'([^']+)'/.exec(body)?.[1] ?? pkg.name
        const ranges = coverage.get(family) ?? []
        const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]
        if (range) ranges.push(...parseUnicodeRange(range))
        else if (/\blatin-400-normal\b/.test(body)) ranges.push(...latinDefault)
        coverage.set(family, ranges)
      }
    }
  }
  return {css: parts.join('\n'), coverage}
}

/** Latin subset of fontsource when its CSS has no `unicode-range` (the CSS for a single subset). */
const latinDefault: Array<[number, number]> = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd]
]

/** Parse a CSS `unicode-range` value (shared with the HTML edition). */
export const parseUnicodeRange = parseRanges

/** True when a code point is in one of the ranges. */
export function covered(
  ranges: ReadonlyArray<readonly [number, number]>,
  codePoint: number
): boolean {
  return ranges.some(([start, end]) => codePoint >= start && codePoint <= end)
}
