/**
 * Font names as the faces are. Fontsource's Noto Serif SC files for weight
 * 400 carry the name of the variable font's first instance ("Noto Serif SC
 * ExtraLight", PostScript `NotoSerifSCExtraLight-Regular`) although their
 * outlines and `OS/2` weight class are 400, so a PDF that embeds them says
 * the Chinese is set in ExtraLight (`pdffonts`). The PDF's font names
 * (`/BaseFont`, `/FontName`) are rewritten to the face's true name, padded
 * with spaces to the same length so that no byte offset moves.
 */

/** Misnamed faces: the name in the font files and the name of the face they hold. */
const corrections: ReadonlyArray<readonly [string, string]> = [
  ['NotoSerifSCExtraLight-Regular', 'NotoSerifSC-Regular']
]

/** The PDF with the font names corrected (the same length; a new array only when something changed). */
export function correctFontNames(bytes: Uint8Array): Uint8Array {
  let text: string | undefined
  for (const [wrong, right] of corrections) {
    text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    // A name token: `/` and a subset tag, ended by white space or a delimiter.
    const pattern = new RegExp(`(/(?:[A-Z]{6}\\+)?)${wrong}(?=[\\s/\\[\\]<>()])`, 'g')
    text = text.replace(
      pattern,
      (_, prefix: string) => `${prefix}${right}${' '.repeat(wrong.length - right.length)}`
    )
  }
  if (text === undefined) return bytes
  const result = Buffer.from(text, 'latin1')
  return result.equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    ? bytes
    : new Uint8Array(result.buffer, result.byteOffset, result.byteLength)
}
