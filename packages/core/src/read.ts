/**
 * Read works and content folders from disk.
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {LanguageTag, Root, Work} from './types.js'
import {SPEC_VERSION} from './types.js'
import {Reporter, sortMessages, type DiglotMessage} from './messages.js'
import {buildWork, prepareGlossary, type ParseResult, type PreparedGlossary} from './work.js'
import {parseWorkMeta} from './meta.js'

/** Options for reading from disk. */
export interface ReadOptions {
  /** Path of `glossary.yaml` (default: `glossary.yaml` in the content folder, or beside the work's folder). */
  glossary?: string | undefined
  /** Base for the paths shown in messages (default: the current directory). */
  cwd?: string | undefined
  /** Parsed works kept between reads (`diglot build --watch`); unchanged files give the same nodes. */
  cache?: ReadCache | undefined
}

/**
 * What `readContent` keeps between reads: the prepared glossary (by its text)
 * and each work (by its files' texts and that glossary). A work whose files
 * did not change is not parsed again, and is the same object as before.
 */
export class ReadCache {
  glossary: {key: string; prepared: PreparedGlossary} | undefined
  readonly works = new Map<string, {key: string; prepared: PreparedGlossary; work: Work | undefined; messages: DiglotMessage[]}>()
}

/**
 * Decode UTF-8 strictly. Invalid bytes are reported (`utf8-invalid`) with their
 * line and column, and decoded as U+FFFD so that the rest can still be checked.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, reporter = new Reporter(file)): {text: string; messages: DiglotMessage[]} {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(body), messages: reporter.messages}
  } catch {
    const text = new TextDecoder('utf-8').decode(body)
    const offset = firstInvalidOffset(body)
    const before = new TextDecoder('utf-8').decode(body.subarray(0, offset))
    const bom = bytes.length - body.length
    const lines = before.split('\n')
    reporter.report({line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1}, 'utf8-invalid', `invalid UTF-8 at byte ${offset + bom}; save the file as UTF-8`)
    return {text, messages: reporter.messages}
  }
}

/** Offset of the first byte that starts an invalid or truncated UTF-8 sequence. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] as number
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
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

async function readText(file: string, shown: string, messages: DiglotMessage[]): Promise<string | undefined> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch {
    return undefined
  }
  const result = decodeUtf8(bytes, shown)
  messages.push(...result.messages)
  return result.text
}

/** Read one work folder (with `work.yaml` and one `<lang>.md` per language). */
export async function readWork(workDir: string, options: ReadOptions = {}): Promise<ParseResult> {
  const cwd = options.cwd ?? process.cwd()
  const glossaryPath = options.glossary ?? (await findGlossary(workDir))
  const prepared = await readGlossary(glossaryPath, cwd)
  const {work, messages} = await readWorkWith(workDir, prepared, cwd)
  return {
    tree: {type: 'root', specVersion: SPEC_VERSION, children: work ? [work, prepared.glossary] : [prepared.glossary]},
    messages: sortMessages([...prepared.messages, ...messages])
  }
}

/** Read every work of a content folder (each subfolder with a `work.yaml`) and its `glossary.yaml`. */
export async function readContent(contentDir: string, options: ReadOptions = {}): Promise<ParseResult> {
  const cwd = options.cwd ?? process.cwd()
  const messages: DiglotMessage[] = []
  let entries: string[]
  try {
    entries = (await readdir(contentDir)).sort()
  } catch {
    const reporter = new Reporter(shown(cwd, contentDir))
    reporter.report(undefined, 'file-missing', `content folder ${shown(cwd, contentDir)} does not exist; pass the folder that holds your works (default ./content)`)
    return {tree: {type: 'root', specVersion: SPEC_VERSION, children: []}, messages: reporter.messages}
  }
  const glossaryPath = options.glossary ?? path.join(contentDir, 'glossary.yaml')
  const prepared = await readGlossary(glossaryPath, cwd, options.cache)
  messages.push(...prepared.messages)
  const works: Work[] = []
  for (const entry of entries) {
    const dir = path.join(contentDir, entry)
    if (!(await isFile(path.join(dir, 'work.yaml')))) continue
    const result = await readWorkWith(dir, prepared, cwd, options.cache)
    messages.push(...result.messages)
    if (result.work) works.push(result.work)
  }
  return {tree: {type: 'root', specVersion: SPEC_VERSION, children: [...works, prepared.glossary]}, messages: sortMessages(messages)}
}

async function readWorkWith(workDir: string, prepared: PreparedGlossary, cwd: string, cache?: ReadCache): Promise<{work: Work | undefined; messages: DiglotMessage[]}> {
  const messages: DiglotMessage[] = []
  const folder = shown(cwd, workDir)
  const metaText = await readText(path.join(workDir, 'work.yaml'), `${folder}/work.yaml`, messages)
  if (metaText === undefined) {
    const reporter = new Reporter(`${folder}/work.yaml`)
    reporter.report(undefined, 'file-missing', `${folder}/work.yaml does not exist; every work folder needs one (see docs/format.md)`)
    return {work: undefined, messages: reporter.messages}
  }
  const metaReporter = new Reporter(`${folder}/work.yaml`)
  const meta = parseWorkMeta(metaText, metaReporter, path.basename(path.resolve(workDir)))
  if (!meta) return {work: undefined, messages: [...messages, ...metaReporter.messages]}
  const files: Record<LanguageTag, string> = {}
  for (const lang of [meta.languages.original, meta.languages.translation]) {
    if (lang === undefined) continue
    const text = await readText(path.join(workDir, `${lang}.md`), `${folder}/${lang}.md`, messages)
    if (text !== undefined) files[lang] = text
  }
  const key = JSON.stringify([folder, metaText, files])
  const cached = cache?.works.get(workDir)
  if (cached && cached.key === key && cached.prepared === prepared) return {work: cached.work, messages: cached.messages}
  const result = buildWork({meta, files, path: folder}, prepared)
  const read = {work: result.work, messages: [...messages, ...result.messages]}
  cache?.works.set(workDir, {key, prepared, ...read})
  return read
}

async function readGlossary(file: string | undefined, cwd: string, cache?: ReadCache): Promise<PreparedGlossary> {
  if (file === undefined) return prepareGlossary(undefined)
  const messages: DiglotMessage[] = []
  const text = await readText(file, shown(cwd, file), messages)
  const key = JSON.stringify([shown(cwd, file), text ?? null])
  if (cache?.glossary?.key === key) return cache.glossary.prepared
  const prepared = prepareGlossary(text, shown(cwd, file))
  prepared.messages.unshift(...messages)
  if (cache) cache.glossary = {key, prepared}
  return prepared
}

async function findGlossary(workDir: string): Promise<string | undefined> {
  const candidate = path.join(workDir, '..', 'glossary.yaml')
  return (await isFile(candidate)) ? candidate : undefined
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

function shown(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file))
  return relative.startsWith('..') ? path.resolve(cwd, file) : relative.split(path.sep).join('/') || '.'
}

export type {Root}
