import {PDFDict, PDFDocument, PDFHexString, PDFName, PDFString} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {pdfDate, pdfText, setMetadata} from '../src/node/metadata.js'

/** A PDF written as Chromium writes one: one cross-reference table, an Info dictionary, an outline. */
async function chromiumLike(titles: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create({updateMetadata: false})
  document.addPage([420, 595])
  document.setCreationDate(new Date())
  document.setCreator('HeadlessChrome')
  const context = document.context
  const outlines = context.obj({Type: 'Outlines', Count: titles.length})
  const outlinesRef = context.register(outlines)
  const refs = titles.map((title) =>
    context.register(context.obj({Title: PDFString.of(title), Parent: outlinesRef}))
  )
  refs.forEach((ref, index) => {
    const item = context.lookup(ref, PDFDict)
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!)
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!)
  })
  outlines.set(PDFName.of('First'), refs[0]!)
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]!)
  document.catalog.set(PDFName.of('Outlines'), outlinesRef)
  return document.save({useObjectStreams: false})
}

const metadata = {
  title: '«Гармониялық әлем» / The "Harmonious World"',
  author: 'Chen Xulong',
  subject: 'A subject (with parentheses)',
  keywords: ['harmonious-world', 'kk', 'en'],
  lang: 'kk',
  sourceDateEpoch: 1_700_000_000
}

describe('PDF metadata', () => {
  it('adds page labels, trim boxes and an XMP packet, and no author or subject when the work has none', async () => {
    const bytes = await setMetadata(await chromiumLike(['One']), {
      ...metadata,
      author: '',
      subject: '',
      arabicFrom: 1
    })
    const document = await PDFDocument.load(bytes, {updateMetadata: false})
    expect(document.getAuthor()).toBeUndefined()
    expect(document.getSubject()).toBeUndefined()
    expect(document.catalog.lookup(PDFName.of('PageLabels'))?.toString().replace(/\s+/g, ' ')).toBe(
      '<< /Nums [ 0 << /S /r >> 1 << /S /D >> ] >>'
    )
    const page = document.getPage(0)
    expect(page.getTrimBox()).toEqual({x: 0, y: 0, width: 420, height: 595})
    const xmp = document.catalog.lookup(PDFName.of('Metadata'))
    expect(xmp).toBeDefined()
    const packet = Buffer.from((xmp as unknown as {contents: Uint8Array}).contents).toString('utf8')
    expect(packet).toContain('<dc:language><rdf:Bag><rdf:li>kk</rdf:li></rdf:Bag></dc:language>')
    expect(packet).not.toContain('dc:creator')
  })

  it('writes the Info dictionary, language and bookmark titles, readable by another PDF library', async () => {
    const bytes = await setMetadata(await chromiumLike(['aHarmonious', 'Second']), {
      ...metadata,
      bookmarks: ['a Harmonious', 'Second (2)']
    })
    const document = await PDFDocument.load(bytes, {updateMetadata: false})
    expect(document.getTitle()).toBe(metadata.title)
    expect(document.getAuthor()).toBe('Chen Xulong')
    expect(document.getSubject()).toBe('A subject (with parentheses)')
    expect(document.getKeywords()).toBe('harmonious-world kk en')
    expect(document.getCreator()).toMatch(/^Diglot/)
    expect(document.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(document.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(kk)')
    const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict)
    expect(preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true')
    const outlines = document.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    const first = outlines.lookup(PDFName.of('First'), PDFDict)
    const second = first.lookup(PDFName.of('Next'), PDFDict)
    expect(first.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('a Harmonious')
    expect(second.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('Second (2)')
  })

  it('leaves no print time in the bytes and gives the same bytes for the same content', async () => {
    const [one, two] = await Promise.all([
      chromiumLike(['A']),
      new Promise<Uint8Array>((resolve) => setTimeout(() => resolve(chromiumLike(['A'])), 1100))
    ])
    const a = Buffer.from(await setMetadata(one, metadata))
    const b = Buffer.from(await setMetadata(two, metadata))
    expect(a.equals(b)).toBe(true)
    expect(a.toString('latin1')).not.toContain('HeadlessChrome')
    expect(a.toString('latin1')).toMatch(/\/ID \[<([0-9A-F]{32})> <\1>\]/)
  })

  it('keeps the bookmark titles when their number does not match the headings', async () => {
    const bytes = await setMetadata(await chromiumLike(['One', 'Two']), {
      ...metadata,
      bookmarks: ['Only one']
    })
    const document = await PDFDocument.load(bytes)
    const first = document.catalog
      .lookup(PDFName.of('Outlines'), PDFDict)
      .lookup(PDFName.of('First'), PDFDict)
    expect(first.lookup(PDFName.of('Title'), PDFString).decodeText()).toBe('One')
  })

  it('encodes text strings as UTF-16 and dates in UTC', () => {
    expect(pdfText('Әa')).toBe('<FEFF04D80061>')
    expect(pdfDate(0)).toBe('(D:19700101000000Z)')
  })

  it('refuses a file that is not a PDF', async () => {
    await expect(setMetadata(new TextEncoder().encode('not a pdf'), metadata)).rejects.toThrow(
      /no startxref/
    )
  })
})
