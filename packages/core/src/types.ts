/**
 * The Diglot AST: a unist tree that extends mdast.
 * Specified in docs/ast.md; these types mirror it 1:1.
 */
import type {Data, Node, Parent} from 'unist'
import type {
  BlockContent,
  Blockquote,
  Heading,
  List,
  Paragraph,
  PhrasingContent,
  Table,
  ThematicBreak
} from 'mdast'

/** Version of the AST specification (docs/ast.md) that a tree follows. */
export const SPEC_VERSION = '1.0.0'

/** A BCP 47 language tag: `kk`, `en`, `zh-Hans`. */
export type LanguageTag = string

/** A string per language, keyed by BCP 47 tag. */
export type LocalizedText = Readonly<Record<LanguageTag, string>>

/** A person named in the metadata. */
export interface Person {
  /** The name in one or more languages. */
  name: LocalizedText
}

/** A translator and the language they translated into. */
export interface Translator extends Person {
  language: LanguageTag
}

/** What `work.yaml` says about a work, normalised. */
export interface WorkMeta {
  id: string
  languages: {original: LanguageTag; translation?: LanguageTag}
  title: LocalizedText
  titleIsEditorial: boolean
  /** Whether the editions number the paragraphs (`paragraphNumbers` in `work.yaml`; default: yes for a bilingual work, no for one language). */
  paragraphNumbers: boolean
  /** A short form of the title per language, for running heads (`shortTitle` in `work.yaml`). */
  shortTitle?: LocalizedText
  subtitle?: LocalizedText
  authors: Person[]
  authorNote?: LocalizedText
  translators: Translator[]
  translation?: {
    madeForThisEdition: boolean
    status: 'complete' | 'partial'
    note?: LocalizedText
  }
  publisher?: string
  date?: string
  series?: string
  licence: string
  source: {description: string; file?: string; sha256?: string}
  /** Print settings; `layout` unset means facing pages for a bilingual work. */
  print: {trim: 'A5' | '6x9in'; layout?: 'facing' | 'columns'}
}

/** Who wrote a note. */
export type NoteKind = 'author' | 'translator' | 'editor'

/** The kind of block an alignment pairs. */
export type AlignedBlockType =
  | 'heading'
  | 'paragraph'
  | 'blockquote'
  | 'list'
  | 'table'
  | 'thematicBreak'
  | 'gap'
  | 'editorial'

/** The kinds of glossary entry. */
export type GlossaryEntryKind = 'term' | 'person' | 'organisation' | 'place' | 'work'

/** Association mixin, as in mdast. */
export interface Association {
  /** Normalised identifier of the entry or note. */
  identifier: string
  /** The label as written in the source. */
  label?: string | null | undefined
}

// ---------------------------------------------------------------- structure

/** The root of a Diglot tree: one or more works and the glossary they use. */
export interface Root extends Parent {
  type: 'root'
  /** Version of the AST spec the tree follows. */
  specVersion: string
  children: Array<Work | Glossary>
  data?: RootData | undefined
}
export interface RootData extends Data {}

/** One work: its metadata, its sections and blocks, its notes. */
export interface Work extends Parent {
  type: 'work'
  /** The work id (folder name). */
  id: string
  meta: WorkMeta
  /** Languages in reading order: original first, then translation if any. */
  languages: LanguageTag[]
  children: WorkContent[]
  data?: WorkData | undefined
}
export interface WorkData extends Data {}

/** Content of a work. */
export type WorkContent = Section | Alignment | NoteList

/** A section: a heading alignment and everything up to the next heading of the same or a higher rank. */
export interface Section extends Parent {
  type: 'section'
  /** Stable id, equal to the id of its heading alignment. */
  id: string
  /** Rank of its heading, 1–6. */
  depth: 1 | 2 | 3 | 4 | 5 | 6
  children: SectionContent[]
  data?: SectionData | undefined
}
export interface SectionData extends Data {}

/** Content of a section: its heading alignment first, then blocks and subsections. */
export type SectionContent = Section | Alignment

/** One unit of alignment: the same block in every language of the work. */
export interface Alignment extends Parent {
  type: 'alignment'
  /** Stable id: the same in every edition (HTML anchor, EPUB fragment, PDF destination). */
  id: string
  /** 1-based position among the work's alignments (headings included). */
  n: number
  /** Paragraph number: 1-based position among the work's alignments that are not headings (absent on a heading). */
  paragraph?: number | undefined
  /** The kind of block paired. */
  blockType: AlignedBlockType
  /** One segment per language of the work, original first. */
  children: Segment[]
  data?: AlignmentData | undefined
}
export interface AlignmentData extends Data {}

/** One language's side of an alignment. */
export interface Segment extends Parent {
  type: 'segment'
  lang: LanguageTag
  role: 'original' | 'translation'
  /** `present`: the block is there; `untranslated`: `::untranslated` placeholder; `missing`: a partial translation ends before it. */
  status: 'present' | 'untranslated' | 'missing'
  /** Zero (untranslated, missing) or one block. */
  children: SegmentContent[]
  data?: SegmentData | undefined
}
export interface SegmentData extends Data {}

/** The block a segment holds. */
export type SegmentContent =
  | Heading
  | Paragraph
  | Blockquote
  | List
  | Table
  | ThematicBreak
  | Gap
  | Editorial

// ---------------------------------------------------------------- notes

/** The notes of one language of a work, in number order. */
export interface NoteList extends Parent {
  type: 'noteList'
  lang: LanguageTag
  children: Note[]
  data?: NoteListData | undefined
}
export interface NoteListData extends Data {}

/** A note (footnote) in one language. */
export interface Note extends Parent, Association {
  type: 'note'
  /** Stable id, e.g. `note-en-12`, `note-kk-tr-1`. */
  id: string
  lang: LanguageTag
  kind: NoteKind
  /** Number shown to readers: 1-based, per language and kind, in order of first call. */
  number: number
  /** Id of the note with the same label in the other language, if any. */
  twin?: string | undefined
  /** Ids of the calls that point here. */
  calls: string[]
  children: BlockContent[]
  data?: NoteData | undefined
}
export interface NoteData extends Data {}

/** A call to a note. */
export interface NoteReference extends Node, Association {
  type: 'noteReference'
  /** Stable id of the call, e.g. `noteref-en-12`. */
  id: string
  /** Id of the note called. */
  noteId: string
  lang: LanguageTag
  kind: NoteKind
  number: number
  data?: NoteReferenceData | undefined
}
export interface NoteReferenceData extends Data {}

// ---------------------------------------------------------------- inline

/** A reference to a glossary entry (a term or a name). */
export interface GlossaryReference extends Parent, Association {
  type: 'glossaryReference'
  /** Kind of the entry referenced. */
  entryKind: GlossaryEntryKind
  /** True when forced with `:term`, false when matched automatically. */
  explicit: boolean
  children: PhrasingContent[]
  data?: GlossaryReferenceData | undefined
}
export interface GlossaryReferenceData extends Data {}

/** A run of text in a language other than its context's. */
export interface LangRun extends Parent {
  type: 'langRun'
  lang: LanguageTag
  /** True when written with `:lang`, false when detected from the script. */
  explicit: boolean
  children: PhrasingContent[]
  data?: LangRunData | undefined
}
export interface LangRunData extends Data {}

/** The place where a page of the source began. */
export interface PageMarker extends Node {
  type: 'pageMarker'
  /** The page number as printed in the source. */
  n: string
  /** Stable id: `page-<n>`. */
  id: string
  data?: PageMarkerData | undefined
}
export interface PageMarkerData extends Data {}

/** Text missing in the source (inline); children describe what is missing. */
export interface InlineGap extends Parent {
  type: 'inlineGap'
  children: PhrasingContent[]
  data?: InlineGapData | undefined
}
export interface InlineGapData extends Data {}

/** The author's own error, kept as written and marked [sic]. */
export interface Sic extends Parent {
  type: 'sic'
  children: PhrasingContent[]
  data?: SicData | undefined
}
export interface SicData extends Data {}

/** Words added by the editor. */
export interface EditorialInsertion extends Parent {
  type: 'editorialInsertion'
  children: PhrasingContent[]
  data?: EditorialInsertionData | undefined
}
export interface EditorialInsertionData extends Data {}

// ---------------------------------------------------------------- blocks

/** Text missing in the source (a block); children describe what is missing. */
export interface Gap extends Parent {
  type: 'gap'
  children: PhrasingContent[]
  data?: GapData | undefined
}
export interface GapData extends Data {}

/** A block of the editor's prose. */
export interface Editorial extends Parent {
  type: 'editorial'
  children: BlockContent[]
  data?: EditorialData | undefined
}
export interface EditorialData extends Data {}

// ---------------------------------------------------------------- glossary

/** The glossary shared by the works of an edition. */
export interface Glossary extends Parent {
  type: 'glossary'
  children: GlossaryEntry[]
  data?: GlossaryData | undefined
}
export interface GlossaryData extends Data {}

/** A term or a name with its forms in every language. */
export interface GlossaryEntry extends Node, Association {
  type: 'glossaryEntry'
  entryKind: GlossaryEntryKind
  /** Forms per language tag; `pinyin` holds romanisations (shown, not matched). */
  forms: Readonly<Record<string, readonly string[]>>
  /** A one-line note per language. */
  note: LocalizedText
  /** The form to sort (and, later, show) in an index, per language, surname first for Western names (`Obama, Barack`). */
  indexAs?: LocalizedText | undefined
  data?: GlossaryEntryData | undefined
}
export interface GlossaryEntryData extends Data {}

/** Every Diglot node type. */
export type DiglotNode =
  | Root
  | Work
  | Section
  | Alignment
  | Segment
  | NoteList
  | Note
  | NoteReference
  | GlossaryReference
  | LangRun
  | PageMarker
  | InlineGap
  | Sic
  | EditorialInsertion
  | Gap
  | Editorial
  | Glossary
  | GlossaryEntry

declare module 'mdast' {
  interface PhrasingContentMap {
    noteReference: NoteReference
    glossaryReference: GlossaryReference
    langRun: LangRun
    pageMarker: PageMarker
    inlineGap: InlineGap
    sic: Sic
    editorialInsertion: EditorialInsertion
  }
  interface BlockContentMap {
    gap: Gap
    editorial: Editorial
  }
  interface RootContentMap {
    work: Work
    section: Section
    alignment: Alignment
    segment: Segment
    noteList: NoteList
    note: Note
    noteReference: NoteReference
    glossaryReference: GlossaryReference
    langRun: LangRun
    pageMarker: PageMarker
    inlineGap: InlineGap
    sic: Sic
    editorialInsertion: EditorialInsertion
    gap: Gap
    editorial: Editorial
    glossary: Glossary
    glossaryEntry: GlossaryEntry
  }
}
