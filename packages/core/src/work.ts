/**
 * Parse one work from strings: metadata, one Markdown text per language and
 * the glossary, into a Diglot tree and a list of messages. No disk needed.
 */
import type {PluggableList} from 'unified'
import {VFile} from 'vfile'
import type {
  Alignment,
  Glossary,
  LanguageTag,
  Note,
  NoteList,
  Root,
  Work,
  WorkMeta
} from './types.js'
import {SPEC_VERSION} from './types.js'
import {Reporter, sortMessages, type DiglotMessage} from './messages.js'
import {parseWorkMeta} from './meta.js'
import {prepareGlossary, type PreparedGlossary} from './prepared-glossary.js'
import {markdownProcessor, parseMarkdown} from './parse-markdown.js'
import {remarkDiglot} from './plugin.js'
import {smartenMeta, smartenPunctuation} from './transforms/punctuation.js'
import {alignSources, type LanguageSource} from './align.js'
import {BlockIds} from './ids.js'
import {buildSections} from './sections.js'
import {checkLineNesting, type FragmentLink} from './transforms/safety.js'
import {checkCharacters} from './limits.js'
import {placeSplitText} from './email-literals.js'
import {parseWithMemory, type ParseMemory} from './reparse.js'
import type {Root as MdastRoot} from 'mdast'

export {
  prepareGlossary,
  preparedFromData,
  type PreparedGlossary,
  type PreparedGlossaryData
} from './prepared-glossary.js'

/** What `parseWork` needs. */
export interface WorkInput {
  /** The text of `work.yaml` (a string or a VFile), or metadata already read. */
  meta: string | VFile | WorkMeta
  /** The Markdown of each language, keyed by language tag: a string, or a VFile (its messages are then also on it). */
  files: Readonly<Record<LanguageTag, string | VFile>>
  /** The glossary: the text of `glossary.yaml` (a string or a VFile) or a parsed glossary. */
  glossary?: string | VFile | Glossary | undefined
  /** Folder of the work as shown in messages (default: the work id). */
  path?: string | undefined
  /** Path of the glossary as shown in messages (default: the VFile's path, else `glossary.yaml`). */
  glossaryPath?: string | undefined
  /** Extra remark plugins (syntax extensions and transforms), run before Diglot's transforms (default: none). */
  remarkPlugins?: PluggableList | undefined
}

/** A tree and every problem found while making it. */
export interface ParseResult {
  /** The tree; it holds the work unless its metadata could not be read. */
  tree: Root
  /** Errors and warnings, sorted by file and place. */
  messages: DiglotMessage[]
}

/** Parse a work from strings. Never throws on bad input: problems become messages. */
export function parseWork(input: WorkInput): ParseResult {
  const glossary = input.glossary instanceof VFile ? String(input.glossary.value) : input.glossary
  const glossaryPath =
    input.glossaryPath ??
    (input.glossary instanceof VFile && input.glossary.path ? input.glossary.path : undefined)
  const prepared = prepareGlossary(glossary, glossaryPath)
  const {work, messages} = buildWork(input, prepared)
  return {
    tree: {
      type: 'root',
      specVersion: SPEC_VERSION,
      children: work ? [work, prepared.glossary] : [prepared.glossary]
    },
    messages: sortMessages([...prepared.messages, ...messages])
  }
}

/** Internal: parse a work against a prepared glossary. */
export function buildWork(
  input: WorkInput,
  prepared: PreparedGlossary,
  memory?: ParseMemory
): {work: Work | undefined; messages: DiglotMessage[]} {
  const metaReporter = new Reporter(joinPath(input.path, 'work.yaml'))
  const metaText = input.meta instanceof VFile ? String(input.meta.value) : input.meta
  const meta =
    typeof metaText === 'string'
      ? parseWorkMeta(
          metaText,
          metaReporter,
          input.path === undefined ? undefined : baseName(input.path)
        )
      : metaText
  if (!meta) return {work: undefined, messages: metaReporter.messages}
  const folder = input.path ?? meta.id

  const languages = [
    meta.languages.original,
    ...(meta.languages.translation ? [meta.languages.translation] : [])
  ]
  const sources: LanguageSource[] = []
  const notesByLang = new Map<LanguageTag, Note[]>()
  const refused: Reporter[] = []
  const fragmentsByLang = new Map<LanguageTag, {fragments: FragmentLink[]; reporter: Reporter}>()
  const processor = markdownProcessor(input.remarkPlugins)
  for (const [index, lang] of languages.entries()) {
    const file = joinPath(folder, `${lang}.md`)
    const given = input.files[lang]
    if (given === undefined) {
      metaReporter.report(
        {line: 1, column: 1},
        'file-missing',
        `the work declares language \`${lang}\` but ${file} does not exist; create it or change \`languages\``
      )
      continue
    }
    const vfile = given instanceof VFile ? given : new VFile({path: file, value: given})
    if (!vfile.path) vfile.path = file
    const reporter = new Reporter(vfile)
    const tree = safeParse(
      checkCharacters(String(vfile.value), reporter),
      reporter,
      processor,
      input.remarkPlugins?.length ? undefined : memory
    )
    if (tree !== undefined) {
      if (input.remarkPlugins?.length) processor.runSync(tree, vfile)
      remarkDiglot({lang, languages, glossary: prepared})(tree, vfile, () => {})
    }
    const data = vfile.data.diglot
    if (tree === undefined || !data || data.refused) {
      // Refused (beyond a limit): nothing to align with, and no further message would help.
      refused.push(reporter)
      continue
    }
    fragmentsByLang.set(lang, {fragments: data.fragments, reporter})
    notesByLang.set(lang, data.notes)
    sources.push({
      lang,
      role: index === 0 ? 'original' : 'translation',
      file: vfile.path,
      tree,
      reporter
    })
  }

  if (refused.length > 0)
    return {
      work: undefined,
      messages: [
        ...metaReporter.messages,
        ...sources.flatMap((source) => source.reporter.messages),
        ...refused.flatMap((reporter) => reporter.messages)
      ]
    }
  const original = sources.find((source) => source.role === 'original')
  const translation = sources.find((source) => source.role === 'translation')
  const messages = [
    ...metaReporter.messages,
    ...sources.flatMap((source) => source.reporter.messages)
  ]
  if (!original) return {work: undefined, messages}

  const ids = new BlockIds()
  const partial = meta.translation?.status === 'partial'
  let paragraph = 0
  const alignments: Alignment[] = alignSources(original, translation, partial).map(
    (blocks, index) => ({
      type: 'alignment',
      id: ids.next(blocks.blockType, blocks.segments),
      n: index + 1,
      ...(blocks.blockType === 'heading' ? {} : {paragraph: ++paragraph}),
      blockType: blocks.blockType,
      children: blocks.segments
    })
  )
  // Typographic punctuation once the ids are given, so ids depend on the text as written.
  for (const source of sources) smartenPunctuation(source.tree, source.lang)
  for (const [lang, notes] of notesByLang) for (const note of notes) smartenPunctuation(note, lang)

  const noteLists: NoteList[] = languages
    .filter((lang) => notesByLang.has(lang))
    .map((lang) => ({type: 'noteList', lang, children: notesByLang.get(lang) ?? []}))
  linkTwins(noteLists)
  checkFragments(alignments, noteLists, languages, fragmentsByLang)

  const work: Work = {
    type: 'work',
    id: meta.id,
    meta: smartenMeta(meta),
    languages,
    children: [...buildSections(alignments), ...noteLists]
  }
  return {
    work,
    messages: [...metaReporter.messages, ...sources.flatMap((source) => source.reporter.messages)]
  }
}

/** Parse Markdown within the limits: refused lines and too deep trees give no tree and an error. */
function safeParse(
  text: string,
  reporter: Reporter,
  processor: ReturnType<typeof markdownProcessor>,
  memory: ParseMemory | undefined
): MdastRoot | undefined {
  if (!checkLineNesting(text, reporter)) return undefined
  try {
    const tree = parseWithMemory(
      text,
      reporter.file,
      (source) => parseMarkdown(processor, source),
      memory
    )
    placeSplitText(tree, text)
    return tree
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    reporter.report(
      {line: 1, column: 1},
      'limit-exceeded',
      'this file nests too deeply to be read; at most 100 levels of block quotes, lists and inline marks are allowed (docs/format.md, Limits)'
    )
    return undefined
  }
}

/** A `#fragment` link must name a block, a note or a source page of this work. */
function checkFragments(
  alignments: readonly Alignment[],
  noteLists: readonly NoteList[],
  languages: readonly LanguageTag[],
  byLang: ReadonlyMap<LanguageTag, {fragments: FragmentLink[]; reporter: Reporter}>
): void {
  if ([...byLang.values()].every((entry) => entry.fragments.length === 0)) return
  const ids = new Set<string>()
  for (const alignment of alignments) {
    ids.add(alignment.id)
    for (const segment of alignment.children)
      collectPageIds(segment, segment.lang, segment.role, ids)
  }
  for (const list of noteLists) {
    for (const note of list.children) {
      // A note never called is not shown in every edition (the HTML sets notes at their calls).
      if (note.calls.length === 0) continue
      ids.add(note.id)
      for (const call of note.calls) ids.add(call)
      collectPageIds(note, list.lang, list.lang === languages[0] ? 'original' : 'translation', ids)
    }
  }
  for (const {fragments, reporter} of byLang.values()) {
    for (const {fragment, place} of fragments) {
      if (!ids.has(fragment))
        reporter.report(
          place,
          'link-invalid',
          `link to \`#${fragment}\` has no target in this work; link to a block id, a note (\`#note-en-1\`) or a source page (\`#page-20\`), or use a full https:// address`
        )
    }
  }
}

function collectPageIds(
  node: {children?: unknown},
  lang: string,
  role: 'original' | 'translation',
  ids: Set<string>
): void {
  const stack: unknown[] = [node]
  while (stack.length > 0) {
    const current = stack.pop() as {type?: string; id?: string; children?: unknown[]}
    if (current.type === 'pageMarker' && typeof current.id === 'string') {
      ids.add(current.id)
      if (role === 'translation') ids.add(`${current.id}-${lang}`)
    }
    if (Array.isArray(current.children)) stack.push(...current.children)
  }
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
