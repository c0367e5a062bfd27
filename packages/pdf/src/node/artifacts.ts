/**
 * Tagged-PDF fixes Chromium cannot make itself (checked on Chromium 156):
 *
 * - **Artifacts.** Chromium tags what its accessibility tree holds and leaves
 *   everything else (running heads and folios, which are `aria-hidden`; rules;
 *   CSS-generated text; page-margin boxes) outside any marked-content
 *   sequence: neither tagged nor an artifact, which PDF/UA forbids. Each such
 *   piece of page content is wrapped here in `/Artifact BMC … EMC`, within the
 *   text object or graphics state it belongs to.
 * - **Notes.** Chromium maps no ARIA role to the PDF `Note` type (footnotes come
 *   out as `NonStruct`); it maps `complementary` to `Aside`. The facing-page
 *   layout gives notes that role, and each `/S /Aside` element becomes a
 *   `/S /Note` with an `/ID` (`note-0001`, …, in the structure tree's
 *   `/IDTree`), as PDF/UA asks of notes.
 *
 * The file is written again with the same objects in the same order, only the
 * page content streams changed (inflated, marked, deflated again), and a new
 * cross-reference table.
 */
import {promisify} from 'node:util'
import {deflate, inflate} from 'node:zlib'

const deflateAsync = promisify(deflate)
const inflateAsync = promisify(inflate)

/** A content-stream operator with the span of its operands and itself (character offsets). */
interface Operation {
  operator: string
  start: number
  end: number
  /** The operands' source (for BDC: is there an MCID?). */
  operands: string
}

/** Character classes of the PDF syntax, by character code (latin1): 1 white space, 2 delimiter. */
const charClass = new Uint8Array(256)
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) charClass[code] = 1
for (const char of '()<>[]{}/%') charClass[char.charCodeAt(0)] = 2

const WHITE = 1
const LEFT_PAREN = 0x28
const RIGHT_PAREN = 0x29
const BACKSLASH = 0x5c

/** Whether `token` is a number or a boolean or null (an operand, not an operator). */
function isOperandWord(token: string): boolean {
  const first = token.charCodeAt(0)
  // Operators start with a letter or a quote; numbers with a digit, a sign or a point.
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e)
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)
  return token === 'true' || token === 'false' || token === 'null'
}

/** The operations of a content stream (latin1 text). */
export function operations(content: string): Operation[] {
  const result: Operation[] = []
  let at = 0
  let operandStart = -1
  const length = content.length
  const skipString = (): void => {
    // At '(': to the matching ')', nested parentheses and escapes included.
    let depth = 0
    for (; at < length; at++) {
      const code = content.charCodeAt(at)
      if (code === BACKSLASH) at++
      else if (code === LEFT_PAREN) depth++
      else if (code === RIGHT_PAREN && --depth === 0) {
        at++
        return
      }
    }
  }
  /** Past a regular word: to the next white space or delimiter. */
  const skipWord = (): void => {
    while (at < length) {
      const code = content.charCodeAt(at)
      if (code < 256 && charClass[code] !== 0) return
      at++
    }
  }
  while (at < length) {
    const code = content.charCodeAt(at)
    if (code < 256 && charClass[code] === WHITE) {
      at++
      continue
    }
    const char = content[at] ?? ''
    if (char === '%') {
      while (at < length && content[at] !== '\n' && content[at] !== '\r') at++
      continue
    }
    const tokenStart = at
    if (char === '(') skipString()
    else if (content.startsWith('<<', at) || content.startsWith('>>', at)) at += 2
    else if (char === '<') at = content.indexOf('>', at) + 1 || length
    else if (char === '[' || char === ']' || char === '{' || char === '}') at++
    else if (char === '/') {
      at++
      skipWord()
    } else {
      skipWord()
      if (at === tokenStart) at++
      const token = content.slice(tokenStart, at)
      if (!isOperandWord(token)) {
        const start = operandStart < 0 ? tokenStart : operandStart
        result.push({operator: token, start, end: at, operands: content.slice(start, tokenStart)})
        operandStart = -1
        continue
      }
    }
    if (operandStart < 0) operandStart = tokenStart
  }
  return result
}

const paints = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI'])
const pathPaints = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*'])
const pathStarts = new Set(['m', 're'])
/** Operators an artifact must not enclose on one side only. */
const boundaries = new Set(['BT', 'ET', 'q', 'Q', 'BMC', 'BDC', 'EMC', 'BI'])

/**
 * Wrap the page content that is in no tagged marked-content sequence (one
 * with an MCID, or an artifact already) in `/Artifact BMC … EMC`.
 */
export function markUntagged(content: string): string {
  const inserts: Array<{at: number; text: string}> = []
  // For each open marked-content sequence: does it tag its content?
  const stack: boolean[] = []
  let open = false
  let pathStart = -1
  let lastEnd = 0
  const close = (): void => {
    if (open) inserts.push({at: lastEnd, text: '\nEMC'})
    open = false
  }
  const begin = (at: number): void => {
    if (!open) inserts.push({at, text: '/Artifact BMC\n'})
    open = true
  }
  const ops = operations(content)
  // Text objects with no marked content inside: an artifact encloses the whole object (readers
  // that gather a text object's glyphs until ET see them inside it).
  const plainText = new Set<number>()
  for (let index = 0, begin = -1; index < ops.length; index++) {
    const name = ops[index]?.operator
    if (name === 'BT') begin = index
    else if (name === 'BMC' || name === 'BDC') begin = -1
    else if (name === 'ET' && begin >= 0) {
      plainText.add(begin).add(index)
      begin = -1
    }
  }
  let taggedOpen = 0 // (how many of the open sequences tag their content)
  ops.forEach((op, index) => {
    const name = op.operator
    const tagged = taggedOpen > 0
    if (plainText.has(index) && !tagged) {
      // (At ET the artifact stays open for what follows at the same level.)
      if (name === 'BT') begin(op.start)
    } else if (boundaries.has(name)) {
      close()
      if (name === 'BMC' || name === 'BDC') {
        const tags = /\/MCID\b/.test(op.operands) || /^\s*\/Artifact\b/.test(op.operands)
        stack.push(tags)
        if (tags) taggedOpen++
      } else if (name === 'EMC' && stack.pop() === true) taggedOpen--
    } else if (!tagged) {
      if (pathStarts.has(name) && pathStart < 0) pathStart = op.start
      if (pathPaints.has(name)) begin(pathStart >= 0 ? pathStart : op.start)
      else if (paints.has(name)) begin(op.start)
    }
    if (pathPaints.has(name) || name === 'n') pathStart = -1
    lastEnd = op.end
  })
  close()
  let result = ''
  let from = 0
  for (const insert of inserts.sort((a, b) => a.at - b.at)) {
    result += content.slice(from, insert.at) + insert.text
    from = insert.at
  }
  return result + content.slice(from)
}

/**
 * Mark the untagged content of every page as artifacts and the `Aside`
 * structure elements as notes. The page streams are inflated and deflated on
 * zlib's threads, all at once, while this thread marks them.
 */
export async function markArtifacts(pdf: Uint8Array): Promise<Uint8Array> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)
  if (!end) throw new Error('not a PDF Chromium wrote: no startxref at the end')
  const xrefAt = Number(end[1])
  const table = /^xref\s+0\s+(\d+)\s+/.exec(text.slice(xrefAt, xrefAt + 64))
  if (!table) throw new Error('not a PDF Chromium wrote: no cross-reference table at startxref')
  const count = Number(table[1])
  const entries = xrefAt + table[0].length
  const offsets: number[] = []
  for (let number = 0; number < count; number++) {
    const entry = text.slice(entries + number * 20, entries + number * 20 + 18)
    offsets.push(entry.endsWith('n') ? Number(entry.slice(0, 10)) : -1)
  }
  // The content streams of the pages.
  const contents = new Set<number>()
  for (const offset of offsets) {
    if (offset < 0) continue
    const head = text.slice(offset, text.indexOf('endobj', offset))
    if (!/\/Type\s*\/Page\b(?!s)/.test(head)) continue
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(head)
    for (const ref of refs?.[1]?.matchAll(/(\d+)\s+0\s+R/g) ?? []) contents.add(Number(ref[1]))
  }
  // The file again: each object where it was, content streams replaced, then the new table.
  const order = offsets
    .map((offset, number) => ({offset, number}))
    .filter((entry) => entry.offset >= 0)
    .sort((a, b) => a.offset - b.offset)
  // The notes (Aside elements), in the order of the file, and their IDs.
  const noteIds = new Map<number, string>()
  for (const {offset, number} of order) {
    const object = text.slice(offset, text.indexOf('endobj', offset))
    if (object.includes('/StructElem') && /\/S\s*\/Aside\b/.test(object))
      noteIds.set(number, `note-${String(noteIds.size + 1).padStart(4, '0')}`)
  }
  // Every content stream marked at once (zlib works on its own threads).
  const marked = new Map<number, Promise<string>>()
  for (const {offset, number} of order)
    if (contents.has(number))
      marked.set(number, markStream(text.slice(offset, text.indexOf('endobj', offset) + 6)))
  const parts: Buffer[] = []
  const newOffsets = new Map<number, number>()
  let written = 0
  let from = 0
  const push = (part: Buffer): void => {
    parts.push(part)
    written += part.length
  }
  for (const {offset, number} of order) {
    push(Buffer.from(text.slice(from, offset), 'latin1'))
    newOffsets.set(number, written)
    const close = text.indexOf('endobj', offset) + 'endobj'.length
    let object = text.slice(offset, close)
    const stream = marked.get(number)
    if (stream) object = await stream
    else if (noteIds.has(number))
      object = object.replace(/\/S\s*\/Aside\b/, `/S /Note\n/ID (${noteIds.get(number)})`)
    else if (
      noteIds.size > 0 &&
      /\/Type\s*\/StructTreeRoot\b/.test(object) &&
      !object.includes('/IDTree')
    ) {
      // (A name tree of one node: the IDs sorted, each with its element.)
      const names = [...noteIds].map(([element, id]) => `(${id}) ${element} 0 R`).join(' ')
      const end = object.lastIndexOf('>>')
      object = `${object.slice(0, end)}\n/IDTree <</Names [${names}]>>${object.slice(end)}`
    }
    push(Buffer.from(object, 'latin1'))
    from = close
  }
  push(Buffer.from(text.slice(from, xrefAt), 'latin1'))
  const xrefOffset = written
  let xref = `xref\n0 ${count}\n`
  for (let number = 0; number < count; number++) {
    const offset = newOffsets.get(number)
    xref +=
      offset === undefined
        ? '0000000000 65535 f \n'
        : `${String(offset).padStart(10, '0')} 00000 n \n`
  }
  const trailerAt = text.indexOf('trailer', xrefAt)
  push(
    Buffer.from(
      `${xref}${text.slice(trailerAt, end.index)}startxref\n${xrefOffset}\n%%EOF\n`,
      'latin1'
    )
  )
  return new Uint8Array(Buffer.concat(parts))
}

/** One content-stream object (`N 0 obj <<…>> stream … endstream endobj`) with its untagged content marked. */
async function markStream(object: string): Promise<string> {
  const streamAt = object.indexOf('stream')
  const dataStart = streamAt + 'stream'.length + (object.startsWith('\r\n', streamAt + 6) ? 2 : 1)
  const dict = object.slice(0, streamAt)
  const length = /\/Length\s+(\d+)\s*(?:\/|>>)/.exec(dict)
  if (!length || streamAt < 0) return object
  const data = Buffer.from(object.slice(dataStart, dataStart + Number(length[1])), 'latin1')
  const flate = /\/Filter\s*\/FlateDecode/.test(dict)
  if (!flate && /\/Filter/.test(dict)) return object
  const content = (flate ? await inflateAsync(data) : data).toString('latin1')
  const marked = markUntagged(content)
  if (marked === content) return object
  const bytes = flate
    ? await deflateAsync(Buffer.from(marked, 'latin1'))
    : Buffer.from(marked, 'latin1')
  const newDict = dict.replace(/\/Length\s+\d+/, `/Length ${bytes.length}`)
  return `${newDict}stream\n${bytes.toString('latin1')}\nendstream\nendobj`
}
