/**
 * Reading a PDF back with poppler and mupdf, for the tests.
 */
import {execFileSync} from 'node:child_process'

/** Run a command and return its stdout. */
export function run(command: string, args: string[]): string {
  return execFileSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** `pdffonts` rows: name, type, emb, sub. */
export function fonts(file: string): Array<{name: string; type: string; embedded: boolean; subset: boolean}> {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const match = /^(\S+)\s+(.+?)\s+(Identity-H|Custom|Builtin|WinAnsi|Standard|MacRoman|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line)
      if (!match) throw new Error(`cannot read pdffonts line: ${line}`)
      return {name: match[1]!, type: match[2]!, embedded: match[4] === 'yes', subset: match[5] === 'yes'}
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
  return run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, Number(info(file)['Pages']))
}

/** Text without spaces, line breaks or hyphens, for searching across lines and hyphenation. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00AD\-‐‑]+/g, '').replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl')
}

/** The folio printed on each page (its last line), '' when none. */
export function folios(pageTexts: string[]): string[] {
  return pageTexts.map((text) => {
    const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
    const last = lines[lines.length - 1] ?? ''
    return /^(\d+|[ivxlc]+)$/.test(last) ? last : ''
  })
}

/** `mutool show file outline`. */
export function outline(file: string): string[] {
  return run('mutool', ['show', file, 'outline']).split('\n').filter((line) => line.trim())
}
