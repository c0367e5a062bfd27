/**
 * Read works and content folders from disk (Node.js only): the `@diglot/core/fs`
 * entry. The main entry takes sources as strings or VFiles and never reaches this module.
 */
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import type {PluggableList} from 'unified'
import type {LanguageTag, Work, WorkMeta} from './types.js'
import {SPEC_VERSION} from './types.js'
import {Reporter, sortMessages, type DiglotMessage} from './messages.js'
import {buildWork, prepareGlossary, type ParseResult, type PreparedGlossary} from './work.js'
import type {ParseMemory} from './reparse.js'
import {parseWorkMeta} from './meta.js'
import {
  confinementOf,
  exists,
  folderKind,
  linkText,
  readText,
  shown,
  type Confinement
} from './read-files.js'

/** Options for reading from disk. */
export interface ReadOptions {
  /** Path of `glossary.yaml` (default: `glossary.yaml` in the content folder, or beside the work's folder). */
  glossary?: string | undefined
  /** Base for the paths shown in messages (default: the current directory). */
  cwd?: string | undefined
  /** Parsed works kept between reads (`diglot build --watch`); unchanged files give the same nodes. */
  cache?: ReadCache | undefined
  /** Parses the works of a content folder (default: one after another on this thread); `diglot build` spreads them over threads. Not used with `remarkPlugins` (functions stay on this thread). */
  buildWorks?: WorkBuilder | undefined
  /** Extra remark plugins for every language file, run before Diglot's transforms (default: none). */
  remarkPlugins?: PluggableList | undefined
}

/** One work's sources, read and ready to parse. */
export interface WorkSource {
  meta: WorkMeta
  files: Record<LanguageTag, string>
  /** The work's folder as shown in messages. */
  path: string
}

/** The glossary the works are parsed against: its text (undefined: no glossary) and its path as shown. */
export interface GlossarySource {
  text: string | undefined
  path: string
}

/**
 * Parses works against a glossary, each result in the order of `sources`. It
 * must give what `buildWork(source, prepared)` gives, wherever it runs
 * (`prepared` is `prepareGlossary(glossary.text, glossary.path)`).
 */
export type WorkBuilder = (
  sources: readonly WorkSource[],
  glossary: GlossarySource,
  prepared: PreparedGlossary
) => Promise<Array<{work: Work | undefined; messages: DiglotMessage[]}>>

/**
 * What `readContent` keeps between reads: the prepared glossary (by its text)
 * and each work (by its files' texts and that glossary). A work whose files
 * did not change is not parsed again, and is the same object as before.
 */
export class ReadCache {
  glossary: {key: string; prepared: PreparedGlossary} | undefined
  /** Each language file's last parse: a save that changes one paragraph parses only it again. */
  readonly parsed: ParseMemory = new Map()
  readonly works = new Map<
    string,
    {key: string; prepared: PreparedGlossary; work: Work | undefined; messages: DiglotMessage[]}
  >()
}

/** Read one work folder (with `work.yaml` and one `<lang>.md` per language). Its parent is the content folder. */
export async function readWork(workDir: string, options: ReadOptions = {}): Promise<ParseResult> {
  const cwd = options.cwd ?? process.cwd()
  const confinement = await confinementOf(path.join(workDir, '..'), cwd)
  const glossaryPath = options.glossary ?? (await findGlossary(workDir))
  const prepared = await readGlossary(glossaryPath, cwd, confinement, false)
  const {work, messages} = await readWorkWith(
    workDir,
    prepared,
    cwd,
    confinement,
    undefined,
    options.remarkPlugins
  )
  return {
    tree: {
      type: 'root',
      specVersion: SPEC_VERSION,
      children: work ? [work, prepared.glossary] : [prepared.glossary]
    },
    messages: sortMessages([...prepared.messages, ...messages])
  }
}

/**
 * Read every work of a content folder (each subfolder with a `work.yaml`) and its
 * `glossary.yaml`. A folder with Markdown but no `work.yaml` is reported (it would
 * be left out without a word), and so is a content folder with no work.
 */
export async function readContent(
  contentDir: string,
  options: ReadOptions = {}
): Promise<ParseResult> {
  const cwd = options.cwd ?? process.cwd()
  const messages: DiglotMessage[] = []
  let entries: string[]
  try {
    entries = (await readdir(contentDir)).sort()
  } catch {
    const reporter = new Reporter(shown(cwd, contentDir))
    reporter.report(
      undefined,
      'file-missing',
      `content folder ${shown(cwd, contentDir)} does not exist; pass the folder that holds your works (default ./content)`
    )
    return {
      tree: {type: 'root', specVersion: SPEC_VERSION, children: []},
      messages: reporter.messages
    }
  }
  const confinement = await confinementOf(contentDir, cwd)
  const glossaryPath = options.glossary ?? path.join(contentDir, 'glossary.yaml')
  const {prepared, source: glossary} = await readGlossaryWithSource(
    glossaryPath,
    cwd,
    confinement,
    options.glossary !== undefined,
    options.cache
  )
  messages.push(...prepared.messages)
  // Each work's files are read first; the works are then parsed together (on several threads when `buildWorks` says so).
  const read: Array<WorkRead | {work: Work | undefined; messages: DiglotMessage[]}> = []
  for (const entry of entries) {
    if (entry.startsWith('.')) continue
    const dir = path.join(contentDir, entry)
    const kind = await folderKind(dir, confinement)
    if (kind === 'outside') {
      const reporter = new Reporter(shown(cwd, dir))
      reporter.report(
        undefined,
        'file-outside',
        `${shown(cwd, dir)} is a link to \`${await linkText(dir)}\`, outside the content folder; move the work into the content folder instead of linking to it`
      )
      messages.push(...reporter.messages)
      continue
    }
    if (kind !== 'folder') continue
    if (!(await exists(path.join(dir, 'work.yaml')))) {
      const names = await readdir(dir).catch(() => [] as string[])
      if (names.some((name) => name.endsWith('.md') && name !== 'README.md')) {
        const misnamed = names.find(
          (name) => /^work\.(?:yml|json|toml)$/i.test(name) || name === 'Work.yaml'
        )
        const reporter = new Reporter(`${shown(cwd, dir)}/${misnamed ?? 'work.yaml'}`)
        reporter.report(
          undefined,
          'work-missing',
          misnamed
            ? `${shown(cwd, dir)}/${misnamed} is not read: the metadata file must be named \`work.yaml\`; rename it, or this work is left out`
            : `${shown(cwd, dir)} has Markdown files but no work.yaml, so it is left out; add a work.yaml (docs/format.md)`
        )
        messages.push(...reporter.messages)
      }
      continue
    }
    read.push(await readWorkSource(dir, prepared, cwd, confinement, options.cache))
  }
  const pending = read.filter((one): one is WorkRead => 'source' in one)
  const {remarkPlugins} = options
  const built =
    options.buildWorks && pending.length > 0 && !remarkPlugins
      ? await options.buildWorks(
          pending.map((one) => one.source),
          glossary,
          prepared
        )
      : pending.map((one) =>
          buildWork({...one.source, remarkPlugins}, prepared, options.cache?.parsed)
        )
  const works: Work[] = []
  for (const one of read) {
    const result =
      'source' in one
        ? finishWork(
            one,
            built[pending.indexOf(one)] as {work: Work | undefined; messages: DiglotMessage[]},
            prepared,
            options.cache
          )
        : one
    messages.push(...result.messages)
    if (result.work) works.push(result.work)
  }
  if (works.length === 0 && !messages.some((message) => message.fatal === true)) {
    const reporter = new Reporter(shown(cwd, contentDir))
    reporter.report(
      undefined,
      'content-empty',
      `no work found in ${shown(cwd, contentDir)}: a work is a folder with a work.yaml and one Markdown file per language (docs/format.md)`
    )
    messages.push(...reporter.messages)
  }
  return {
    tree: {type: 'root', specVersion: SPEC_VERSION, children: [...works, prepared.glossary]},
    messages: sortMessages(messages)
  }
}

/** A work whose files are read, still to be parsed. */
interface WorkRead {
  dir: string
  source: WorkSource
  key: string
  /** Messages from reading its files and its metadata. */
  messages: DiglotMessage[]
}

async function readWorkWith(
  workDir: string,
  prepared: PreparedGlossary,
  cwd: string,
  confinement: Confinement,
  cache?: ReadCache,
  remarkPlugins?: PluggableList
): Promise<{work: Work | undefined; messages: DiglotMessage[]}> {
  const read = await readWorkSource(workDir, prepared, cwd, confinement, cache)
  return 'source' in read
    ? finishWork(
        read,
        buildWork({...read.source, remarkPlugins}, prepared, cache?.parsed),
        prepared,
        cache
      )
    : read
}

/** Read a work's metadata and files: what is left to parse, or the result when nothing is (refused, or unchanged in `cache`). */
async function readWorkSource(
  workDir: string,
  prepared: PreparedGlossary,
  cwd: string,
  confinement: Confinement,
  cache?: ReadCache
): Promise<WorkRead | {work: Work | undefined; messages: DiglotMessage[]}> {
  const messages: DiglotMessage[] = []
  const folder = shown(cwd, workDir)
  const metaText = await readText(
    path.join(workDir, 'work.yaml'),
    `${folder}/work.yaml`,
    messages,
    confinement
  )
  if (metaText === null) return {work: undefined, messages}
  if (metaText === undefined) {
    const reporter = new Reporter(`${folder}/work.yaml`)
    reporter.report(
      undefined,
      'file-missing',
      `${folder}/work.yaml does not exist; every work folder needs one (see docs/format.md)`
    )
    return {work: undefined, messages: reporter.messages}
  }
  const metaReporter = new Reporter(`${folder}/work.yaml`)
  const meta = parseWorkMeta(metaText, metaReporter, path.basename(path.resolve(workDir)))
  if (!meta) return {work: undefined, messages: [...messages, ...metaReporter.messages]}
  const files: Record<LanguageTag, string> = {}
  let refused = false
  for (const lang of [meta.languages.original, meta.languages.translation]) {
    if (lang === undefined) continue
    const text = await readText(
      path.join(workDir, `${lang}.md`),
      `${folder}/${lang}.md`,
      messages,
      confinement
    )
    if (text === null) refused = true
    else if (text !== undefined) files[lang] = text
  }
  if (refused) return {work: undefined, messages: [...messages, ...metaReporter.messages]}
  const key = JSON.stringify([folder, metaText, files])
  const cached = cache?.works.get(workDir)
  if (cached && cached.key === key && cached.prepared === prepared && messages.length === 0)
    return {work: cached.work, messages: cached.messages}
  return {
    dir: workDir,
    source: {meta, files, path: folder},
    key,
    messages: [...messages, ...metaReporter.messages]
  }
}

/** A parsed work with the messages of its reading, kept in `cache`. */
function finishWork(
  read: WorkRead,
  result: {work: Work | undefined; messages: DiglotMessage[]},
  prepared: PreparedGlossary,
  cache?: ReadCache
): {work: Work | undefined; messages: DiglotMessage[]} {
  const done = {work: result.work, messages: [...read.messages, ...result.messages]}
  cache?.works.set(read.dir, {key: read.key, prepared, ...done})
  return done
}

/**
 * Read the glossary. A missing default glossary is no glossary (a work that names
 * an entry gets an error there); a missing glossary that was asked for is an error.
 */
async function readGlossary(
  file: string | undefined,
  cwd: string,
  confinement: Confinement,
  required: boolean,
  cache?: ReadCache
): Promise<PreparedGlossary> {
  return (await readGlossaryWithSource(file, cwd, confinement, required, cache)).prepared
}

/** The glossary, prepared, and what it was prepared from (for a work parsed on another thread). */
async function readGlossaryWithSource(
  file: string | undefined,
  cwd: string,
  confinement: Confinement,
  required: boolean,
  cache?: ReadCache
): Promise<{prepared: PreparedGlossary; source: GlossarySource}> {
  if (file === undefined)
    return {prepared: prepareGlossary(undefined), source: {text: undefined, path: 'glossary.yaml'}}
  const messages: DiglotMessage[] = []
  const text = await readText(
    file,
    shown(cwd, file),
    messages,
    required ? {root: path.parse(path.resolve(file)).root, cwd} : confinement
  )
  const key = JSON.stringify([shown(cwd, file), text ?? null])
  const source = {text: text ?? undefined, path: shown(cwd, file)}
  if (cache?.glossary?.key === key && messages.length === 0)
    return {prepared: cache.glossary.prepared, source}
  if (text === undefined && required) {
    const reporter = new Reporter(shown(cwd, file))
    reporter.report(undefined, 'file-missing', `glossary ${shown(cwd, file)} does not exist`)
    messages.push(...reporter.messages)
  }
  const prepared = prepareGlossary(source.text, source.path)
  prepared.messages.unshift(...messages)
  if (cache) cache.glossary = {key, prepared}
  return {prepared, source}
}

async function findGlossary(workDir: string): Promise<string | undefined> {
  const candidate = path.join(workDir, '..', 'glossary.yaml')
  return (await exists(candidate)) ? candidate : undefined
}
