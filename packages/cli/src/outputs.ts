/**
 * Atomic outputs and a manifest. Renderers write into a staging folder inside
 * the output folder (same file system); when a format is done, each file is
 * renamed into place, so a reader never sees half a file and an interrupted
 * build leaves the previous editions whole. `.diglot-manifest.json` records the
 * files each format wrote; a later build of that format removes the ones it no
 * longer writes (a removed work's editions) and never touches any other file.
 */
import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  unlink,
  writeFile
} from 'node:fs/promises'
import {mkdirSync, renameSync} from 'node:fs'
import path from 'node:path'
import {onCleanup} from '@diglot/core'

const manifestName = '.diglot-manifest.json'
const stagingPrefix = '.diglot-staging-'

interface Manifest {
  /** Files written by each format, relative to the output folder. */
  formats: Record<string, string[]>
}

/** A build's staging folder. */
export interface Staging {
  /** Where renderers write. */
  dir: string
  /** Move a format's files into the output folder and forget the stale ones of that format. */
  commit(format: string, files: readonly string[]): Promise<void>
  /** Remove the staging folder. */
  dispose(): Promise<void>
}

/** Create the output folder and a staging folder in it; staging folders of dead builds are removed. */
export async function createStaging(outDir: string): Promise<Staging> {
  await mkdir(outDir, {recursive: true})
  await removeDeadStagings(outDir)
  const dir = await mkdtemp(path.join(outDir, `${stagingPrefix}${process.pid}-`))
  const unregister = onCleanup(() => rm(dir, {recursive: true, force: true}))
  return {
    dir,
    async commit(format, files) {
      // Renamed synchronously: each is a metadata change, cheaper than a round trip through libuv's pool.
      const made = new Set<string>()
      for (const file of files) {
        const target = safeJoin(outDir, file)
        const folder = path.dirname(target)
        if (!made.has(folder)) mkdirSync(folder, {recursive: true})
        made.add(folder)
        renameSync(safeJoin(dir, file), target)
      }
      const manifest = await readManifest(outDir)
      const kept = new Set(files)
      const stale = (manifest.formats[format] ?? []).filter(
        (file) =>
          !kept.has(file) &&
          !Object.entries(manifest.formats).some(
            ([other, list]) => other !== format && list.includes(file)
          )
      )
      for (const file of stale) await removeFile(outDir, file)
      manifest.formats[format] = [...files].sort()
      // The same bytes whichever format finished first.
      manifest.formats = Object.fromEntries(
        Object.entries(manifest.formats).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      )
      const temporary = path.join(dir, manifestName)
      await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`)
      await rename(temporary, path.join(outDir, manifestName))
    },
    async dispose() {
      unregister()
      await rm(dir, {recursive: true, force: true})
    }
  }
}

/** `outDir/file`, refusing a path that would leave `outDir` (a manifest is data from disk too). */
function safeJoin(outDir: string, file: string): string {
  const target = path.resolve(outDir, file)
  const relative = path.relative(path.resolve(outDir), target)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new Error(`output path ${file} leaves the output folder`)
  return target
}

async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(path.join(outDir, manifestName), 'utf8')) as unknown
    if (
      data !== null &&
      typeof data === 'object' &&
      'formats' in data &&
      data.formats !== null &&
      typeof data.formats === 'object'
    ) {
      const formats: Record<string, string[]> = {}
      for (const [name, list] of Object.entries(data.formats as Record<string, unknown>)) {
        if (Array.isArray(list))
          formats[name] = list.filter((item): item is string => typeof item === 'string')
      }
      return {formats}
    }
  } catch {
    // No manifest yet (or an unreadable one): nothing is known to be ours.
  }
  return {formats: {}}
}

/** Remove a file this build wrote before, then its folders if they became empty. */
async function removeFile(outDir: string, file: string): Promise<void> {
  let target: string
  try {
    target = safeJoin(outDir, file)
  } catch {
    return
  }
  try {
    await unlink(target)
  } catch {
    return
  }
  for (
    let folder = path.dirname(target);
    folder !== path.resolve(outDir) && folder.startsWith(path.resolve(outDir));
    folder = path.dirname(folder)
  ) {
    try {
      await rmdir(folder)
    } catch {
      break
    }
  }
}

/** Staging folders left by a build that was killed (its process is gone). */
async function removeDeadStagings(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (!name.startsWith(stagingPrefix)) continue
    const pid = Number(/^\.diglot-staging-(\d+)-/.exec(name)?.[1])
    if (Number.isInteger(pid) && (pid === process.pid || alive(pid))) continue
    await rm(path.join(outDir, name), {recursive: true, force: true})
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
