/**
 * The limits of what Diglot reads, in one place (documented in docs/format.md).
 * Beyond them a source is refused with an error at its place, never a crash or a hang.
 */

import type {Reporter} from './messages.js'

/** Largest file read (Markdown or YAML), in bytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024

/** Deepest nesting of block quotes, lists and inline marks. */
export const MAX_NESTING = 100

/** Most emphasis delimiter runs (`*`, `_`) in one paragraph (the parser is quadratic in them). */
export const MAX_EMPHASIS_RUNS = 400

/** Longest string in `work.yaml` or `glossary.yaml`, in characters. */
export const MAX_FIELD_LENGTH = 10_000

/** Characters that may not appear in a source: C0 and C1 controls (but tab, LF, CR), DEL, U+FFFE/U+FFFF. */
const forbidden =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/** A character that can be printed in a message: `U+001B`. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** Each forbidden character of `text`, with its 1-based line and column. */
export function forbiddenCharacters(
  text: string
): Array<{char: string; line: number; column: number; offset: number}> {
  const found: Array<{char: string; line: number; column: number; offset: number}> = []
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/.test(text))
    return found
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const match of text.matchAll(new RegExp(forbidden.source, 'g'))) {
    const offset = match.index ?? 0
    for (
      let index = text.indexOf('\n', scanned);
      index !== -1 && index < offset;
      index = text.indexOf('\n', index + 1)
    ) {
      line++
      lineStart = index + 1
    }
    scanned = offset
    found.push({char: match[0], line, column: offset - lineStart + 1, offset})
  }
  return found
}

/** `text` with every forbidden character replaced by U+FFFD (so that the rest can still be checked). */
function withoutForbidden(text: string): string {
  return text.replace(new RegExp(forbidden.source, 'g'), '\uFFFD')
}

/**
 * Escape control characters for a message printed on a terminal: an ESC from a
 * source must never reach the user's terminal as an escape sequence.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`
  )
}

/**
 * How deeply a line nests containers at its start (block quote marks, list
 * markers, and indentation counted as one level per two columns). Cheap, and
 * done before parsing: a line like `- - - - …` (10,000 markers) makes the
 * Markdown parser quadratic.
 */
export function lineNesting(line: string): number {
  // A thematic break (`- - - -`, `* * *`) nests nothing.
  if (/^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$/.test(line)) return 0
  let depth = 0
  let columns = 0
  let index = 0
  // Only the line's start matters; bounded so that a huge line costs little.
  while (index < line.length && depth + columns / 2 <= 4 * MAX_NESTING) {
    const char = line[index]
    if (char === ' ') {
      columns++
      index++
    } else if (char === '\t') {
      columns += 4 - (columns % 4)
      index++
    } else if (char === '>') {
      depth++
      index++
    } else if (
      (char === '-' || char === '*' || char === '+') &&
      (line[index + 1] === ' ' || line[index + 1] === '\t' || index + 1 === line.length)
    ) {
      depth++
      index++
    } else {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(index, index + 11))
      if (!ordered) break
      depth++
      index += ordered[0].length
    }
  }
  return depth + Math.floor(columns / 2)
}

/** Report forbidden characters (controls, unpaired surrogates) and replace them, so the rest can be checked. */
export function checkCharacters(text: string, reporter: Reporter): string {
  const found = forbiddenCharacters(text)
  if (found.length === 0) return text
  for (const {char, line, column} of found.slice(0, 20)) {
    reporter.report(
      {line, column},
      'char-invalid',
      `${codePointName(char)} is a control character or an unpaired surrogate, which no edition can hold; delete it`
    )
  }
  return withoutForbidden(text)
}
