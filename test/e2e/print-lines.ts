/**
 * The lines of a PDF as a reader sees them on its pages, read with
 * `pdftotext -bbox-layout`: for the typography checks of the print edition.
 */
import {execFileSync} from 'node:child_process'
import {decodeXml, pageLines} from '../../packages/pdf/test/poppler.js'

/** One line of text on a page. */
export interface PrintLine {
  /** Page number (1-based). */
  page: number
  /** Index of the text block on the page (a paragraph, a heading, a note, a running head). */
  block: number
  text: string
  top: number
  bottom: number
  /** Height of the tallest word box (the type size, roughly): body text ≥ 11.5 pt, notes and heads smaller. */
  height: number
}

/** Every line of every page of `file`, in reading order (`pageLines` of the PDF test helpers). */
export function printLines(file: string): PrintLine[] {
  return pageLines(file).flatMap(({lines}, index) =>
    lines.map(({block, text, top, bottom, height}) => ({
      page: index + 1,
      block,
      text,
      top,
      bottom,
      height
    }))
  )
}

/** Whether a line ends in a hyphen that breaks a word (a soft hyphen made visible, or a hyphen after a letter). */
export function endsHyphenated(line: PrintLine): boolean {
  return /\p{L}\u00AD?[-\u00AD\u2010]$/u.test(line.text)
}

/** Whether a line ends at a soft hyphen (a break the hyphenation made, not a hyphen of the text). */
export function endsAtSoftHyphen(line: PrintLine): boolean {
  return /\p{L}\u00AD[-\u2010]?$/u.test(line.text)
}

/** Lines of running text (body type size), not notes, running heads or folios. */
export function bodyLines(lines: PrintLine[], minHeight = 11.5): PrintLine[] {
  return lines.filter((line) => line.height >= minHeight)
}

/** A line with the fonts of its characters, from `mutool draw -F stext`. */
export interface StyledLine {
  page: number
  text: string
  top: number
  /** Largest font size on the line (pt). */
  size: number
  /** Share of the line's visible characters set in a bold face. */
  bold: number
}

/** Every line of every page of `file`, with the fonts of its characters. */
export function styledLines(file: string): StyledLine[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const lines: StyledLine[] = []
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, pageIndex) => {
      for (const line of page.matchAll(
        /<line bbox="[\d.-]+ ([\d.-]+) [^"]*"[^>]*>([\s\S]*?)<\/line>/g
      )) {
        let text = ''
        let size = 0
        let visible = 0
        let bold = 0
        for (const font of line[2]!.matchAll(
          /<font name="([^"]*)" size="([\d.]+)">([\s\S]*?)<\/font>/g
        )) {
          const chars = [...font[3]!.matchAll(/ c="([^"]*)"/g)].map((match) => decodeXml(match[1]!))
          text += chars.join('')
          size = Math.max(size, Number(font[2]))
          const shown = chars.filter((char) => char.trim() !== '').length
          visible += shown
          if (/Bold/.test(font[1]!)) bold += shown
        }
        lines.push({
          page: pageIndex + 1,
          text,
          top: Number(line[1]),
          size,
          bold: visible > 0 ? bold / visible : 0
        })
      }
    })
  return lines
}
