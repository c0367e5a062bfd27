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
 * Deflate each of `data` elsewhere (another thread), with fflate at `level`;
 * undefined when it cannot (the entries are then deflated here). It may take
 * over the arrays' memory.
 */
export type DeflateElsewhere = (
  data: Uint8Array[],
  level: 6 | 9
) => Promise<Uint8Array[]> | undefined

/** An entry ready to be written: its name and data as bytes, its checksum and how it is stored. */
interface ReadyEntry {
  name: Uint8Array
  utf8: boolean
  size: number
  crc: number
  store: boolean
  body: Uint8Array | undefined
}

/** An entry's bytes (`owned` when made here, from a string) and what is known of it. */
interface Prepared {
  ready: ReadyEntry
  data: Uint8Array
  owned: boolean
}

/**
 * Zip `entries` with every entry dated `date`. An entry may still be pending
 * (a cover being rendered on another thread). The entries ready now are
 * handed to `elsewhere` at once (before this function first waits), so that
 * they are deflated while this thread goes on; the rest is deflated here.
 */
export async function zip(
  entries: Array<ZipEntry | Promise<ZipEntry>>,
  date: Date,
  level: 6 | 9 = 9,
  elsewhere?: DeflateElsewhere
): Promise<Buffer> {
  const encoder = new TextEncoder()
  const prepare = (entry: ZipEntry): Prepared => {
    const name = encoder.encode(entry.name)
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data
    const store = entry.store === true
    return {
      ready: {
        name,
        utf8: name.length !== entry.name.length,
        size: data.length,
        crc: crc32(data),
        store,
        body: store ? data : undefined
      },
      data,
      owned: typeof entry.data === 'string'
    }
  }
  // The entries ready now, deflated elsewhere (each in memory of its own, which it may take).
  const now = entries.map((entry) => (entry instanceof Promise ? undefined : prepare(entry)))
  const toDeflate = now.filter((one): one is Prepared => one !== undefined && !one.ready.store)
  const deflated = elsewhere?.(
    // (Bytes given as bytes may be shared, a font's read once for several books: copied.)
    // (`new Uint8Array` copies; a Buffer's `slice` would not.)
    toDeflate.map(({data, owned}) => (owned ? data : new Uint8Array(data))),
    level
  )
  // (A thread that fails has taken the entries' bytes: they are made again from the entries.)
  const bodies = await deflated?.catch(() => undefined)
  if (bodies) {
    toDeflate.forEach((one, index) => {
      one.ready.body = bodies[index]
    })
  } else if (deflated) {
    for (const [index, entry] of entries.entries())
      if (now[index]?.owned && !now[index]?.ready.store) now[index] = prepare(entry as ZipEntry)
  }
  const ready: ReadyEntry[] = []
  for (const [index, entry] of entries.entries()) {
    const prepared = now[index] ?? prepare(await entry)
    prepared.ready.body ??= deflateSync(prepared.data, {level})
    ready.push(prepared.ready)
  }
  return write(ready, date)
}

/** The zip's bytes: each entry's local header and body, then the central directory. */
function write(entries: ReadyEntry[], date: Date): Buffer {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const chunks: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const {name, crc} = entry
    const body = entry.body as Uint8Array
    const method = entry.store ? 0 : 8
    // Not ASCII: mark the name UTF-8.
    const flags = entry.utf8 ? 0x800 : 0
    // The fields the local header (from byte 4) and the central record (from byte 6) share.
    const common = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at) // version needed: zip 2.0
      header.writeUInt16LE(flags, at + 2)
      header.writeUInt16LE(method, at + 4)
      header.writeUInt16LE(time, at + 6)
      header.writeUInt16LE(day, at + 8)
      header.writeUInt32LE(crc, at + 10)
      header.writeUInt32LE(body.length, at + 14)
      header.writeUInt32LE(entry.size, at + 18)
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
