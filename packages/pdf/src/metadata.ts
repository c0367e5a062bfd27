/**
 * Document metadata and reproducible bytes: Chromium writes the print time
 * and a random document id; this rewrites the Info dictionary (title,
 * author, subject, keywords, creator, producer, dates from
 * `SOURCE_DATE_EPOCH`), the language, and the trailer `/ID` from a hash of the content.
 */
import {createHash} from 'node:crypto'
import {PDFDict, PDFDocument, PDFHexString, PDFName} from 'pdf-lib'

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
}

/** Set metadata and make the bytes depend on the content only. */
export async function setMetadata(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  // (pdf-lib yields to the event loop every few objects by default: seconds on a large book.)
  const document = await PDFDocument.load(bytes, {updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY})
  const date = new Date(metadata.sourceDateEpoch * 1000)
  document.setTitle(metadata.title, {showInWindowTitleBar: true})
  document.setAuthor(metadata.author)
  document.setSubject(metadata.subject)
  document.setKeywords(metadata.keywords)
  document.setCreator('Diglot (Paged.js 0.4.3, Chromium)')
  document.setProducer('Diglot pdf edition')
  document.setCreationDate(date)
  document.setModificationDate(date)
  document.setLanguage(metadata.lang)
  if (metadata.bookmarks) retitleOutline(document, metadata.bookmarks)
  // Chromium's XMP packet carries the print time and a random id: drop it (the Info dictionary says it all).
  document.catalog.delete(PDFName.of('Metadata'))
  // One save with a placeholder /ID, then the placeholder (in the trailer, at the end) is
  // overwritten with the hash of those bytes: same length, so no offset changes.
  const placeholder = '0'.repeat(32)
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(placeholder), PDFHexString.of(placeholder)])
  const saved = await document.save({useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY})
  const hash = Buffer.from(createHash('md5').update(saved).digest('hex'), 'latin1')
  const text = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength)
  const trailer = text.lastIndexOf('trailer')
  for (let at = text.indexOf(`<${placeholder}>`, trailer); trailer >= 0 && at >= 0; at = text.indexOf(`<${placeholder}>`, at + 1)) hash.copy(text, at + 1)
  return saved
}

/** Give the outline items the given titles, depth first, when their number matches. */
function retitleOutline(document: PDFDocument, titles: string[]): void {
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (!outlines) return
  const items: PDFDict[] = []
  const walk = (parent: PDFDict): void => {
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict)
    while (item) {
      items.push(item)
      walk(item)
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
  }
  walk(outlines)
  if (items.length !== titles.length) return
  items.forEach((item, index) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[index] ?? '')))
}
