/**
 * Embedded fonts: Noto Serif (Latin, Cyrillic with Kazakh letters, …) and
 * Noto Serif SC (Han), each Fontsource split file subset to the glyphs the
 * book uses. Every split file becomes its own family ("Diglot Serif 1", …)
 * listed in one `font-family` stack, so that readers which ignore
 * `unicode-range` still fall back glyph by glyph instead of showing tofu.
 */
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import subsetFont from 'subset-font'

const require = createRequire(import.meta.url)

/** One subset font file of the book. */
export interface EmbeddedFont {
  /** File name under `fonts/`. */
  filename: string
  family: string
  style: 'normal' | 'italic'
  weight: 400 | 700
  data: Buffer
}

/** The fonts of a book and the CSS that declares them. */
export interface BookFonts {
  fonts: EmbeddedFont[]
  /** `@font-face` rules (URLs relative to the stylesheet). */
  css: string
  /** Family stack for Latin and Cyrillic text, Han last. */
  stack: string
  /** Family stack for `:lang(zh-Hans)`: Han first. */
  hanStack: string
  /** Characters no embedded font covers. */
  missing: string[]
}

interface Face {
  file: string
  ranges: Array<[number, number]>
}

const faceCache = new Map<string, Promise<Face[]>>()

/** The split files of a Fontsource package for one weight and style, with their unicode ranges. */
function faces(pkg: string, weight: number, style: 'normal' | 'italic'): Promise<Face[]> {
  const key = `${pkg}/${weight}/${style}`
  let cached = faceCache.get(key)
  if (!cached) {
    cached = (async () => {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`))
      const css = await readFile(path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8')
      const result: Face[] = []
      for (const block of css.split('@font-face').slice(1)) {
        const src = /url\(\.\/files\/([^)]+?)\.woff2\)/.exec(block)
        const range = /unicode-range:\s*([^;]+);/.exec(block)
        if (!src?.[1] || !range?.[1]) continue
        const ranges = range[1].split(',').map((part): [number, number] => {
          const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
          const start = Number.parseInt(from ?? '0', 16)
          return [start, to ? Number.parseInt(to, 16) : start]
        })
        // Prefer the woff source (subset-font reads it without a woff2 round trip).
        result.push({file: path.join(dir, 'files', `${src[1]}.woff`), ranges})
      }
      return result
    })()
    faceCache.set(key, cached)
  }
  return cached
}

const covers = (face: Face, code: number): boolean => face.ranges.some(([from, to]) => code >= from && code <= to)

/** Characters that need no glyph (controls, spaces handled by the reader). */
const invisible = /[\u0000-\u0020\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/u

const fontFileCache = new Map<string, Promise<Buffer>>()
const subsetCache = new Map<string, Promise<Buffer>>()

function subset(file: string, text: string): Promise<Buffer> {
  const key = `${file}\u0000${text}`
  let cached = subsetCache.get(key)
  if (!cached) {
    let source = fontFileCache.get(file)
    if (!source) {
      source = readFile(file)
      fontFileCache.set(file, source)
    }
    cached = source.then((data) => subsetFont(data, text, {targetFormat: 'sfnt'}))
    subsetCache.set(key, cached)
  }
  return cached
}

/** Subset the fonts to `text` (every character the book shows). */
export async function bookFonts(text: string): Promise<BookFonts> {
  const chars = [...new Set(Array.from(text))].filter((char) => !invisible.test(char)).sort()
  const serif = await faces('@fontsource/noto-serif', 400, 'normal')
  const han = await faces('@fontsource/noto-serif-sc', 400, 'normal')
  // Which split file (by index in serif, or han) covers each character.
  const serifChars = new Map<number, string[]>()
  const hanChars = new Map<number, string[]>()
  const missing: string[] = []
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0
    const s = serif.findIndex((face) => covers(face, code))
    if (s >= 0) {
      serifChars.set(s, [...(serifChars.get(s) ?? []), char])
      continue
    }
    const h = han.findIndex((face) => covers(face, code))
    if (h >= 0) hanChars.set(h, [...(hanChars.get(h) ?? []), char])
    else missing.push(char)
  }
  const fonts: EmbeddedFont[] = []
  const serifFamilies: string[] = []
  const hanFamilies: string[] = []
  const variants = [
    {weight: 400, style: 'normal'},
    {weight: 400, style: 'italic'},
    {weight: 700, style: 'normal'}
  ] as const
  const jobs: Array<Promise<void>> = []
  for (const [index, used] of [...serifChars].sort((a, b) => a[0] - b[0])) {
    const family = `Diglot Serif ${serifFamilies.length + 1}`
    serifFamilies.push(family)
    const subsetName = path.basename(serif[index]?.file ?? '', '.woff').replace(/^noto-serif-/, '').replace(/-400-normal$/, '')
    for (const variant of variants) {
      const variantFaces = await faces('@fontsource/noto-serif', variant.weight, variant.style)
      const face = variantFaces.find((candidate) => path.basename(candidate.file).startsWith(`noto-serif-${subsetName}-${variant.weight}-`))
      if (!face) continue
      const filename = `noto-serif-${subsetName}-${variant.weight}-${variant.style}.ttf`
      jobs.push(subset(face.file, used.join('')).then((data) => {
        fonts.push({filename, family, style: variant.style, weight: variant.weight, data})
      }))
    }
  }
  for (const [index, used] of [...hanChars].sort((a, b) => a[0] - b[0])) {
    const face = han[index]
    if (!face) continue
    const family = `Diglot Serif SC ${hanFamilies.length + 1}`
    hanFamilies.push(family)
    const filename = `${path.basename(face.file, '.woff')}.ttf`.replace(/[[\]]/g, '')
    jobs.push(subset(face.file, used.join('')).then((data) => {
      fonts.push({filename, family, style: 'normal', weight: 400, data})
    }))
  }
  await Promise.all(jobs)
  fonts.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
  const css = fonts
    .map((font) => `@font-face {\n  font-family: "${font.family}";\n  font-style: ${font.style};\n  font-weight: ${font.weight};\n  src: url(fonts/${font.filename}) format("truetype");\n}\n`)
    .join('')
  const quote = (families: string[]): string[] => families.map((family) => `"${family}"`)
  return {
    fonts,
    css,
    stack: [...quote(serifFamilies), ...quote(hanFamilies), 'serif'].join(', '),
    hanStack: [...quote(hanFamilies), ...quote(serifFamilies), 'serif'].join(', '),
    missing
  }
}
