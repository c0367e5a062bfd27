/**
 * Whole processes, as a user waits for them: spawn a command, wait for it to
 * exit, time it from spawn to exit. Subjects are measured round-robin (a, b,
 * c, a, b, c, …) so that a change in the machine's load hits all alike.
 */
import {spawn} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

export const repo = fileURLToPath(new URL('..', import.meta.url))
export const contentDir = path.join(repo, 'content')
export const templatesDir = path.join(repo, 'templates')
/** The `diglot` command as built by `pnpm build` (the bundle). */
export const diglot = path.join(repo, 'packages', 'cli', 'bundle', 'diglot.js')
/** The same command unbundled (tsc output), for the record. */
export const diglotUnbundled = path.join(repo, 'packages', 'cli', 'dist', 'bin.js')

/** Scale the number of runs (e.g. BENCH_RUNS=0.5 for a quick look). */
const scale = Number(process.env['BENCH_RUNS'] ?? '1')
export const runs = (count) =>
  Math.max(1, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)))

/** Run a command to its end; rejects on a non-zero exit. */
export function exec(file, args, {cwd = repo, env = {}} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd,
      env: {...process.env, CI: '1', ...env},
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(file)} ${args.join(' ')} exited ${code}:\n${stderr}`))
    )
  })
}

/** A subject: a label and an async function (one run). */
export function subject(label, fn) {
  return {label, fn}
}

/** `node <diglot> …args` as one subject run. */
export const node = (script, args, options) => () =>
  exec(process.execPath, [script, ...args], options)

/** Run several commands one after another as one run. */
export const sequence =
  (...fns) =>
  async () => {
    for (const fn of fns) await fn()
  }

/** A fresh temp folder for each run of `fn(dir)`, removed after. */
export const inTemp = (prefix, fn) => async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${prefix}-`))
  try {
    await fn(dir)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

function stats(list, count) {
  const sorted = [...list].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: count
  }
}

/** Measure subjects round-robin; returns one measurement per subject (ms). */
export async function roundRobin(subjects, {runs: count = 7, warmup = 1} = {}) {
  for (let index = 0; index < warmup; index++) for (const {fn} of subjects) await fn()
  const times = subjects.map(() => [])
  for (let index = 0; index < count; index++) {
    for (const [slot, {fn}] of subjects.entries()) {
      const start = performance.now()
      await fn()
      times[slot].push(performance.now() - start)
    }
  }
  return times.map((list) => stats(list, count))
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

/** A Markdown table row of a measurement. */
export function row(label, m) {
  return `| ${label} | ${seconds(m.median)} | ${seconds(m.min)}–${seconds(m.max)} | ${m.runs} |`
}

export const tableHead =
  '| subject (whole process, cold) | median | range | runs |\n|---|---|---|---|'

/** pandoc on each file, one process per file, one after another (as a user's loop would). */
export function pandoc(files, extension, args) {
  return inTemp('pandoc', async (dir) => {
    for (const [index, file] of files.entries()) {
      await exec('pandoc', [
        file,
        '-f',
        'markdown',
        ...args,
        '-o',
        path.join(dir, `${index}.${extension}`)
      ])
    }
  })
}

/** pandoc's arguments for HTML and EPUB (a title, so that it does not warn). */
export const pandocHtml = ['-s', '--toc', '--metadata', 'title=bench']
export const pandocEpub = ['--toc', '--metadata', 'title=bench']

/** The Markdown files of a content folder (every `<work>/<lang>.md` named in its work.yaml). */
export async function markdownFiles(dir) {
  const files = []
  for (const entry of (await readdir(dir, {withFileTypes: true}))
    .filter((item) => item.isDirectory())
    .map((item) => item.name)
    .sort()) {
    let meta
    try {
      meta = await readFile(path.join(dir, entry, 'work.yaml'), 'utf8')
    } catch {
      continue
    }
    for (const lang of ['original', 'translation']) {
      const match = new RegExp(`^\\s+${lang}:\\s*([a-zA-Z-]+)`, 'm').exec(meta)
      if (match) files.push(path.join(dir, entry, `${match[1]}.md`))
    }
  }
  return files
}

/** Copy a work folder (work.yaml and its Markdown) under a new id. */
export async function copyWork(from, toDir, id, transform = (text) => text) {
  await mkdir(toDir, {recursive: true})
  for (const name of await readdir(from)) {
    if (!/\.(md|yaml)$/.test(name) || name === 'README.md' || name === 'fidelity.yaml') continue
    let text = await readFile(path.join(from, name), 'utf8')
    if (name === 'work.yaml') text = text.replace(/^id: .*$/m, `id: ${id}`)
    else text = transform(text)
    await writeFile(path.join(toDir, name), text)
  }
}

/** A content folder with the real glossary and the given works: `[{from, id, transform}]`. */
export async function makeContent(works) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-content-'))
  await cp(path.join(contentDir, 'glossary.yaml'), path.join(dir, 'glossary.yaml'))
  for (const work of works)
    await copyWork(work.from, path.join(dir, work.id), work.id, work.transform)
  return dir
}

export {seconds}
