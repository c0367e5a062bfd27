/**
 * The per-file transforms of Diglot as a unified plugin: on the mdast of one
 * language file, checks what is refused, then turns directives, notes, page
 * markers, language runs and glossary terms into Diglot nodes. Problems are
 * messages on the file (`file.message`), with place ranges, rule ids, a
 * related place (`cause`) and a link to the rule's documentation (`url`).
 *
 * Alignment, block ids, typographic punctuation and note twins need every
 * language of a work, so they are `parseWork`'s job, not this plugin's.
 */
import type {Root as MdastRoot} from 'mdast'
import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import type {Glossary, LanguageTag, Note} from './types.js'
import {Reporter} from './messages.js'
import {prepareGlossary, type PreparedGlossary} from './prepared-glossary.js'
import {clearNoTermMarks, transformDirectives} from './transforms/directives.js'
import {transformNotes} from './transforms/notes.js'
import {attachPageMarkers} from './transforms/page-markers.js'
import {detectLangRuns, scriptOf, type ScriptLanguages} from './transforms/lang-runs.js'
import {linkGlossaryTerms} from './transforms/glossary-refs.js'
import {checkTree, type FragmentLink} from './transforms/safety.js'
import {reportUnusedDefinition, resolveReferences} from './transforms/references.js'

/** Options of `remarkDiglot`. */
export interface RemarkDiglotOptions {
  /** The language of the file (BCP 47: `kk`, `en`, `zh-Hans`). */
  lang: LanguageTag
  /** Every language of the work, original first; they name the runs of other scripts (default: `[lang]`). */
  languages?: readonly LanguageTag[] | undefined
  /** The glossary: the text of `glossary.yaml`, a parsed glossary, or one prepared for several files (default: none). */
  glossary?: string | Glossary | PreparedGlossary | undefined
}

/** What the plugin leaves in `file.data.diglot`. */
export interface DiglotFileData {
  /** True when the file was refused (beyond a limit); the tree is then left as parsed. */
  refused: boolean
  /** The notes defined in the file, taken out of the tree (in the order of their first call). */
  notes: Note[]
  /** Every `#fragment` link of the file, to be checked once the work's ids are known. */
  fragments: FragmentLink[]
}

declare module 'vfile' {
  interface DataMap {
    diglot: DiglotFileData
  }
}

/** Which language each script's runs are tagged with: the work's own, else `ru`, `en`, `zh-Hans`. */
export function scriptLanguages(languages: readonly LanguageTag[]): ScriptLanguages {
  return {
    cyrillic: languages.find((lang) => scriptOf(lang) === 'cyrillic') ?? 'ru',
    latin: languages.find((lang) => scriptOf(lang) === 'latin') ?? 'en',
    han: languages.find((lang) => scriptOf(lang) === 'han') ?? 'zh-Hans'
  }
}

function isPrepared(glossary: RemarkDiglotOptions['glossary']): glossary is PreparedGlossary {
  return typeof glossary === 'object' && 'matcherFor' in glossary
}

/**
 * Turn the mdast of one language file into Diglot nodes (a unified plugin, after `remark-parse`).
 *
 * @param options The file's language, the work's languages and the glossary.
 * @returns A transformer; it changes the tree in place and reports on the file.
 */
export function remarkDiglot(options: RemarkDiglotOptions): Transformer<MdastRoot, MdastRoot> {
  const prepared = isPrepared(options.glossary)
    ? options.glossary
    : prepareGlossary(options.glossary)
  const scripts = scriptLanguages(options.languages ?? [options.lang])
  return function transform(tree: MdastRoot, file: VFile): undefined {
    const reporter = new Reporter(file)
    const fragments: FragmentLink[] = []
    // Reference links and images resolved to their definitions first, so that the checks see them.
    for (const {node, first} of resolveReferences(tree))
      reportUnusedDefinition(node, first, reporter)
    if (!checkTree(tree, reporter, fragments)) {
      file.data.diglot = {refused: true, notes: [], fragments}
      return
    }
    transformDirectives(tree, reporter, prepared.glossary)
    const notes = transformNotes(tree, options.lang, reporter, String(file.value ?? ''))
    attachPageMarkers(tree, reporter)
    for (const parent of [tree, ...notes]) {
      detectLangRuns(parent, options.lang, scripts)
      linkGlossaryTerms(parent, options.lang, prepared.matcherFor)
      clearNoTermMarks(parent)
    }
    file.data.diglot = {refused: false, notes, fragments}
  }
}
