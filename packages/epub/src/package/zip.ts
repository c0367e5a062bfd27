/**
 * A minimal, deterministic zip writer for the EPUB container: entries in the
 * order given, one fixed date (UTC), UNIX attributes, no extra fields, no
 * directory entries. Deflate is fflate's (pure JavaScript, so the bytes do not
 * depend on the platform's zlib); entries marked `store` (the `mimetype`,
 * already-compressed images) are stored.
 */
import {deflateSync} from 'fflate'

export interface ZipEntry {
  name: string
  data: Uint8Array | string
  store?: boolean
}

const crcTable = new Int32Array(256).map((_, index) => {
  let c = index
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c
})

function crc32(data: Uint8Array): number {
  let crc = -1
  for (let index = 0; index < data.length; index++)
    crc = (crc >>> 8) ^ (crcTable[(crc ^ (data[index] ?? 0)) & 0xff] ?? 0)
  return (crc ^ -1) >>> 0
}

/**
 * Zip `entries` with every entry dated `date`. An entry may still be pending
 * (a cover being rendered on another thread): the entries before it are
 * compressed meanwhile.
 */
export async function zip(
  entries: Array<ZipEntry | Promise<ZipEntry>>,
  date: Date,
  level: 6 | 9 = 9
): Promise<Buffer> {
  const encoder = new TextEncoder()
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const chunks: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const pending of entries) {
    const entry = await pending
    const name = encoder.encode(entry.name)
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data
    const method = entry.store ? 0 : 8
    const body = entry.store ? data : deflateSync(data, {level})
    const crc = crc32(data)
    // Not ASCII: mark the name UTF-8.
    const flags = name.length === entry.name.length ? 0 : 0x800
    // The fields the local header (from byte 4) and the central record (from byte 6) share.
    const common = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at) // version needed: zip 2.0
      header.writeUInt16LE(flags, at + 2)
      header.writeUInt16LE(method, at + 4)
      header.writeUInt16LE(time, at + 6)
      header.writeUInt16LE(day, at + 8)
      header.writeUInt32LE(crc, at + 10)
      header.writeUInt32LE(body.length, at + 14)
      header.writeUInt32LE(data.length, at + 18)
      header.writeUInt16LE(name.length, at + 22)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    common(local, 4)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE((3 << 8) | 20, 4) // made by: UNIX, zip 2.0
    common(record, 6)
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38) // -rw-r--r--
    record.writeUInt32LE(offset, 42)
    chunks.push(local, name, body)
    central.push(record, name)
    offset += local.length + name.length + body.length
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, ...central, end])
}
