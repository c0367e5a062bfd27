/**
 * Parse one work from strings: metadata, one Markdown text per language and
 * the glossary, into a Diglot tree and a list of messages. No disk needed.
 */
import type {Alignment, Glossary, LanguageTag, Note, NoteList, Root, Work, WorkMeta} from './types.js'
import {SPEC_VERSION} from './types.js'
import {Reporter, sortMessages, type DiglotMessage} from './messages.js'
import {parseWorkMeta} from './meta.js'
import {createGlossaryMatchers, parseGlossary, type GlossaryMatcher} from './glossary.js'
import {parseMarkdown} from './parse-markdown.js'
import {clearNoTermMarks, transformDirectives} from './transforms/directives.js'
import {transformNotes} from './transforms/notes.js'
import {attachPageMarkers} from './transforms/page-markers.js'
import {detectLangRuns, scriptOf, type ScriptLanguages} from './transforms/lang-runs.js'
import {linkGlossaryTerms} from './transforms/glossary-refs.js'
import {smartenGlossary, smartenMeta, smartenPunctuation} from './transforms/punctuation.js'
import {alignSources, type LanguageSource} from './align.js'
import {BlockIds} from './ids.js'
import {buildSections} from './sections.js'

/** What `parseWork` needs. */
export interface WorkInput {
  /** The text of `work.yaml`, or metadata already read. */
  meta: string | WorkMeta
  /** The Markdown of each language, keyed by language tag. */
  files: Readonly<Record<LanguageTag, string>>
  /** The glossary: the text of `glossary.yaml` or a parsed glossary. */
  glossary?: string | Glossary | undefined
  /** Folder of the work as shown in messages (default: the work id). */
  path?: string | undefined
  /** Path of the glossary as shown in messages (default `glossary.yaml`). */
  glossaryPath?: string | undefined
}

/** A tree and every problem found while making it. */
export interface ParseResult {
  /** The tree; it holds the work unless its metadata could not be read. */
  tree: Root
  /** Errors and warnings, sorted by file and place. */
  messages: DiglotMessage[]
}

/** Internal: a glossary with its compiled matchers, shared by the works of an edition. */
export interface PreparedGlossary {
  glossary: Glossary
  matcherFor: (lang: LanguageTag) => GlossaryMatcher
  messages: DiglotMessage[]
}

/** Parse and compile a glossary once, for several works. */
export function prepareGlossary(glossary: string | Glossary | undefined, path = 'glossary.yaml'): PreparedGlossary {
  const reporter = new Reporter(path)
  const source = glossary === undefined ? {type: 'glossary' as const, children: []} : typeof glossary === 'string' ? parseGlossary(glossary, reporter) : glossary
  const parsed = smartenGlossary(source)
  return {glossary: parsed, matcherFor: createGlossaryMatchers(source), messages: reporter.messages}
}

/** Parse a work from strings. Never throws on bad input: problems become messages. */
export function parseWork(input: WorkInput): ParseResult {
  const prepared = prepareGlossary(input.glossary, input.glossaryPath)
  const {work, messages} = buildWork(input, prepared)
  return {
    tree: {type: 'root', specVersion: SPEC_VERSION, children: work ? [work, prepared.glossary] : [prepared.glossary]},
    messages: sortMessages([...prepared.messages, ...messages])
  }
}

/** Internal: parse a work against a prepared glossary. */
export function buildWork(input: WorkInput, prepared: PreparedGlossary): {work: Work | undefined; messages: DiglotMessage[]} {
  const metaReporter = new Reporter(joinPath(input.path, 'work.yaml'))
  const meta = typeof input.meta === 'string' ? parseWorkMeta(input.meta, metaReporter, input.path === undefined ? undefined : baseName(input.path)) : input.meta
  if (!meta) return {work: undefined, messages: metaReporter.messages}
  const folder = input.path ?? meta.id

  const languages = [meta.languages.original, ...(meta.languages.translation ? [meta.languages.translation] : [])]
  const scripts: ScriptLanguages = {
    cyrillic: languages.find((lang) => scriptOf(lang) === 'cyrillic') ?? 'ru',
    latin: languages.find((lang) => scriptOf(lang) === 'latin') ?? 'en',
    han: languages.find((lang) => scriptOf(lang) === 'han') ?? 'zh-Hans'
  }

  const sources: LanguageSource[] = []
  const notesByLang = new Map<LanguageTag, Note[]>()
  for (const [index, lang] of languages.entries()) {
    const file = joinPath(folder, `${lang}.md`)
    const reporter = new Reporter(file)
    const text = input.files[lang]
    if (text === undefined) {
      metaReporter.report({line: 1, column: 1}, 'file-missing', `the work declares language \`${lang}\` but ${file} does not exist; create it or change \`languages\``)
      continue
    }
    const tree = parseMarkdown(text)
    transformDirectives(tree, reporter, prepared.glossary)
    const notes = transformNotes(tree, lang, reporter, text)
    attachPageMarkers(tree, reporter)
    for (const parent of [tree, ...notes]) {
      detectLangRuns(parent, lang, scripts)
      linkGlossaryTerms(parent, lang, prepared.matcherFor)
      clearNoTermMarks(parent)
    }
    notesByLang.set(lang, notes)
    sources.push({lang, role: index === 0 ? 'original' : 'translation', file, tree, reporter})
  }

  const original = sources.find((source) => source.role === 'original')
  const translation = sources.find((source) => source.role === 'translation')
  const messages = [...metaReporter.messages, ...sources.flatMap((source) => source.reporter.messages)]
  if (!original) return {work: undefined, messages}

  const ids = new BlockIds()
  const partial = meta.translation?.status === 'partial'
  const alignments: Alignment[] = alignSources(original, translation, partial).map((blocks, index) => ({
    type: 'alignment',
    id: ids.next(blocks.blockType, blocks.segments),
    n: index + 1,
    blockType: blocks.blockType,
    children: blocks.segments
  }))
  // Typographic punctuation once the ids are given, so ids depend on the text as written.
  for (const source of sources) smartenPunctuation(source.tree, source.lang)
  for (const [lang, notes] of notesByLang) for (const note of notes) smartenPunctuation(note, lang)
  const reported = [...metaReporter.messages, ...sources.flatMap((source) => source.reporter.messages)]

  const noteLists: NoteList[] = languages.filter((lang) => notesByLang.has(lang)).map((lang) => ({type: 'noteList', lang, children: notesByLang.get(lang) ?? []}))
  linkTwins(noteLists)

  const work: Work = {
    type: 'work',
    id: meta.id,
    meta: smartenMeta(meta),
    languages,
    children: [...buildSections(alignments), ...noteLists]
  }
  return {work, messages: reported}
}

/** A note with the same label in the original and in the translation is its twin. */
function linkTwins(lists: readonly NoteList[]): void {
  const [first, second] = lists
  if (!first || !second) return
  const byIdentifier = new Map(second.children.map((note) => [note.identifier, note]))
  for (const note of first.children) {
    const twin = byIdentifier.get(note.identifier)
    if (twin) {
      note.twin = twin.id
      twin.twin = note.id
    }
  }
}

function joinPath(folder: string | undefined, name: string): string {
  return folder === undefined || folder === '' ? name : `${folder.replace(/\/+$/, '')}/${name}`
}

function baseName(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/')
  return parts[parts.length - 1] ?? path
}
