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
const PERCENT = 0x25
const LESS = 0x3c
const GREATER = 0x3e
const SLASH = 0x2f

/** Whether `content[from, to)` is a number (`[+-]?(\d+\.?\d*|\.\d+)`), read without slicing it. */
function isNumber(content: string, from: number, to: number): boolean {
  let at = from
  const first = content.charCodeAt(at)
  if (first === 0x2b || first === 0x2d) at++
  const digitsFrom = (index: number): number => {
    while (index < to && isDigit(content.charCodeAt(index))) index++
    return index
  }
  if (at < to && isDigit(content.charCodeAt(at))) {
    at = digitsFrom(at)
    if (at < to && content.charCodeAt(at) === 0x2e) at = digitsFrom(at + 1)
    return at === to
  }
  if (at < to && content.charCodeAt(at) === 0x2e) {
    const after = digitsFrom(at + 1)
    return after > at + 1 && after === to
  }
  return false
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** Whether the word `content[from, to)` is an operand (a number, a boolean, null), not an operator. */
function isOperandWord(content: string, from: number, to: number): boolean {
  const first = content.charCodeAt(from)
  // Operators start with a letter or a quote; numbers with a digit, a sign or a point.
  if (isDigit(first) || first === 0x2b || first === 0x2d || first === 0x2e)
    return isNumber(content, from, to)
  const length = to - from
  if (length !== 4 && length !== 5) return false
  const word = content.slice(from, to)
  return word === 'true' || word === 'false' || word === 'null'
}

/** An operator of at most three characters as one number (its latin1 codes, first lowest), else -1. */
function operatorKey(content: string, from: number, to: number): number {
  const length = to - from
  if (length > 3) return -1
  let key = 0
  for (let index = to - 1; index >= from; index--) key = key * 256 + content.charCodeAt(index)
  return key
}

/** `operatorKey` of a name. */
function keyOf(name: string): number {
  return operatorKey(name, 0, name.length)
}

/**
 * Read the operations of a content stream (latin1 text), calling `onOperator`
 * with each operator's `operatorKey`, where its operands start (or it does,
 * without operands), where it starts and where it ends. (Chromium writes a
 * page's text a glyph at a time: hundreds of thousands of operators a book,
 * so none is sliced out here.)
 */
function scanOperations(
  content: string,
  onOperator: (key: number, start: number, tokenStart: number, end: number) => void
): void {
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
    if (code === PERCENT) {
      while (at < length && content.charCodeAt(at) !== 0x0a && content.charCodeAt(at) !== 0x0d) at++
      continue
    }
    const tokenStart = at
    const next = content.charCodeAt(at + 1)
    if (code === LEFT_PAREN) skipString()
    else if ((code === LESS && next === LESS) || (code === GREATER && next === GREATER)) at += 2
    else if (code === LESS) at = content.indexOf('>', at) + 1 || length
    else if (code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d) at++
    else if (code === SLASH) {
      at++
      skipWord()
    } else {
      skipWord()
      if (at === tokenStart) at++
      if (!isOperandWord(content, tokenStart, at)) {
        onOperator(
          operatorKey(content, tokenStart, at),
          operandStart < 0 ? tokenStart : operandStart,
          tokenStart,
          at
        )
        operandStart = -1
        continue
      }
    }
    if (operandStart < 0) operandStart = tokenStart
  }
}

/** The operations of a content stream (latin1 text). */
export function operations(content: string): Operation[] {
  const result: Operation[] = []
  scanOperations(content, (_key, start, tokenStart, end) => {
    result.push({
      operator: content.slice(tokenStart, end),
      start,
      end,
      operands: content.slice(start, tokenStart)
    })
  })
  return result
}

/** What an operator does, for `markUntagged` (a number, kept in a typed array). */
const Kind = {
  Other: 0,
  /** Paints (text, an XObject, a shading, an inline image). */
  Paint: 1,
  /** Paints a path. */
  PathPaint: 2,
  /** Starts a path. */
  PathStart: 3,
  /** Ends a path without painting it (`n`). */
  PathEnd: 4,
  BeginText: 5,
  EndText: 6,
  BeginMarked: 7,
  EndMarked: 8,
  /** Another operator an artifact must not enclose on one side only (`q`, `Q`, `BI`). */
  Boundary: 9
} as const
type Kind = (typeof Kind)[keyof typeof Kind]

/** The kinds of the operators `markUntagged` acts on, by `operatorKey`. */
const kinds = new Map<number, Kind>(
  (
    [
      ...['Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI'].map((name) => [name, Kind.Paint] as const),
      ...['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*'].map(
        (name) => [name, Kind.PathPaint] as const
      ),
      ...['m', 're'].map((name) => [name, Kind.PathStart] as const),
      ['n', Kind.PathEnd],
      ['BT', Kind.BeginText],
      ['ET', Kind.EndText],
      ['BMC', Kind.BeginMarked],
      ['BDC', Kind.BeginMarked],
      ['EMC', Kind.EndMarked],
      ...['q', 'Q', 'BI'].map((name) => [name, Kind.Boundary] as const)
    ] as Array<readonly [string, Kind]>
  ).map(([name, kind]) => [keyOf(name), kind])
)

/** Whether a marked-content sequence's operands tag its content (an MCID, or an artifact already). */
function tagsContent(content: string, start: number, tokenStart: number): boolean {
  const operands = content.slice(start, tokenStart)
  return /\/MCID\b/.test(operands) || /^\s*\/Artifact\b/.test(operands)
}

/**
 * Wrap the page content that is in no tagged marked-content sequence (one
 * with an MCID, or an artifact already) in `/Artifact BMC … EMC`.
 */
export function markUntagged(content: string): string {
  // The operators in order (kind, where they and their operands start, end),
  // and for each marked-content sequence whether it tags its content.
  let count = 0
  let kind = new Uint8Array(1024)
  let start = new Int32Array(1024)
  let end = new Int32Array(1024)
  let tags = new Uint8Array(1024)
  scanOperations(content, (key, from, tokenStart, to) => {
    const found = kinds.get(key) ?? Kind.Other
    if (count === kind.length) {
      const grow = <T extends Uint8Array | Int32Array>(array: T): T => {
        const bigger = new (array.constructor as new (size: number) => T)(array.length * 2)
        bigger.set(array)
        return bigger
      }
      kind = grow(kind)
      start = grow(start)
      end = grow(end)
      tags = grow(tags)
    }
    kind[count] = found
    start[count] = from
    end[count] = to
    tags[count] = found === Kind.BeginMarked && tagsContent(content, from, tokenStart) ? 1 : 0
    count++
  })
  // Text objects with no marked content inside: an artifact encloses the whole object (readers
  // that gather a text object's glyphs until ET see them inside it).
  const plainText = new Uint8Array(count)
  for (let index = 0, begin = -1; index < count; index++) {
    const name = kind[index]
    if (name === Kind.BeginText) begin = index
    else if (name === Kind.BeginMarked) begin = -1
    else if (name === Kind.EndText && begin >= 0) {
      plainText[begin] = 1
      plainText[index] = 1
      begin = -1
    }
  }
  // Where `/Artifact BMC` and `EMC` go, in order (an EMC goes where the last operator before it ends).
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
  let taggedOpen = 0 // (how many of the open sequences tag their content)
  for (let index = 0; index < count; index++) {
    const name = kind[index] as Kind
    const opStart = start[index] as number
    const tagged = taggedOpen > 0
    if (plainText[index] === 1 && !tagged) {
      // (At ET the artifact stays open for what follows at the same level.)
      if (name === Kind.BeginText) begin(opStart)
    } else if (
      name === Kind.BeginText ||
      name === Kind.EndText ||
      name === Kind.BeginMarked ||
      name === Kind.EndMarked ||
      name === Kind.Boundary
    ) {
      close()
      if (name === Kind.BeginMarked) {
        const tagging = tags[index] === 1
        stack.push(tagging)
        if (tagging) taggedOpen++
      } else if (name === Kind.EndMarked && stack.pop() === true) taggedOpen--
    } else if (!tagged) {
      if (name === Kind.PathStart && pathStart < 0) pathStart = opStart
      if (name === Kind.PathPaint) begin(pathStart >= 0 ? pathStart : opStart)
      else if (name === Kind.Paint) begin(opStart)
    }
    if (name === Kind.PathPaint || name === Kind.PathEnd) pathStart = -1
    lastEnd = end[index] as number
  }
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
