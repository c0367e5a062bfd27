/**
 * The hostile cases: one folder per case under test/hostile/cases/, each with a
 * `case.yaml` saying what to run and what the user must see, an `expected.txt`
 * holding the exact stderr (paths relative to the case's temporary copy), and
 * the files of the case (a `content/` folder, an `outside/` folder, …).
 *
 * case.yaml:
 *   about:    what the case shows (the issue's words)
 *   base:     sample — start from a copy of test/fixtures/content as content/
 *   templates: true — copy the renderers' shipped templates into templates/ beside the content
 *   files:    {path: text} written over the copy
 *   append:   {path: text} appended
 *   generate: [{path, head, unit, times, tail}] — large inputs, made at run time
 *   symlinks: {path: target}
 *   remove:   [path]
 *   steps:    [{args, exit, files?, remove?}] — a multi-step run; else `args` and `exit`
 *   outputs:  {exists: [...], absent: [...], none: [part of a name no file or folder may have],
 *              contains: {file: [...]}, lacks: {file: [...]}}
 *             `file!entry` names an entry of a zip (EPUB)
 *   maxMs:    the run must end within this time (generous: the machine may be busy)
 *
 * Regenerate the expected.txt files with `UPDATE_HOSTILE=1 npx vitest run test/hostile`
 * and review each one.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import JSZip from 'jszip'
import {parse} from 'yaml'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const casesDir = path.join(repoRoot, 'test', 'hostile', 'cases')
const sampleContent = path.join(repoRoot, 'test', 'fixtures', 'content')

export interface Step {
  args: string[]
  exit: number
  files?: Record<string, string>
  remove?: string[]
}

export interface HostileCase {
  name: string
  dir: string
  about: string
  base?: 'sample'
  /** Copy the renderers' shipped templates into templates/ beside the content (an override of every file). */
  templates?: boolean
  files?: Record<string, string>
  append?: Record<string, string>
  generate?: Array<{
    path: string
    head?: string
    unit: string
    times: number
    more?: Array<{unit: string; times: number}>
    tail?: string
  }>
  symlinks?: Record<string, string>
  remove?: string[]
  steps: Step[]
  outputs?: {
    exists?: string[]
    absent?: string[]
    none?: string[]
    contains?: Record<string, string[]>
    lacks?: Record<string, string[]>
  }
  maxMs?: number
}

/** Every case, sorted by name. */
export function loadCases(): HostileCase[] {
  return readdirSync(casesDir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = path.join(casesDir, name)
      const data = parse(readFileSync(path.join(dir, 'case.yaml'), 'utf8')) as Omit<
        HostileCase,
        'name' | 'dir' | 'steps'
      > & {steps?: Step[]; args?: string[]; exit?: number}
      const steps = data.steps ?? [{args: data.args ?? ['check', 'content'], exit: data.exit ?? 0}]
      return {...data, name, dir, steps}
    })
}

/** A templates folder overriding every file: each renderer package's shipped templates in `<dir>/<format>/`. */
export function copyShippedTemplates(dir: string): void {
  for (const format of ['html', 'epub', 'pdf'])
    cpSync(path.join(repoRoot, 'packages', format, 'templates'), path.join(dir, format), {
      recursive: true
    })
}

/** A temporary copy of the case, with its generated files and links. */
export function prepare(hostile: HostileCase): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), `diglot-hostile-${hostile.name}-`)))
  if (hostile.base === 'sample') cpSync(sampleContent, path.join(dir, 'content'), {recursive: true})
  if (hostile.templates === true) copyShippedTemplates(path.join(dir, 'templates'))
  for (const entry of readdirSync(hostile.dir)) {
    if (entry === 'case.yaml' || entry === 'expected.txt') continue
    cpSync(path.join(hostile.dir, entry), path.join(dir, entry), {
      recursive: true,
      verbatimSymlinks: true
    })
  }
  writeFiles(dir, hostile.files)
  for (const [file, text] of Object.entries(hostile.append ?? {}))
    appendFileSync(path.join(dir, file), text)
  for (const spec of hostile.generate ?? []) {
    mkdirSync(path.dirname(path.join(dir, spec.path)), {recursive: true})
    const more = (spec.more ?? []).map((part) => expand(part.unit, part.times)).join('')
    writeFileSync(
      path.join(dir, spec.path),
      `${spec.head ?? ''}${expand(spec.unit, spec.times)}${more}${spec.tail ?? ''}`
    )
  }
  for (const [link, target] of Object.entries(hostile.symlinks ?? {})) {
    rmSync(path.join(dir, link), {force: true, recursive: true})
    mkdirSync(path.dirname(path.join(dir, link)), {recursive: true})
    symlinkSync(target, path.join(dir, link))
  }
  for (const file of hostile.remove ?? [])
    rmSync(path.join(dir, file), {recursive: true, force: true})
  return dir
}

/** `unit` repeated `times` times; `{i}` in it counts from 1. */
function expand(unit: string, times: number): string {
  if (!unit.includes('{i}')) return unit.repeat(times)
  const parts: string[] = []
  for (let index = 1; index <= times; index++) parts.push(unit.replaceAll('{i}', String(index)))
  return parts.join('')
}

export function writeFiles(dir: string, files: Record<string, string> | undefined): void {
  for (const [file, text] of Object.entries(files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
    writeFileSync(path.join(dir, file), text)
  }
}

/** The text of an output: a file, or `file!entry` inside a zip. */
export async function outputText(dir: string, name: string): Promise<string | undefined> {
  const [file, entry] = name.split('!') as [string, string | undefined]
  const full = path.join(dir, file)
  if (!existsSync(full)) return undefined
  if (entry === undefined) return readFileSync(full, 'utf8')
  const zip = await JSZip.loadAsync(readFileSync(full))
  return zip.file(entry)?.async('string')
}

/** Every file and folder under `dir` (relative paths). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const result: string[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      result.push(path.relative(dir, full))
      if (entry.isDirectory()) walk(full)
    }
  }
  walk(dir)
  return result.sort()
}
