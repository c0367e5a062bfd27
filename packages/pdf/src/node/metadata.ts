/**
 * Document metadata and reproducible bytes. Chromium writes the print time
 * and its own name into the Info dictionary, no language, and bookmark
 * titles whose line breaks lost their spaces. This appends an incremental
 * update (ISO 32000-1, 7.5.6) holding only the changed objects: the Info
 * dictionary (title, author, subject, keywords, creator, producer, dates from
 * `SOURCE_DATE_EPOCH`), the catalog (language, show the title), the retitled
 * bookmarks, and a trailer `/ID` from a hash of the content. Chromium's Info
 * dictionary is emptied in place (same length: no offset moves), so that no
 * print time is left in the bytes.
 *
 * (pdf-lib, used before, rewrote all ten thousand objects of the report for
 * these few: a fifth of a second of the edition's budget. It has no
 * incremental save.)
 */
import {createHash} from 'node:crypto'

/** What goes into the Info dictionary. */
export interface PdfMetadata {
  title: string
  author: string
  subject: string
  keywords: string[]
  lang: string
  /** Seconds since 1970. */
  sourceDateEpoch: number
  /** Bookmark titles in document order: Chromium joins a heading's lines without spaces. */
  bookmarks?: string[] | undefined
  /** Index of the first page labelled in arabic figures (the pages before it in roman); -1 or unset: no labels. */
  arabicFrom?: number | undefined
}

const xmlEscape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The XMP packet of the document (Dublin Core, PDF and XMP basic schemas), the same facts as the Info dictionary. */
function xmpPacket(metadata: PdfMetadata, creator: string, producer: string): string {
  const date = new Date(metadata.sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const alt = (value: string): string =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(value)}</rdf:li></rdf:Alt>`
  const authors = metadata.author
    ? `<dc:creator><rdf:Seq>${metadata.author
        .split(/,\s*/)
        .map((name) => `<rdf:li>${xmlEscape(name)}</rdf:li>`)
        .join('')}</rdf:Seq></dc:creator>`
    : ''
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
    `<dc:format>application/pdf</dc:format><dc:title>${alt(metadata.title)}</dc:title>${authors}` +
    (metadata.subject ? `<dc:description>${alt(metadata.subject)}</dc:description>` : '') +
    `<dc:language><rdf:Bag><rdf:li>${xmlEscape(metadata.lang)}</rdf:li></rdf:Bag></dc:language>` +
    `<pdf:Producer>${xmlEscape(producer)}</pdf:Producer><pdf:Keywords>${xmlEscape(metadata.keywords.join(' '))}</pdf:Keywords>` +
    `<xmp:CreatorTool>${xmlEscape(creator)}</xmp:CreatorTool><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate>` +
    `</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>`
  )
}

/** A PDF text string: UTF-16BE with a byte order mark, as hex. */
export function pdfText(value: string): string {
  let hex = 'FEFF'
  for (let index = 0; index < value.length; index++)
    hex += value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
  return `<${hex}>`
}

/** A PDF date: `D:YYYYMMDDHHmmSSZ` (UTC). */
export function pdfDate(epochSeconds: number): string {
  const iso = new Date(epochSeconds * 1000).toISOString()
  return `(D:${iso.slice(0, 19).replace(/[-T:]/g, '')}Z)`
}

/** The file as Chromium writes it: one cross-reference table, objects written plainly. */
class PdfFile {
  readonly text: string
  readonly startxref: number
  readonly trailer: string
  readonly #table: number

  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1')
    const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text)
    if (!end) throw new Error('not a PDF Chromium wrote: no startxref at the end')
    this.startxref = Number(end[1])
    const table = /^xref\s+0\s+\d+\s+/.exec(this.text.slice(this.startxref, this.startxref + 64))
    if (!table) throw new Error('not a PDF Chromium wrote: no cross-reference table at startxref')
    this.#table = this.startxref + table[0].length
    const trailer = this.text.indexOf('trailer', this.startxref)
    this.trailer = this.text.slice(trailer, end.index)
  }

  /** The number of the object a trailer key refers to. */
  ref(dict: string, key: string): number | undefined {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict)
    return match ? Number(match[1]) : undefined
  }

  /** Where object `number`'s dictionary starts and ends (`<<` … `>>`). */
  span(number: number): {start: number; end: number} {
    const entry = this.#table + number * 20
    const offset = Number(this.text.slice(entry, entry + 10))
    const head = new RegExp(`^${number}\\s+0\\s+obj\\s*`).exec(this.text.slice(offset, offset + 32))
    const close = this.text.indexOf('endobj', offset)
    if (!head || close < 0)
      throw new Error(`object ${number} is not where the cross-reference table says`)
    const start = offset + head[0].length
    const end = this.text.lastIndexOf('>>', close) + 2
    if (!this.text.startsWith('<<', start) || end <= start)
      throw new Error(`object ${number} is not a dictionary`)
    return {start, end}
  }

  /** Object `number`'s dictionary. */
  dict(number: number): string {
    const {start, end} = this.span(number)
    return this.text.slice(start, end)
  }
}

/** The page objects, in order. */
function pageObjects(file: PdfFile, catalog: string): number[] {
  const pages: number[] = []
  const seen = new Set<number>()
  const walk = (number: number): void => {
    if (seen.has(number)) return
    seen.add(number)
    const dict = file.dict(number)
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)
    if (!kids) {
      pages.push(number)
      return
    }
    for (const kid of (kids[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)) walk(Number(kid[1]))
  }
  const root = file.ref(catalog, 'Pages')
  if (root !== undefined) walk(root)
  return pages
}

/** The outline items, depth first. */
function outlineItems(file: PdfFile, catalog: string): number[] {
  const items: number[] = []
  const walk = (parent: string): void => {
    for (let item = file.ref(parent, 'First'); item !== undefined && !items.includes(item); ) {
      const dict = file.dict(item)
      items.push(item)
      walk(dict)
      item = file.ref(dict, 'Next')
    }
  }
  const root = file.ref(catalog, 'Outlines')
  if (root !== undefined) walk(file.dict(root))
  return items
}

/** Set metadata and make the bytes depend on the content only. */
export async function setMetadata(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const file = new PdfFile(Buffer.from(bytes))
  const rootNumber = file.ref(file.trailer, 'Root')
  const infoNumber = file.ref(file.trailer, 'Info')
  const size0 = /\/Size\s+(\d+)/.exec(file.trailer)
  if (rootNumber === undefined || infoNumber === undefined || !size0)
    throw new Error('not a PDF Chromium wrote: no /Root, /Info or /Size in the trailer')
  const catalog = file.dict(rootNumber)
  const date = pdfDate(metadata.sourceDateEpoch)
  const changed = new Map<number, string>()
  const creator = 'Diglot (Chromium)'
  const producer = 'Diglot pdf edition'
  // Author and Subject only when the work has them (never the toolchain's name).
  changed.set(
    infoNumber,
    `<</Title ${pdfText(metadata.title)}\n${metadata.author ? `/Author ${pdfText(metadata.author)}\n` : ''}${metadata.subject ? `/Subject ${pdfText(metadata.subject)}\n` : ''}/Keywords ${pdfText(metadata.keywords.join(' '))}\n` +
      `/Creator ${pdfText(creator)}\n/Producer ${pdfText(producer)}\n/CreationDate ${date}\n/ModDate ${date}>>`
  )
  // New objects: the XMP stream.
  let size = Number(size0[1])
  const added = new Map<number, string>()
  const xmp = Buffer.from(xmpPacket(metadata, creator, producer), 'utf8').toString('latin1')
  const xmpNumber = size++
  added.set(
    xmpNumber,
    `<</Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(xmp, 'latin1')}>>\nstream\n${xmp}\nendstream`
  )
  // Page labels: roman before the text, arabic from it.
  const labels =
    metadata.arabicFrom !== undefined && metadata.arabicFrom >= 0
      ? `\n/PageLabels <</Nums [${metadata.arabicFrom > 0 ? '0 <</S /r>> ' : ''}${metadata.arabicFrom} <</S /D>>]>>`
      : ''
  // Every page gets a TrimBox (the trim size: no bleed).
  for (const pageNumber of pageObjects(file, catalog)) {
    const dict = file.dict(pageNumber)
    const box = /\/MediaBox\s*(\[[^\]]*\])/.exec(dict)
    if (box && !dict.includes('/TrimBox'))
      changed.set(pageNumber, `${dict.slice(0, -2)}\n/TrimBox ${box[1]}\n/BleedBox ${box[1]}>>`)
  }
  const catalogBody = catalog
    .slice(2, -2)
    // (Chromium's XMP packet, when it writes one, carries the print time: the Info dictionary says it all.)
    .replace(
      /\/(Lang|ViewerPreferences|Metadata|PageLabels)\s+(\d+\s+0\s+R|\([^)]*\)|<<[^>]*>>)/g,
      ''
    )
  changed.set(
    rootNumber,
    `<<${catalogBody}\n/Lang (${metadata.lang.replace(/[^\w-]/g, '')})\n/ViewerPreferences <</DisplayDocTitle true>>\n/Metadata ${xmpNumber} 0 R${labels}>>`
  )
  const items = metadata.bookmarks ? outlineItems(file, catalog) : []
  if (metadata.bookmarks && items.length === metadata.bookmarks.length) {
    items.forEach((item, index) => {
      const dict = file
        .dict(item)
        .replace(
          /\/Title\s*(\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/,
          () => `/Title ${pdfText(metadata.bookmarks?.[index] ?? '')}`
        )
      changed.set(item, dict)
    })
  }

  // Chromium's Info dictionary (print time, Chromium's name) emptied in place.
  const info = file.span(infoNumber)
  file.bytes.fill(0x20, info.start + 2, info.end - 2)

  // The update: the changed objects, their cross-reference section, a trailer pointing back.
  let body = '\n'
  const offsets = new Map<number, number>()
  for (const [number, dict] of [...changed, ...added].sort(([a], [b]) => a - b)) {
    offsets.set(number, file.bytes.length + Buffer.byteLength(body, 'latin1'))
    body += `${number} 0 obj\n${dict}\nendobj\n`
  }
  const xrefOffset = file.bytes.length + Buffer.byteLength(body, 'latin1')
  let xref = 'xref\n'
  for (const [number, offset] of [...offsets].sort(([a], [b]) => a - b))
    xref += `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`
  const head = Buffer.concat([file.bytes, Buffer.from(body + xref, 'latin1')])
  const id = createHash('md5').update(head).digest('hex').toUpperCase()
  const trailer = `trailer\n<</Size ${size}\n/Root ${rootNumber} 0 R\n/Info ${infoNumber} 0 R\n/Prev ${file.startxref}\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefOffset}\n%%EOF\n`
  return new Uint8Array(Buffer.concat([head, Buffer.from(trailer, 'latin1')]))
}
