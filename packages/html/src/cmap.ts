/**
 * The characters a font file maps (its `cmap`), read directly from an sfnt
 * (TrueType/OpenType) or WOFF 1.0 file: the table directory, the character
 * map alone (inflated with Node's zlib in a WOFF) and its Unicode subtable.
 * The same code points, in the same order, as fontkit's `characterSet`,
 * without loading fontkit (its Unicode tables and Brotli dictionary cost
 * more than the read itself on a cold start). Anything else (WOFF2, a
 * collection, a cmap without a Unicode subtable or in a rare format): undefined.
 */
import {inflateSync} from 'node:zlib'

const tag = (text: string): number =>
  ((text.charCodeAt(0) << 24) |
    (text.charCodeAt(1) << 16) |
    (text.charCodeAt(2) << 8) |
    text.charCodeAt(3)) >>>
  0

const WOFF = tag('wOFF')
const CMAP = tag('cmap')
const SFNT = new Set([0x00010000, tag('OTTO'), tag('true')])

/** fontkit's order of preference among Unicode subtables: [platform, encoding]. */
const preferred: ReadonlyArray<readonly [number, number]> = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0]
]

/** The `cmap` table's bytes, or undefined when the file is not sfnt or WOFF 1.0 or has none. */
function cmapTable(data: Uint8Array): DataView | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data.byteLength < 12) return undefined
  const signature = view.getUint32(0)
  if (signature === WOFF) {
    const count = view.getUint16(12)
    for (let index = 0; index < count; index++) {
      const at = 44 + index * 20
      if (view.getUint32(at) !== CMAP) continue
      const offset = view.getUint32(at + 4)
      const compressed = view.getUint32(at + 8)
      const length = view.getUint32(at + 12)
      const raw = data.subarray(offset, offset + compressed)
      const table = compressed < length ? inflateSync(raw) : raw
      return new DataView(table.buffer, table.byteOffset, table.byteLength)
    }
    return undefined
  }
  if (!SFNT.has(signature)) return undefined
  const count = view.getUint16(4)
  for (let index = 0; index < count; index++) {
    const at = 12 + index * 16
    if (view.getUint32(at) !== CMAP) continue
    return new DataView(
      data.buffer,
      data.byteOffset + view.getUint32(at + 8),
      view.getUint32(at + 12)
    )
  }
  return undefined
}

/** The code points of a font file's Unicode character map, in fontkit's order; undefined when this reader cannot say. */
export function mappedCodePoints(data: Uint8Array): number[] | undefined {
  const cmap = cmapTable(data)
  if (!cmap) return undefined
  const count = cmap.getUint16(2)
  let subtable: number | undefined
  for (const [platform, encoding] of preferred) {
    for (let index = 0; index < count && subtable === undefined; index++) {
      const at = 4 + index * 8
      if (cmap.getUint16(at) === platform && cmap.getUint16(at + 2) === encoding)
        subtable = cmap.getUint32(at + 4)
    }
    if (subtable !== undefined) break
  }
  if (subtable === undefined) return undefined
  const format = cmap.getUint16(subtable)
  const codes: number[] = []
  const range = (start: number, end: number): void => {
    for (let code = start; code < end; code++) codes.push(code)
  }
  switch (format) {
    case 4: {
      const segments = cmap.getUint16(subtable + 6) / 2
      const ends = subtable + 14
      const starts = ends + segments * 2 + 2
      for (let index = 0; index < segments; index++)
        range(cmap.getUint16(starts + index * 2), cmap.getUint16(ends + index * 2) + 1)
      return codes
    }
    case 12:
    case 13: {
      const groups = cmap.getUint32(subtable + 12)
      for (let index = 0; index < groups; index++) {
        const at = subtable + 16 + index * 12
        range(cmap.getUint32(at), cmap.getUint32(at + 4) + 1)
      }
      return codes
    }
    default:
      return undefined
  }
}
