/**
 * `diglot build [content-dir] [--format html,epub,pdf] [--out DIR]`: read and
 * check the content, then build every requested edition format.
 *
 * The formats overlap: the PDF starts first (Chromium boots and paginates in
 * its own process) while HTML and EPUB are made on this thread. Each format
 * writes its own files, so the files are the same as a serial build's
 * (`--jobs 1`). A build writes into a staging folder and moves each format's
 * files into place when that format is done (outputs.ts).
 */
import {
  buildWork,
  formatMessage,
  works as worksOf,
  hasErrors,
  printable,
  type DiglotMessage,
  type EditionFormat,
  type Root
} from '@diglot/core'
import {readContent} from '@diglot/core/fs'
import {mkdir, readdir, stat} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {Output} from './output.js'
import {outDirProblem, templatesDirProblem} from './out-dir.js'
import {createStaging, type Staging} from './outputs.js'
import {parallelWorkBuilder} from './parse-pool.js'
import {startWorkerEarly, stopEarlyWorker} from './threads.js'
import {buildByWork} from './by-work.js'

/**
 * How long after the PDF module asked Chromium to launch its process is surely
 * started (puppeteer spawns it after a few file checks); parsing waits for it.
 */
const CHROMIUM_SPAWN_MS = 30

/** The registered edition formats, loaded only when used. */
export const formats: Record<string, () => Promise<EditionFormat>> = {
  html: async () => (await import('@diglot/html')).htmlEdition,
  epub: async () => (await import('@diglot/epub')).epubEdition,
  pdf: async () => (await import('@diglot/pdf')).pdfEdition
}

/** Options of `build`. */
export interface BuildCommandOptions {
  formats: string[]
  outDir: string
  templatesDir?: string | undefined
  /** How many formats may be built at once (default: the machine's cores); 1 builds them one after another. */
  jobs?: number | undefined
}

/** What `buildFormats` needs besides the tree. */
export interface FormatsOptions {
  formats: string[]
  outDir: string
  /** A templates folder overriding the renderers' own (default: none). */
  templatesDir?: string | undefined
  sourceDateEpoch: number
  jobs: number
  /** Write into this staging folder and move each format's files into `outDir` when it is done. */
  staging?: Staging | undefined
}

/** One format's build, as reported. */
export interface FormatRun {
  name: string
  files: string[]
  failed: boolean
  /** Wall time in milliseconds. */
  ms: number
}

/** Build editions. Returns the exit code. */
export async function build(
  contentDir: string,
  options: BuildCommandOptions,
  output: Output
): Promise<number> {
  const unknown = unknownFormats(options.formats)
  if (unknown !== undefined) {
    output.error(`diglot build: ${unknown}`)
    return 2
  }
  // Usage mistakes are found before anything is read or written.
  const problem =
    (await outDirProblem(options.outDir, contentDir)) ??
    (options.templatesDir === undefined
      ? undefined
      : await templatesDirProblem(options.templatesDir))
  if (problem) {
    output.error(`diglot build: ${problem}`)
    return 2
  }
  // The format modules load, and Chromium boots for the PDF, while the content is read.
  const loading = loadFormats(options.formats)
  loading.catch(() => {})
  const browser = options.formats.includes('pdf')
    ? import('@diglot/pdf').then((pdf) => pdf.keepBrowserWarm())
    : undefined
  browser?.catch(() => {})
  // Parsing holds this thread: it waits until Chromium is on its way (its process started),
  // else Chromium would start only once the content is parsed (a second at most).
  const chromiumStarted = browser
    ? Promise.race([
        browser.then(() => new Promise((resolve) => setTimeout(resolve, CHROMIUM_SPAWN_MS))),
        new Promise((resolve) => setTimeout(resolve, 1000))
      ]).catch(() => {})
    : undefined
  try {
    return await buildContent(contentDir, options, output, loading, chromiumStarted)
  } finally {
    const release = await browser?.catch(() => undefined)
    await release?.()
  }
}

/** Read, check and build the content (`build` after its usage checks). */
async function buildContent(
  contentDir: string,
  options: BuildCommandOptions,
  output: Output,
  loading: Promise<EditionFormat[]>,
  beforeParsing: Promise<unknown> | undefined
): Promise<number> {
  const jobs = options.jobs ?? defaultJobs()
  const builder = jobs > 1 ? parallelWorkBuilder(jobs) : undefined
  // A worker loads its modules while the content is read (ended unused if the works are small).
  if (builder) startWorkerEarly()
  const {tree, messages} = await readContent(
    contentDir,
    builder || beforeParsing
      ? {
          buildWorks: async (...args) => {
            await beforeParsing
            return builder ? builder(...args) : args[0].map((source) => buildWork(source, args[2]))
          }
        }
      : {}
  )
  for (const message of messages) output.error(formatMessage(message))
  if (hasErrors(messages)) {
    output.error('diglot build: the content has errors (above); nothing was built')
    return 1
  }
  await loading
  const templatesDir = options.templatesDir ?? (await findTemplates(contentDir, output))
  const staging = await createStaging(options.outDir)
  try {
    const runs = await buildFormats(
      tree,
      {
        formats: options.formats,
        outDir: options.outDir,
        templatesDir,
        sourceDateEpoch: sourceDateEpoch(),
        jobs,
        staging
      },
      output
    )
    return runs.some((run) => run.failed) ? 1 : 0
  } finally {
    stopEarlyWorker()
    await staging.dispose()
  }
}

/** A message naming the unknown formats in `names` (or an empty list), if any. */
export function unknownFormats(names: readonly string[]): string | undefined {
  if (names.length === 0) return `--format is empty; use ${Object.keys(formats).join(', ')}`
  const unknown = names.filter((name) => !Object.hasOwn(formats, name))
  if (unknown.length === 0) return undefined
  return `unknown format ${unknown.map((name) => `\`${printable(name)}\``).join(', ')}; use ${Object.keys(formats).join(', ')}`
}

/** The cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism())
}

/** Dates in the output: `SOURCE_DATE_EPOCH`, else a fixed date, so that builds are reproducible. */
export function sourceDateEpoch(): number {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? '0')
  return Number.isFinite(epoch) && epoch > 0 ? Math.floor(epoch) : 1_700_000_000
}

async function loadFormats(names: readonly string[]): Promise<EditionFormat[]> {
  return Promise.all(names.map((name) => (formats[name] as () => Promise<EditionFormat>)()))
}

/**
 * Build formats of a checked tree into `outDir` (through `staging` when
 * given), printing each format's messages and a summary line when it is done.
 * With `jobs` > 1 the formats run at once, the PDF first (its work is mostly
 * Chromium's, in another process).
 */
export async function buildFormats(
  tree: Root,
  options: FormatsOptions,
  output: Output
): Promise<FormatRun[]> {
  const {staging} = options
  if (!staging) await mkdir(options.outDir, {recursive: true})
  const loaded = await loadFormats(options.formats)
  // Formats finish at different times; their files move into place one format at a time.
  let committing: Promise<void> = Promise.resolve()
  const one = async (
    format: EditionFormat,
    progress: Output['progress'] = output.progress
  ): Promise<{run: FormatRun; messages: DiglotMessage[]}> => {
    const started = performance.now()
    progress(`${format.name}: starting…`)
    const result = await buildByWork(
      format,
      tree,
      {
        outDir: staging ? staging.dir : options.outDir,
        templatesDir: options.templatesDir,
        sourceDateEpoch: options.sourceDateEpoch,
        progress: (work, step) => progress(`${format.name}: ${work}: ${step}…`)
      },
      options.jobs
    )
    if (staging) {
      committing = committing.then(() => staging.commit(format.name, result.files))
      await committing
    }
    return {
      run: {
        name: format.name,
        files: result.files,
        failed: hasErrors(result.messages),
        ms: performance.now() - started
      },
      messages: result.messages
    }
  }
  // Each format's messages and summary line, in the order the formats were asked for.
  const report = ({run, messages}: {run: FormatRun; messages: DiglotMessage[]}): FormatRun => {
    for (const message of messages) output.error(formatMessage(message))
    output.info(
      `${run.name}: ${run.files.length} file(s) in ${options.outDir} (${(run.ms / 1000).toFixed(1)} s)`
    )
    return run
  }
  if (options.jobs <= 1 || loaded.length <= 1) {
    const runs: FormatRun[] = []
    for (const format of loaded) runs.push(report(await one(format)))
    return runs
  }
  // PDF first: Chromium paginates while HTML and EPUB are made here. They start once every
  // book is composed and in Chromium's hands (this thread composes them: made first, they
  // would keep Chromium waiting).
  const started = new Map<string, Promise<{run: FormatRun; messages: DiglotMessage[]}>>()
  const pdf = loaded.find((format) => format.name === 'pdf')
  const handedOff = pdf ? pdfHandedOff(tree, output) : undefined
  if (pdf) {
    const building = one(pdf, handedOff?.progress)
    building.catch(() => {}) // (awaited below, in order; a failure before its turn is not unhandled)
    started.set(pdf.name, building)
    await Promise.race([handedOff?.done, building.catch(() => {})])
  }
  for (const format of loaded) {
    if (format === pdf) continue
    const building = one(format)
    building.catch(() => {})
    started.set(format.name, building)
  }
  const runs: FormatRun[] = []
  let failure: unknown
  for (const name of options.formats) {
    try {
      runs.push(
        report(await (started.get(name) as Promise<{run: FormatRun; messages: DiglotMessage[]}>))
      )
    } catch (error) {
      failure ??= {error}
    }
  }
  // (Every format has finished, or failed, before a failure is thrown: Chromium is closed by then.)
  if (failure) throw (failure as {error: unknown}).error
  return runs
}

/**
 * When every work's PDF has passed its `composing` step (told by the PDF
 * edition's progress), through `progress`, which also shows the steps.
 */
function pdfHandedOff(
  tree: Root,
  output: Output
): {progress: Output['progress']; done: Promise<void>} {
  const waiting = new Set(worksOf(tree).map((work) => work.id))
  let resolve: () => void = () => {}
  const done = new Promise<void>((settle) => {
    resolve = settle
  })
  if (waiting.size === 0) resolve()
  return {
    done,
    progress: (line) => {
      output.progress(line)
      const step = /^pdf: (.+?): (.+)…$/.exec(line)
      if (step && step[2] !== 'composing' && waiting.delete(step[1] ?? '') && waiting.size === 0)
        resolve()
    }
  }
}

/**
 * The templates folder beside the content folder (`templates/`), whose `html/`, `epub/` and
 * `pdf/` files override the ones each renderer package ships; undefined when there is none.
 * It is announced (when `output` is given) once it overrides a file.
 */
export async function findTemplates(
  contentDir: string,
  output?: Output
): Promise<string | undefined> {
  const beside = path.resolve(contentDir, '..', 'templates')
  try {
    if (!(await stat(beside)).isDirectory()) return undefined
  } catch {
    return undefined
  }
  // Templates shape every page (and may load what they like): say which ones are used.
  if (output && (await overridesAny(beside)))
    output.info(`diglot build: using the templates in ${printable(beside)} (beside the content)`)
  return beside
}

/** Whether a templates folder holds a file for some format (`html/`, `epub/`, `pdf/`). */
async function overridesAny(templatesDir: string): Promise<boolean> {
  for (const format of ['html', 'epub', 'pdf']) {
    const names = await readdir(path.join(templatesDir, format)).catch(() => [] as string[])
    if (names.length > 0) return true
  }
  return false
}
