/**
 * The EPUB's zip writer: entries deflated on the helper thread make the same
 * bytes as entries deflated in place, and a reader gets every entry back.
 */
import {deflateSync, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {zip, type ZipEntry} from '../src/package/zip.js'

const date = new Date(1_700_000_000 * 1000)
const font = new Uint8Array(4096).map((_, index) => (index * 7919) % 251)
// A Buffer (as fonts come from the subsetter): its `slice` shares memory.
const fontBuffer = Buffer.from(font)

function entries(): Array<ZipEntry | Promise<ZipEntry>> {
  return [
    {name: 'mimetype', data: 'application/epub+zip', store: true},
    {name: 'OEBPS/chapter-001.xhtml', data: '<p>Қазақ тілі — «бейбіт әлем»</p>'.repeat(200)},
    // Bytes shared with something else (a font read once for two books) must stay usable.
    {name: 'OEBPS/fonts/a.ttf', data: font},
    {name: 'OEBPS/fonts/b.ttf', data: fontBuffer},
    // Still being made when the zip starts (the cover).
    Promise.resolve({
      name: 'OEBPS/images/cover.png',
      data: new Uint8Array([137, 80, 78, 71]),
      store: true
    })
  ]
}

describe('epub zip', () => {
  it('gives the same bytes when the entries are deflated elsewhere, and leaves shared bytes intact', async () => {
    const here = await zip(entries(), date)
    const moved: Uint8Array[] = []
    const elsewhere = await zip(entries(), date, 9, (data, level) => {
      moved.push(...data)
      // As a thread would: take the arrays over, answer later.
      const bodies = data.map((one) => deflateSync(one, {level}))
      return new Promise((resolve) => setTimeout(() => resolve(bodies), 5))
    })
    expect(moved).toHaveLength(3)
    // (As a thread takes them: the arrays given are detached here.)
    for (const one of moved) structuredClone(one.buffer, {transfer: [one.buffer]})
    expect(font.byteLength).toBe(4096)
    expect(fontBuffer.byteLength).toBe(4096)
    expect(fontBuffer[100]).toBe((100 * 7919) % 251)
    expect(Buffer.compare(here, elsewhere)).toBe(0)
    expect(font[100]).toBe((100 * 7919) % 251)
    const files = unzipSync(elsewhere)
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'OEBPS/chapter-001.xhtml',
      'OEBPS/fonts/a.ttf',
      'OEBPS/fonts/b.ttf',
      'OEBPS/images/cover.png'
    ])
    expect(new TextDecoder().decode(files['OEBPS/chapter-001.xhtml'])).toContain('«бейбіт әлем»')
    expect(files['OEBPS/fonts/a.ttf']).toEqual(font)
  })

  it('deflates here when the thread fails after taking the bytes', async () => {
    const here = await zip(entries(), date)
    const failed = await zip(entries(), date, 9, (data) => {
      for (const one of data) structuredClone(one.buffer, {transfer: [one.buffer]})
      return Promise.reject(new Error('the thread ended'))
    })
    expect(Buffer.compare(here, failed)).toBe(0)
  })

  it('deflates here when nothing else can', async () => {
    const here = await zip(entries(), date)
    const refused = await zip(entries(), date, 9, () => undefined)
    expect(Buffer.compare(here, refused)).toBe(0)
  })
})
