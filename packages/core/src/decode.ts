/**
 * Bytes to text: strict UTF-8 with the place of the first bad byte. Platform-free (`TextDecoder`).
 */
import {Reporter, type DiglotMessage} from './messages.js'

/**
 * Decode UTF-8 strictly. Invalid bytes are reported (`utf8-invalid`) with their
 * line and column, and decoded as U+FFFD so that the rest can still be checked.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  file: string,
  reporter = new Reporter(file)
): {text: string; messages: DiglotMessage[]} {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(body), messages: reporter.messages}
  } catch {
    const text = new TextDecoder('utf-8').decode(body)
    const offset = firstInvalidOffset(body)
    const before = new TextDecoder('utf-8').decode(body.subarray(0, offset))
    const bom = bytes.length - body.length
    const lines = before.split('\n')
    reporter.report(
      {line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1},
      'utf8-invalid',
      `invalid UTF-8 at byte ${offset + bom}; save the file as UTF-8`
    )
    return {text, messages: reporter.messages}
  }
}

/** Offset of the first byte that starts an invalid or truncated UTF-8 sequence. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] as number
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0
    if (length === 0 || index + length > bytes.length) return index
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(index, index + length))
    } catch {
      return index
    }
    index += length
  }
  return index
}
