/**
 * The cover: a typographic page rasterised to a 1600 × 2560 PNG without a
 * browser. The text is shaped with HarfBuzz (harfbuzzjs) in the book's own
 * subset fonts, broken into lines here, drawn as glyph outlines into the
 * frame of templates/cover.svg (this package's), and rendered by resvg. No system font
 * is involved: same fonts, same text, same resvg → same bytes.
 */
import type {Work} from '@diglot/core'
import type {BookFonts, EmbeddedFont} from './fonts.js'
import {personName} from './package/metadata.js'
import {renderOnHelper, startHelper} from './helper.js'

/** The text shown on the cover (also subset into the fonts). */
export function coverText(work: Work): string {
  const meta = work.meta
  return [
    ...work.languages.map((lang) => meta.title[lang] ?? ''),
    meta.subtitle?.[work.languages[0] ?? ''] ?? '',
    ...meta.authors.map((author) => personName(author, 'en')),
    meta.series ?? '',
    // The series is set in capitals.
    (meta.series ?? '').toUpperCase(),
    meta.publisher ?? '',
    'Translated by  Kazakh–English edition',
    ...meta.translators.map((translator) => personName(translator, 'en'))
  ].join('\n')
}

/** Page size in CSS pixels (the PNG is twice that) and the text area inside the frame. */
const page = {width: 800, height: 1280, scale: 2}
const area = {left: 102, top: 128, width: 596, bottom: 1172}

/** How one block of the cover is set (sizes in CSS pixels, `lineHeight` a multiple of the size; none: the font's own). */
interface BlockStyle {
  size: number
  weight: 400 | 700
  style: 'normal' | 'italic'
  color: string
  lineHeight?: number
  letterSpacing?: number
  uppercase?: boolean
  marginTop?: number
  marginBottom?: number
}

const styles = {
  series: {
    size: 26,
    weight: 400,
    style: 'normal',
    color: '#8a6a2c',
    letterSpacing: 0.16,
    uppercase: true,
    marginBottom: 56
  },
  title: {size: 60, weight: 700, style: 'normal', color: '#1e2a38', lineHeight: 1.14},
  translation: {
    size: 44,
    weight: 400,
    style: 'italic',
    color: '#3b4a5c',
    lineHeight: 1.14,
    marginTop: 44
  },
  subtitle: {
    size: 30,
    weight: 400,
    style: 'normal',
    color: '#3b4a5c',
    lineHeight: 1.3,
    marginBottom: 16
  },
  people: {size: 30, weight: 400, style: 'normal', color: '#1e2a38', marginBottom: 10},
  imprint: {size: 24, weight: 400, style: 'normal', color: '#5b6776', letterSpacing: 0.08}
} satisfies Record<string, BlockStyle>

/** The rule under the titles. */
const rule = {width: 140, height: 4, color: '#b0883c', margin: 60}

/** Advance of U+0020 in Noto Serif (all weights and styles), in em: the subsets carry no space glyph. */
const spaceAdvance = 0.26

/** What the cover shows, block by block (pure; no fonts needed). */
function coverBlocks(
  work: Work
): Array<{kind: keyof typeof styles | 'rule' | 'spacer'; text: string; lang?: string}> {
  const meta = work.meta
  const [original, translation] = work.languages
  const blocks: Array<{
    kind: keyof typeof styles | 'rule' | 'spacer'
    text: string
    lang?: string
  }> = []
  if (meta.series) blocks.push({kind: 'series', text: meta.series})
  if (original && meta.title[original])
    blocks.push({kind: 'title', text: meta.title[original] ?? '', lang: original})
  if (translation && meta.title[translation])
    blocks.push({kind: 'translation', text: meta.title[translation] ?? '', lang: translation})
  blocks.push({kind: 'rule', text: ''})
  const subtitle = original ? meta.subtitle?.[original] : undefined
  if (subtitle) blocks.push({kind: 'subtitle', text: subtitle})
  if (meta.authors.length > 0)
    blocks.push({
      kind: 'people',
      text: meta.authors.map((author) => personName(author, 'en')).join(', ')
    })
  else if (translation && meta.translators.length > 0)
    blocks.push({
      kind: 'people',
      text: `Translated by ${meta.translators.map((person) => personName(person, 'en')).join(', ')}`
    })
  blocks.push({kind: 'spacer', text: ''})
  if (meta.publisher) blocks.push({kind: 'imprint', text: meta.publisher})
  return blocks
}

type HarfBuzz = typeof import('harfbuzzjs')

/** One subset font ready for shaping. */
interface ShapingFont {
  font: InstanceType<HarfBuzz['Font']>
  upem: number
  ascender: number
  descender: number
  unicodes: Set<number>
  /** Requested bold or italic that this face lacks (drawn by emboldening or slanting). */
  fakeBold: boolean
  fakeItalic: boolean
  key: string
}

/** A glyph placed on the page (CSS pixels, baseline origin). */
interface Placed {
  font: ShapingFont
  glyph: number
  x: number
  y: number
  size: number
  color: string
}

class Shaper {
  private readonly loaded = new Map<
    EmbeddedFont,
    {
      font: InstanceType<HarfBuzz['Font']>
      upem: number
      ascender: number
      descender: number
      unicodes: Set<number>
    }
  >()
  private readonly families: string[]

  constructor(
    private readonly hb: HarfBuzz,
    private readonly fonts: BookFonts
  ) {
    this.families = [...fonts.stack.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '')
  }

  private load(embedded: EmbeddedFont) {
    let loaded = this.loaded.get(embedded)
    if (!loaded) {
      const face = new this.hb.Face(new this.hb.Blob(embedded.data))
      const font = new this.hb.Font(face)
      const extents = font.hExtents()
      loaded = {
        font,
        upem: face.upem,
        ascender: extents.ascender,
        descender: -extents.descender,
        unicodes: new Set(face.collectUnicodes())
      }
      this.loaded.set(embedded, loaded)
    }
    return loaded
  }

  /** The stack for one weight and style: per family the closest face, as a browser would pick it. */
  stack(weight: 400 | 700, style: 'normal' | 'italic'): ShapingFont[] {
    const result: ShapingFont[] = []
    for (const family of this.families) {
      const faces = this.fonts.fonts.filter((font) => font.family === family)
      const chosen =
        faces.find((font) => font.weight === weight && font.style === style) ??
        faces.find((font) => font.style === style) ??
        faces.find((font) => font.weight === weight) ??
        faces[0]
      if (!chosen) continue
      const loaded = this.load(chosen)
      result.push({
        ...loaded,
        fakeBold: weight > chosen.weight,
        fakeItalic: style === 'italic' && chosen.style !== 'italic',
        key: `${chosen.filename}`
      })
    }
    return result
  }

  /** Shape one word (no spaces) in the stack: per character the first face that has it. */
  word(
    text: string,
    stack: ShapingFont[],
    size: number,
    letterSpacing: number
  ): {glyphs: Array<{font: ShapingFont; glyph: number; x: number; y: number}>; width: number} {
    const chars = Array.from(text)
    const runs: Array<{font: ShapingFont; text: string}> = []
    for (const char of chars) {
      const code = char.codePointAt(0) ?? 0
      const font = stack.find((candidate) => candidate.unicodes.has(code)) ?? stack[0]
      if (!font) continue
      const last = runs.at(-1)
      if (last && last.font === font) last.text += char
      else runs.push({font, text: char})
    }
    const glyphs: Array<{font: ShapingFont; glyph: number; x: number; y: number}> = []
    let x = 0
    // Letter-spaced text sets no ligatures (as CSS does).
    const features = letterSpacing
      ? [new this.hb.Feature('liga', 0), new this.hb.Feature('clig', 0)]
      : undefined
    for (const run of runs) {
      const buffer = new this.hb.Buffer()
      buffer.addText(run.text)
      buffer.guessSegmentProperties()
      this.hb.shape(run.font.font, buffer, features)
      const infos = buffer.getGlyphInfos()
      const positions = buffer.getGlyphPositions()
      const scale = size / run.font.upem
      infos.forEach((info, index) => {
        const position = positions[index]
        if (!position) return
        glyphs.push({
          font: run.font,
          glyph: info.codepoint,
          x: x + position.xOffset * scale,
          y: -position.yOffset * scale
        })
        x += position.xAdvance * scale
        if (letterSpacing && infos[index + 1]?.cluster !== info.cluster) x += letterSpacing * size
      })
    }
    return {glyphs, width: x}
  }
}

/** Pieces of a word between which a line may break: after each Han character (with its punctuation). */
const pieces = (word: string): string[] =>
  word.match(/\p{Script=Han}[\u3000-\u303f\uff01-\uff60]*|[^\p{Script=Han}]+/gu) ?? [word]

/** Set one block (glyphs relative to the block's top): greedy line breaking at spaces and between Han characters. */
function setBlock(
  shaper: Shaper,
  text: string,
  style: BlockStyle
): {glyphs: Placed[]; height: number} {
  const stack = shaper.stack(style.weight, style.style)
  const primary = stack[0]
  const ascender = primary ? (primary.ascender / primary.upem) * style.size : 0.8 * style.size
  const descender = primary ? (primary.descender / primary.upem) * style.size : 0.2 * style.size
  const lineHeight = style.lineHeight ? style.lineHeight * style.size : ascender + descender
  const spacing = style.letterSpacing ?? 0
  const space = spaceAdvance * style.size + spacing * style.size
  // Each piece with the glue before it (a space, or nothing inside a word).
  const units = (style.uppercase ? text.toUpperCase() : text)
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) =>
      pieces(word).map((piece, index) => ({
        ...shaper.word(piece, stack, style.size, spacing),
        glue: index === 0 ? space : 0
      }))
    )
  const lines: Array<Array<(typeof units)[number] & {x: number}>> = []
  let current: Array<(typeof units)[number] & {x: number}> = []
  let width = 0
  for (const unit of units) {
    const x = current.length === 0 ? 0 : width + unit.glue
    if (current.length > 0 && x + unit.width > area.width) {
      lines.push(current)
      current = [{...unit, x: 0}]
      width = unit.width
    } else {
      current.push({...unit, x})
      width = x + unit.width
    }
  }
  if (current.length > 0) lines.push(current)
  const glyphs: Placed[] = []
  lines.forEach((line, index) => {
    const baseline = index * lineHeight + (lineHeight - ascender - descender) / 2 + ascender
    for (const unit of line) {
      for (const glyph of unit.glyphs)
        glyphs.push({
          font: glyph.font,
          glyph: glyph.glyph,
          x: area.left + unit.x + glyph.x,
          y: baseline + glyph.y,
          size: style.size,
          color: style.color
        })
    }
  })
  return {glyphs, height: lines.length * lineHeight}
}

/** Move glyphs down by `dy`. */
const moved = (glyphs: Placed[], dy: number): Placed[] =>
  glyphs.map((glyph) => ({...glyph, y: glyph.y + dy}))

const num = (value: number): string => String(Math.round(value * 1000) / 1000)

/** The cover as SVG: the template's frame with the text as glyph outlines. */
export async function coverSvg(template: string, work: Work, fonts: BookFonts): Promise<string> {
  const hb = await import('harfbuzzjs')
  const shaper = new Shaper(hb, fonts)
  const body: string[] = []
  const placed: Placed[] = []
  let y = area.top
  const blocks = coverBlocks(work)
  const spacer = blocks.findIndex((block) => block.kind === 'spacer')
  for (const block of blocks.slice(0, spacer < 0 ? blocks.length : spacer)) {
    if (block.kind === 'spacer') continue
    if (block.kind === 'rule') {
      y += rule.margin
      body.push(
        `<rect x="${area.left}" y="${num(y)}" width="${rule.width}" height="${rule.height}" fill="${rule.color}"/>`
      )
      y += rule.height + rule.margin
      continue
    }
    const style: BlockStyle = styles[block.kind]
    y += style.marginTop ?? 0
    const set = setBlock(shaper, block.text, style)
    placed.push(...moved(set.glyphs, y))
    y += set.height + (style.marginBottom ?? 0)
  }
  // After the spacer: set from the bottom of the text area up.
  let bottom = area.bottom
  for (const block of blocks.slice(spacer < 0 ? blocks.length : spacer + 1).reverse()) {
    if (block.kind === 'spacer' || block.kind === 'rule') continue
    const style: BlockStyle = styles[block.kind]
    bottom -= style.marginBottom ?? 0
    const set = setBlock(shaper, block.text, style)
    placed.push(...moved(set.glyphs, bottom - set.height))
    bottom -= set.height + (style.marginTop ?? 0)
  }
  // Each glyph outline once, in font units; placed by <use>.
  const ids = new Map<string, string>()
  const defs: string[] = []
  for (const glyph of placed) {
    const key = `${glyph.font.key}/${glyph.glyph}`
    let id = ids.get(key)
    if (!id) {
      id = `g${ids.size}`
      ids.set(key, id)
      defs.push(`<path id="${id}" d="${glyph.font.font.glyphToPath(glyph.glyph)}"/>`)
    }
    const scale = glyph.size / glyph.font.upem
    const slant = glyph.font.fakeItalic ? ' skewX(-12)' : ''
    const bold = glyph.font.fakeBold
      ? ` stroke="${glyph.color}" stroke-width="${num(glyph.font.upem / 30)}" stroke-linejoin="round"`
      : ''
    body.push(
      `<use href="#${id}" transform="translate(${num(glyph.x)} ${num(glyph.y)})${slant} scale(${num(scale)} ${num(-scale)})" fill="${glyph.color}"${bold}/>`
    )
  }
  return template
    .replace('{{width}}', String(page.width))
    .replace('{{height}}', String(page.height))
    .replace('{{defs}}', defs.join('\n'))
    .replace('{{body}}', body.join('\n'))
}

/**
 * Get ready for covers: HarfBuzz loads (its WebAssembly compiles in the
 * background while the content is built) and the helper thread starts.
 */
export function prepareCover(): void {
  import('harfbuzzjs').catch(() => undefined)
  startHelper()
}

/**
 * Rasterise the cover: 1600 × 2560 PNG, on the helper thread (`book-thread.ts`),
 * or on resvg's thread and this one when there is no helper thread.
 */
export async function renderCover(svg: string): Promise<Buffer> {
  const width = page.width * page.scale
  // (Here too when the helper thread fails.)
  const bytes = await renderOnHelper(svg, width)?.catch(() => undefined)
  if (!bytes) return renderCoverHere(svg, width)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

async function renderCoverHere(svg: string, width: number): Promise<Buffer> {
  const {renderAsync} = await import('@resvg/resvg-js')
  const image = await renderAsync(svg, {
    fitTo: {mode: 'width', value: width},
    font: {loadSystemFonts: false},
    logLevel: 'off'
  })
  return image.asPng()
}
