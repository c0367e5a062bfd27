/**
 * Reading a PDF back with poppler and mupdf, for the tests.
 */
import {execFileSync} from 'node:child_process'

/** Run a command and return its stdout. */
export function run(command: string, args: string[]): string {
  return execFileSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** The text area of an A5 page in points, from the margins of the print style sheets (head 17 mm, foot 24 mm). */
export const textArea = {top: 48, bottom: 528}

/** `pdffonts` rows: name, type, emb, sub. */
export function fonts(
  file: string
): Array<{name: string; type: string; embedded: boolean; subset: boolean}> {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const match =
        /^(\S+)\s+(.+?)\s+(Identity-H|Custom|Builtin|WinAnsi|Standard|MacRoman|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(
          line
        )
      if (!match) throw new Error(`cannot read pdffonts line: ${line}`)
      return {
        name: match[1]!,
        type: match[2]!,
        embedded: match[4] === 'yes',
        subset: match[5] === 'yes'
      }
    })
}

/** `pdfinfo` fields. */
export function info(file: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) result[match[1]!] = match[2]!
  }
  return result
}

/** The text of every page (1-based index 0 = page 1). */
export function pages(file: string): string[] {
  return run('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .split('\f')
    .slice(0, Number(info(file)['Pages']))
}

/** Text without spaces, line breaks or hyphens, for searching across lines and hyphenation. */
export function squash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00AD\-‐‑]+/g, '')
    .replace(/ﬁ/g, 'fi')
    .replace(/ﬂ/g, 'fl')
}

/**
 * The folio printed on each page ('' when none): the lowest line, below the text
 * area (the text layer's last line may be a margin number or a note).
 */
export function folios(file: string): string[] {
  return pageFills(file).map((page) => page.folio)
}

/** `mutool show file outline`. */
export function outline(file: string): string[] {
  return run('mutool', ['show', file, 'outline'])
    .split('\n')
    .filter((line) => line.trim())
}

/** One page's body text as `pdftotext -bbox-layout` sees it. */
/** The union of the vertical extents of lines sorted by their top: the height they cover. */
export function coveredHeight(lines: ReadonlyArray<{top: number; bottom: number}>): number {
  let total = 0
  let reach = -Infinity
  for (const line of lines) {
    const start = Math.max(line.top, reach)
    if (line.bottom > start) total += line.bottom - start
    reach = Math.max(reach, line.bottom)
  }
  return total
}

export interface PageFill {
  /** Folio printed at the foot ('' when none: cover, blank pages). */
  folio: string
  /** Share of the text area's height that body lines cover (0–1). */
  fill: number
  /** Share of the text area's height that any line covers, notes included (0–1). */
  used: number
  /** Text of the first body line ('' when none). */
  first: string
  /** Number of body lines. */
  lines: number
}

/**
 * How full each page's text area is with body text. Body lines are told from
 * notes, running heads, folios and source page markers by their type size
 * (the height of their words' boxes); `area` is the text area's top and
 * bottom in points (from the page margins of print.css).
 */
export function pageFills(
  file: string,
  area: {top: number; bottom: number} = textArea,
  minHeight = 11.5
): PageFill[] {
  const result: PageFill[] = []
  for (const {lines} of pageLines(file)) {
    const last = [...lines].sort((a, b) => a.top - b.top).at(-1)
    const folio =
      last && last.top > area.bottom && /^(\d+|[ivxlc]+)$/.test(last.text.trim())
        ? last.text.trim()
        : ''
    const inArea = lines
      .filter((line) => line.top >= area.top - 2 && line.bottom <= area.bottom + 2)
      .sort((a, b) => a.top - b.top)
    const body = inArea.filter((line) => line.height >= minHeight)
    const covered = (list: typeof lines): number => coveredHeight(list) / (area.bottom - area.top)
    result.push({
      folio,
      fill: covered(body),
      used: covered(inArea),
      first: body[0]?.text ?? '',
      lines: body.length
    })
  }
  return result
}

/**
 * Pages whose notes begin with a single line carried over from the page before (a note
 * widow): the note lines (under `minHeight`) below the body text of the area, before the
 * first that starts with a note mark (`12`, `T3`, `E1`, after a side label `KK`/`EN`); the
 * caller keeps the pages of the text (the back matter is set in the notes' type size).
 */
export function noteWidows(
  file: string,
  area: {top: number; bottom: number} = textArea,
  minHeight = 11.5
): Array<{page: number; line: string}> {
  const widows: Array<{page: number; line: string}> = []
  pageLines(file).forEach(({lines}, index) => {
    const inArea = lines
      .filter((line) => line.top >= area.top - 2 && line.bottom <= area.bottom + 2)
      .sort((a, b) => a.top - b.top)
    const bodyEnd = Math.max(
      area.top,
      ...inArea.filter((line) => line.height >= minHeight).map((line) => line.bottom)
    )
    // (A lone number is a paragraph number in the margin.)
    const notes = inArea.filter(
      (line) => line.top >= bodyEnd && line.height < minHeight && !/^\d+$/.test(line.text.trim())
    )
    const first = notes.findIndex((line) => /^(?:(?:KK|EN)\s+)?[TE]?\d+\s/.test(line.text))
    const carried = first < 0 ? notes.length : first
    if (carried === 1) widows.push({page: index + 1, line: notes[0]!.text})
  })
  return widows
}

/** Page labels as `mutool` reads them from the catalog: [first page index, style] pairs. */
export function pageLabels(file: string): Array<[number, string]> {
  const text = run('mutool', ['show', file, 'trailer/Root/PageLabels'])
  return [...text.matchAll(/(\d+)\s*<<\s*\/S\s*\/(\w)/g)].map((match) => [
    Number(match[1]),
    match[2]!
  ])
}

/** A catalog entry (`Lang`, …) as `mutool` prints it. */
export function catalogEntry(file: string, key: string): string {
  return run('mutool', ['show', file, `trailer/Root/${key}`]).trim()
}

/** One line of a page as `pdftotext -bbox-layout` gives it. */
export interface BoxLine {
  left: number
  right: number
  top: number
  bottom: number
  /** Height of the tallest word box (the type size, roughly). */
  height: number
  text: string
  /** Index of the line's text block on its page (a paragraph, a heading, a note, a running head). */
  block: number
  /** The line's words with their boxes. */
  words: Array<{left: number; right: number; top: number; bottom: number; text: string}>
}

/** Text of `pdftotext -bbox-layout` and `mutool` XML, its entities decoded. */
export function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16))
    )
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The lines of every page with their boxes, and the page width (points). */
export function pageLines(file: string): Array<{width: number; lines: BoxLine[]}> {
  const xml = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'])
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1] ?? 0)
      const lines: BoxLine[] = []
      page
        .split('<block ')
        .slice(1)
        .forEach((block, blockIndex) => {
          for (const line of block.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
            const words = [
              ...line[1]!.matchAll(
                /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
              )
            ].map((word) => ({
              left: Number(word[1]),
              top: Number(word[2]),
              right: Number(word[3]),
              bottom: Number(word[4]),
              text: decodeXml(word[5]!)
            }))
            if (words.length === 0) continue
            lines.push({
              left: Math.min(...words.map((word) => word.left)),
              right: Math.max(...words.map((word) => word.right)),
              top: Math.min(...words.map((word) => word.top)),
              bottom: Math.max(...words.map((word) => word.bottom)),
              height: Math.max(...words.map((word) => word.bottom - word.top)),
              text: words.map((word) => word.text).join(' '),
              block: blockIndex,
              words
            })
          }
        })
      return {width, lines}
    })
}

/** The text a page draws, by how it is marked: in an artifact, in tagged content, or in none (`mutool trace`). */
export interface MarkedText {
  artifact: string
  tagged: string
  untagged: string
}

/** How each page's text is marked (pages 1-based, `first`–`last`), as `mutool trace` reports its marked-content sequences. */
export function markedText(file: string, first: number, last: number): MarkedText[] {
  const trace = run('mutool', ['trace', file, `${first}-${last}`])
  const result: MarkedText[] = []
  for (const page of trace.split('<page ').slice(1)) {
    const marked: MarkedText = {artifact: '', tagged: '', untagged: ''}
    const layers: string[] = []
    let kind: keyof MarkedText = 'untagged'
    for (const line of page.split('\n')) {
      const layer = /<layer name="([^"]*)"/.exec(line)
      if (layer) layers.push(layer[1]!)
      else if (line.includes('<end_layer')) layers.pop()
      else if (line.includes('<fill_text') || line.includes('<stroke_text'))
        kind = layers.includes('Artifact') ? 'artifact' : layers.length > 0 ? 'tagged' : 'untagged'
      const glyph = /<g unicode="([^"]*)"/.exec(line)
      if (glyph) marked[kind] += decodeXml(glyph[1]!)
    }
    result.push(marked)
  }
  return result
}
