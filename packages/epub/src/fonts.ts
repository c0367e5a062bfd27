/**
 * Embedded fonts: Noto Serif (Latin, Cyrillic with Kazakh letters, …) and
 * Noto Serif SC (Han), each Fontsource split file subset to the glyphs the
 * book uses. Every split file becomes its own family ("Diglot Serif 1", …)
 * listed in one `font-family` stack, so that readers which ignore
 * `unicode-range` still fall back glyph by glyph instead of showing tofu.
 */
import {glyphSet, noGlyphNeeded, parseRanges} from '@diglot/html'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {inflateSync} from 'node:zlib'
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
  /** Characters no embedded font has a glyph for (in some style), read from the subsets' own `cmap`. */
  missing: string[]
}

interface Face {
  file: string
  ranges: Array<[number, number]>
}

/**
 * The font files of one build: split-file tables, decoded sources and
 * subsets, shared by the books of that build and dropped with it (nothing
 * outlives a build, so every build does the same work).
 */
export interface FontSource {
  faces: Map<string, Promise<Face[]>>
  /** The files as read (WOFF). */
  files: Map<string, Promise<Buffer>>
  sources: Map<string, Promise<Buffer>>
  subsets: Map<string, Promise<Buffer>>
  glyphs: Map<string, Promise<Set<number>>>
}

export function createFontSource(): FontSource {
  return {
    faces: new Map(),
    files: new Map(),
    sources: new Map(),
    subsets: new Map(),
    glyphs: new Map()
  }
}

/** The split files of a Fontsource package for one weight and style, with their unicode ranges. */
function faces(
  source: FontSource,
  pkg: string,
  weight: number,
  style: 'normal' | 'italic'
): Promise<Face[]> {
  const key = `${pkg}/${weight}/${style}`
  let cached = source.faces.get(key)
  if (!cached) {
    cached = (async () => {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`))
      const css = await readFile(
        path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`),
        'utf8'
      )
      const result: Face[] = []
      for (const block of css.split('@font-face').slice(1)) {
        const src = /url\(\.\/files\/([^)]+?)\.woff2\)/.exec(block)
        const range = /unicode-range:\s*([^;]+);/.exec(block)
        if (!src?.[1] || !range?.[1]) continue
        const ranges = parseRanges(range[1])
        // The woff source: decoded below with Node's zlib (no woff2/brotli round trip).
        result.push({file: path.join(dir, 'files', `${src[1]}.woff`), ranges})
      }
      return result
    })()
    source.faces.set(key, cached)
  }
  return cached
}

/**
 * WOFF 1.0 → sfnt (TrueType), inflating each table with Node's zlib: the same
 * tables subset-font would get through its pure-JS inflate, several times faster.
 */
function woffToSfnt(woff: Buffer): Buffer {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (view.getUint32(0) !== 0x774f4646) return woff // not 'wOFF': already sfnt
  const flavor = view.getUint32(4)
  const tables: Array<{tag: number; checksum: number; data: Uint8Array}> = []
  for (let index = 0; index < view.getUint16(12); index++) {
    const at = 44 + index * 20
    const offset = view.getUint32(at + 4)
    const compLength = view.getUint32(at + 8)
    const origLength = view.getUint32(at + 12)
    const raw = woff.subarray(offset, offset + compLength)
    tables.push({
      tag: view.getUint32(at),
      checksum: view.getUint32(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw
    })
  }
  const numTables = tables.length
  let size = 12 + 16 * numTables
  for (const table of tables) size += (table.data.length + 3) & ~3
  const out = Buffer.alloc(size)
  const outView = new DataView(out.buffer, out.byteOffset, out.byteLength)
  let entrySelector = 0
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++
  const searchRange = 2 ** entrySelector * 16
  outView.setUint32(0, flavor)
  outView.setUint16(4, numTables)
  outView.setUint16(6, searchRange)
  outView.setUint16(8, entrySelector)
  outView.setUint16(10, numTables * 16 - searchRange)
  let offset = 12 + 16 * numTables
  tables.forEach((table, index) => {
    const at = 12 + index * 16
    outView.setUint32(at, table.tag)
    outView.setUint32(at + 4, table.checksum)
    outView.setUint32(at + 8, offset)
    outView.setUint32(at + 12, table.data.length)
    out.set(table.data, offset)
    offset += (table.data.length + 3) & ~3
  })
  return out
}

function subset(source: FontSource, file: string, text: string): Promise<Buffer> {
  const key = `${file}\u0000${text}`
  let cached = source.subsets.get(key)
  if (!cached) {
    cached = sourceData(source, file).then((data) => subsetFont(data, text, {targetFormat: 'sfnt'}))
    source.subsets.set(key, cached)
  }
  return cached
}

/** The code points a source file really has glyphs for (its `cmap`, the only table inflated), read once per build. */
function sourceGlyphs(source: FontSource, file: string): Promise<Set<number>> {
  let cached = source.glyphs.get(file)
  if (!cached) {
    cached = sourceFile(source, file).then(glyphSet)
    source.glyphs.set(file, cached)
  }
  return cached
}

function sourceFile(source: FontSource, file: string): Promise<Buffer> {
  let woff = source.files.get(file)
  if (!woff) {
    woff = readFile(file)
    source.files.set(file, woff)
  }
  return woff
}

function sourceData(source: FontSource, file: string): Promise<Buffer> {
  let sfnt = source.sources.get(file)
  if (!sfnt) {
    sfnt = sourceFile(source, file).then((woff) => woffToSfnt(woff))
    source.sources.set(file, sfnt)
  }
  return sfnt
}

/** Word spaces every subset keeps: readers take a run's spaces from its own font. */
const spaces = ' \u00a0'

/**
 * Subset the fonts to `text` (every character the book shows).
 *
 * Each character goes to the first split file (in the Fontsource order, the
 * order of the family stack) whose real glyph table has it, so the family a
 * reader picks for it is the one that holds it; every subset keeps the word
 * spaces. The subsets' own glyph tables are read back: a character that the
 * stack does not cover, in any of the styles, is listed in `missing`.
 */
export async function bookFonts(
  text: string,
  source: FontSource = createFontSource()
): Promise<BookFonts> {
  const chars = [...new Set(Array.from(text))].filter((char) => !noGlyphNeeded.test(char)).sort()
  const serif = await faces(source, '@fontsource/noto-serif', 400, 'normal')
  const han = await faces(source, '@fontsource/noto-serif-sc', 400, 'normal')
  const serifGlyphs = await Promise.all(serif.map((face) => sourceGlyphs(source, face.file)))
  const hanGlyphs = await Promise.all(han.map((face) => sourceGlyphs(source, face.file)))
  // Which split file (by index in serif, or han) holds each character.
  const serifChars = new Map<number, string[]>()
  const hanChars = new Map<number, string[]>()
  const missing: string[] = []
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0
    const s = serifGlyphs.findIndex((glyphs) => glyphs.has(code))
    if (s >= 0) {
      serifChars.set(s, [...(serifChars.get(s) ?? []), char])
      continue
    }
    const h = hanGlyphs.findIndex((glyphs) => glyphs.has(code))
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
  const wanted = new Map<string, string[]>()
  for (const [index, used] of [...serifChars].sort((a, b) => a[0] - b[0])) {
    const family = `Diglot Serif ${serifFamilies.length + 1}`
    serifFamilies.push(family)
    wanted.set(family, used)
    const subsetName = path
      .basename(serif[index]?.file ?? '', '.woff')
      .replace(/^noto-serif-/, '')
      .replace(/-400-normal$/, '')
    for (const variant of variants) {
      const variantFaces = await faces(
        source,
        '@fontsource/noto-serif',
        variant.weight,
        variant.style
      )
      const face = variantFaces.find((candidate) =>
        path.basename(candidate.file).startsWith(`noto-serif-${subsetName}-${variant.weight}-`)
      )
      if (!face) continue
      const filename = `noto-serif-${subsetName}-${variant.weight}-${variant.style}.ttf`
      jobs.push(
        subset(source, face.file, spaces + used.join('')).then((data) => {
          fonts.push({filename, family, style: variant.style, weight: variant.weight, data})
        })
      )
    }
  }
  for (const [index, used] of [...hanChars].sort((a, b) => a[0] - b[0])) {
    const face = han[index]
    if (!face) continue
    const family = `Diglot Serif SC ${hanFamilies.length + 1}`
    hanFamilies.push(family)
    wanted.set(family, used)
    const filename = `${path.basename(face.file, '.woff')}.ttf`.replace(/[[\]]/g, '')
    jobs.push(
      subset(source, face.file, spaces + used.join('')).then((data) => {
        fonts.push({filename, family, style: 'normal', weight: 400, data})
      })
    )
  }
  await Promise.all(jobs)
  fonts.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
  // Read the subsets back: each file must hold every character given to its family.
  for (const font of fonts) {
    const glyphs = glyphSet(font.data)
    for (const char of wanted.get(font.family) ?? []) {
      if (!glyphs.has(char.codePointAt(0) ?? 0) && !missing.includes(char)) missing.push(char)
    }
  }
  const css = fonts
    .map(
      (font) =>
        `@font-face {\n  font-family: "${font.family}";\n  font-style: ${font.style};\n  font-weight: ${font.weight};\n  src: url(fonts/${font.filename}) format("truetype");\n}\n`
    )
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
