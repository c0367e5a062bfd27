/**
 * Checks of `build`'s folders before anything is read or written: a mistake in
 * `--out` or `--templates` is a usage error (exit 2, one line), never a crash
 * halfway through a build.
 */
import {access, realpath, stat} from 'node:fs/promises'
import {constants} from 'node:fs'
import path from 'node:path'
import {printable} from '@diglot/core'

/** Folders no output may go to: kernel file systems (writes there hang or do harm). */
const pseudo = ['/proc', '/sys', '/dev']

/** Why `outDir` cannot receive the editions of `contentDir`, or undefined when it can. */
export async function outDirProblem(
  outDir: string,
  contentDir: string
): Promise<string | undefined> {
  if (outDir.trim() === '') return '--out is empty; give a folder, e.g. --out dist'
  const target = path.resolve(outDir)
  // The nearest folder that exists decides where the output would really go.
  let existing = target
  const rest: string[] = []
  for (;;) {
    try {
      const info = await stat(existing)
      if (!info.isDirectory()) {
        return existing === target
          ? `--out ${show(outDir)} is a file, not a folder; give a folder (it is created when missing)`
          : `--out ${show(outDir)} cannot be created: ${show(existing)} is a file`
      }
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR')
        return `--out ${show(outDir)} cannot be created: a part of the path is a file`
      const parent = path.dirname(existing)
      if (parent === existing) return `--out ${show(outDir)} cannot be created`
      rest.unshift(path.basename(existing))
      existing = parent
    }
  }
  const real = path.join(await realpath(existing), ...rest)
  if (pseudo.some((root) => real === root || real.startsWith(`${root}/`)))
    return `--out ${show(outDir)} is in ${real.split('/').slice(0, 2).join('/')}, a system folder; give a folder of your own`
  try {
    await access(existing, constants.W_OK)
  } catch {
    return `--out ${show(outDir)} is not writable (${show(existing)}); give a folder you can write to`
  }
  let content: string
  try {
    content = await realpath(contentDir)
  } catch {
    return undefined
  }
  const relative = path.relative(content, real)
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    return `--out ${show(outDir)} is inside the content folder ${show(contentDir)}; the editions would become part of the source: write them elsewhere (default dist)`
  }
  return undefined
}

/** Why `templatesDir` cannot be used, or undefined when it can. */
export async function templatesDirProblem(templatesDir: string): Promise<string | undefined> {
  if (templatesDir.trim() === '')
    return '--templates is empty; give a folder whose html/, epub/ or pdf/ files override the shipped templates'
  try {
    if (!(await stat(templatesDir)).isDirectory())
      return `--templates ${show(templatesDir)} is not a folder`
  } catch {
    return `--templates ${show(templatesDir)} does not exist; give a folder whose html/, epub/ or pdf/ files override the shipped templates`
  }
  return undefined
}

function show(value: string): string {
  return printable(value)
}
