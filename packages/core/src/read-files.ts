/**
 * Confined reading of a content folder's files (Node.js only): a text file is
 * read only inside the content folder (after following symbolic links), below
 * the size limit, as UTF-8; what is refused is reported with its place.
 */
import {lstat, open, readlink, realpath, stat} from 'node:fs/promises'
import {constants} from 'node:fs'
import path from 'node:path'
import {Reporter, type DiglotMessage} from './messages.js'
import {MAX_FILE_BYTES} from './limits.js'
import {decodeUtf8} from './decode.js'

/**
 * The folder every read must stay in (after following symbolic links): a
 * source is published, so a link to a file elsewhere (`en.md -> ~/.ssh/id_rsa`)
 * would publish that file.
 */
export interface Confinement {
  /** Real path of the content folder. */
  root: string
  cwd: string
}

export async function confinementOf(dir: string, cwd: string): Promise<Confinement> {
  let root: string
  try {
    root = await realpath(dir)
  } catch {
    root = path.resolve(cwd, dir)
  }
  return {root, cwd}
}

/** What a link says (the first link on the way, when a folder above it is the link). */
export async function linkText(file: string): Promise<string> {
  try {
    return await readlink(file)
  } catch {
    return path.basename(file)
  }
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * Read a text file inside the content folder. Returns undefined when it does not
 * exist, and null when it was refused: a file reached through a link out of the folder, a folder or device
 * where a file should be, or a file over the size limit is reported and not read.
 */
export async function readText(
  file: string,
  shownAs: string,
  messages: DiglotMessage[],
  confinement: Confinement
): Promise<string | undefined | null> {
  const reporter = new Reporter(shownAs)
  try {
    await lstat(file)
  } catch {
    return undefined
  }
  let real: string
  try {
    real = await realpath(file)
  } catch {
    reporter.report(
      undefined,
      'file-missing',
      `${shownAs} is a link to a file that does not exist; replace it with the file itself`
    )
    messages.push(...reporter.messages)
    return null
  }
  if (!inside(confinement.root, real)) {
    reporter.report(
      undefined,
      'file-outside',
      `${shownAs} is a link to \`${await linkText(file)}\`, outside the content folder; everything published must be inside it: copy the file in instead of linking to it`
    )
    messages.push(...reporter.messages)
    return null
  }
  const info = await stat(real)
  if (!info.isFile()) {
    reporter.report(
      undefined,
      'file-missing',
      `${shownAs} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; it must be a text file`
    )
    messages.push(...reporter.messages)
    return null
  }
  if (info.size > MAX_FILE_BYTES) {
    reporter.report(
      undefined,
      'limit-exceeded',
      `${shownAs} is ${(info.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB per file are read (docs/format.md, Limits): split the work`
    )
    messages.push(...reporter.messages)
    return null
  }
  // O_NOFOLLOW | O_NONBLOCK: the file checked above is the file read (no swap for a link or a FIFO in between).
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  let bytes: Uint8Array
  try {
    bytes = await handle.readFile()
  } finally {
    await handle.close()
  }
  const result = decodeUtf8(
    bytes.length > MAX_FILE_BYTES ? bytes.subarray(0, MAX_FILE_BYTES) : bytes,
    shownAs
  )
  messages.push(...result.messages)
  return result.text
}

/** A content folder's entry: a folder (inside the content folder), a link out of it, or something else. */
export async function folderKind(
  dir: string,
  confinement: Confinement
): Promise<'folder' | 'outside' | 'other'> {
  try {
    const real = await realpath(dir)
    if (!(await stat(real)).isDirectory()) return 'other'
    return inside(confinement.root, real) ? 'folder' : 'outside'
  } catch {
    return 'other'
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file)
    return true
  } catch {
    return false
  }
}

export function shown(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file))
  return relative.startsWith('..')
    ? path.resolve(cwd, file)
    : relative.split(path.sep).join('/') || '.'
}
