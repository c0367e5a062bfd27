/**
 * Every JSON example of docs/ast.md as a typed constant. ast-examples.test.ts
 * checks that each equals its example in the document and that this file
 * compiles against the types exported by @diglot/core, so the document, these
 * constants and the types cannot drift apart.
 *
 * An example labelled ```json type=X name=y``` in docs/ast.md is the constant `y`
 * of type X here (`name` defaults to X with a lowercase first letter).
 */
import type {
  Alignment,
  Editorial,
  EditorialInsertion,
  Gap,
  Glossary,
  GlossaryEntry,
  GlossaryReference,
  InlineGap,
  LangRun,
  Note,
  NoteList,
  NoteReference,
  PageMarker,
  Root,
  Section,
  Segment,
  Sic,
  Work,
  WorkMeta
} from '../src/index.js'

export const root: Root = {
  type: 'root',
  specVersion: '1.0.0',
  children: [{type: 'glossary', children: []}]
}

export const work: Work = {
  type: 'work',
  id: 'note',
  meta: {
    id: 'note',
    languages: {original: 'en'},
    title: {en: 'A note'},
    titleIsEditorial: false,
    paragraphNumbers: false,
    authors: [],
    translators: [],
    licence: 'CC0-1.0',
    source: {description: 'Written for this example.'},
    print: {trim: 'A5'}
  },
  languages: ['en'],
  children: [
    {
      type: 'alignment',
      id: 'p-1700bko',
      n: 1,
      paragraph: 1,
      blockType: 'paragraph',
      children: [
        {
          type: 'segment',
          lang: 'en',
          role: 'original',
          status: 'present',
          children: [{type: 'paragraph', children: [{type: 'text', value: 'A short note.'}]}]
        }
      ]
    },
    {type: 'noteList', lang: 'en', children: []}
  ]
}

export const section: Section = {
  type: 'section',
  id: 'background',
  depth: 2,
  children: [
    {
      type: 'alignment',
      id: 'background',
      n: 1,
      blockType: 'heading',
      children: [
        {
          type: 'segment',
          lang: 'en',
          role: 'original',
          status: 'present',
          children: [{type: 'heading', depth: 2, children: [{type: 'text', value: 'Background'}]}]
        }
      ]
    },
    {
      type: 'alignment',
      id: 'p-1qibc9t',
      n: 2,
      paragraph: 1,
      blockType: 'paragraph',
      children: [
        {
          type: 'segment',
          lang: 'en',
          role: 'original',
          status: 'present',
          children: [{type: 'paragraph', children: [{type: 'text', value: 'It began in 2005.'}]}]
        }
      ]
    }
  ]
}

export const alignment: Alignment = {
  type: 'alignment',
  id: 'p-052gb6u',
  n: 1,
  paragraph: 1,
  blockType: 'paragraph',
  children: [
    {
      type: 'segment',
      lang: 'kk',
      role: 'original',
      status: 'present',
      children: [{type: 'paragraph', children: [{type: 'text', value: 'Соңы.'}]}]
    },
    {
      type: 'segment',
      lang: 'en',
      role: 'translation',
      status: 'present',
      children: [{type: 'paragraph', children: [{type: 'text', value: 'The end.'}]}]
    }
  ]
}

export const segment: Segment = {
  type: 'segment',
  lang: 'en',
  role: 'translation',
  status: 'present',
  children: [{type: 'paragraph', children: [{type: 'text', value: 'One.'}]}]
}

export const segmentUntranslated: Segment = {
  type: 'segment',
  lang: 'en',
  role: 'translation',
  status: 'untranslated',
  children: []
}

export const segmentMissing: Segment = {
  type: 'segment',
  lang: 'en',
  role: 'translation',
  status: 'missing',
  children: []
}

export const noteList: NoteList = {
  type: 'noteList',
  lang: 'en',
  children: [
    {
      type: 'note',
      identifier: '1',
      label: '1',
      id: 'note-en-1',
      lang: 'en',
      kind: 'author',
      number: 1,
      calls: ['noteref-en-1'],
      children: [{type: 'paragraph', children: [{type: 'text', value: 'Source.'}]}],
      twin: 'note-kk-1'
    },
    {
      type: 'note',
      identifier: 'tr-1',
      label: 'tr-1',
      id: 'note-en-tr-1',
      lang: 'en',
      kind: 'translator',
      number: 1,
      calls: ['noteref-en-tr-1'],
      children: [{type: 'paragraph', children: [{type: 'text', value: "Translator's note."}]}]
    }
  ]
}

export const note: Note = {
  type: 'note',
  identifier: '1',
  label: '1',
  id: 'note-kk-1',
  lang: 'kk',
  kind: 'author',
  number: 1,
  calls: ['noteref-kk-1'],
  children: [{type: 'paragraph', children: [{type: 'text', value: 'Дереккөз.'}]}],
  twin: 'note-en-1'
}

export const noteReference: NoteReference = {
  type: 'noteReference',
  identifier: '1',
  label: '1',
  id: 'noteref-en-1',
  noteId: 'note-en-1',
  lang: 'en',
  kind: 'author',
  number: 1
}

export const glossaryReference: GlossaryReference = {
  type: 'glossaryReference',
  identifier: 'hu-jintao',
  label: 'Hu Jintao',
  entryKind: 'person',
  explicit: false,
  children: [{type: 'text', value: 'Hu Jintao'}]
}

export const glossaryReferenceExplicit: GlossaryReference = {
  type: 'glossaryReference',
  identifier: 'hu-jintao',
  label: 'Hu',
  entryKind: 'person',
  explicit: true,
  children: [{type: 'text', value: 'Hu'}]
}

export const langRun: LangRun = {
  type: 'langRun',
  lang: 'zh-Hans',
  explicit: false,
  children: [{type: 'text', value: '和谐世界'}]
}

export const langRunExplicit: LangRun = {
  type: 'langRun',
  lang: 'en',
  explicit: true,
  children: [{type: 'text', value: 'Harmonious World'}]
}

export const pageMarker: PageMarker = {type: 'pageMarker', n: '2', id: 'page-2'}

export const inlineGap: InlineGap = {
  type: 'inlineGap',
  children: [{type: 'text', value: 'a sentence is missing'}]
}

export const sic: Sic = {type: 'sic', children: [{type: 'text', value: 'Rovertson'}]}

export const editorialInsertion: EditorialInsertion = {
  type: 'editorialInsertion',
  children: [{type: 'text', value: 'item'}]
}

export const gap: Gap = {
  type: 'gap',
  children: [{type: 'text', value: 'The list is missing in the source.'}]
}

export const editorial: Editorial = {
  type: 'editorial',
  children: [{type: 'paragraph', children: [{type: 'text', value: "The editor's note."}]}]
}

export const glossary: Glossary = {
  type: 'glossary',
  children: [
    {
      type: 'glossaryEntry',
      identifier: 'un',
      label: 'United Nations',
      entryKind: 'organisation',
      forms: {en: ['United Nations', 'UN'], kk: ['БҰҰ'], 'zh-Hans': ['联合国']},
      note: {en: 'The United Nations.', kk: 'Біріккен Ұлттар Ұйымы.'}
    }
  ]
}

export const glossaryEntry: GlossaryEntry = {
  type: 'glossaryEntry',
  identifier: 'hu-jintao',
  label: 'Hu Jintao',
  entryKind: 'person',
  forms: {en: ['Hu Jintao'], kk: ['Ху Цзиньтао'], 'zh-Hans': ['胡锦涛'], pinyin: ['Hú Jǐntāo']},
  note: {
    en: "President of the People's Republic of China, 2003–2013.",
    kk: 'Қытай Халық Республикасының Төрағасы, 2003–2013.'
  }
}

export const workMeta: WorkMeta = {
  id: 'harmonious-world',
  languages: {original: 'kk', translation: 'en'},
  title: {
    kk: '«Гармониялық әлем» – жаһанданудың қытайлық үлгісі',
    en: 'The "Harmonious World" – the Chinese model of globalisation'
  },
  titleIsEditorial: true,
  paragraphNumbers: true,
  authors: [{name: {en: 'Chen Xulong', 'zh-Hans': '陈须隆'}}],
  translators: [{name: {en: 'Jia Xiudong'}, language: 'en'}],
  licence: 'CC BY 4.0',
  source: {
    description: 'Text extracted from the PDF of the report.',
    file: 'source/report.txt',
    sha256: '6f1c000000000000000000000000000000000000000000000000000000000000'
  },
  print: {trim: '6x9in'},
  subtitle: {en: 'A study'},
  translation: {madeForThisEdition: true, status: 'complete'},
  publisher: 'China Institute of International Studies',
  date: '2013-12',
  series: 'CIIS Report No. 2'
}

export const completeExample: Root = {
  type: 'root',
  specVersion: '1.0.0',
  children: [
    {
      type: 'work',
      id: 'sample',
      meta: {
        id: 'sample',
        languages: {original: 'kk', translation: 'en'},
        title: {kk: 'Үлгі', en: 'Sample'},
        titleIsEditorial: false,
        paragraphNumbers: true,
        authors: [],
        translators: [],
        licence: 'CC BY 4.0',
        source: {description: 'A small example.'},
        print: {trim: 'A5'},
        translation: {madeForThisEdition: false, status: 'complete'}
      },
      languages: ['kk', 'en'],
      children: [
        {
          type: 'section',
          id: 'кіріспе',
          depth: 1,
          children: [
            {
              type: 'alignment',
              id: 'кіріспе',
              n: 1,
              blockType: 'heading',
              children: [
                {
                  type: 'segment',
                  lang: 'kk',
                  role: 'original',
                  status: 'present',
                  children: [
                    {type: 'heading', depth: 1, children: [{type: 'text', value: 'Кіріспе'}]}
                  ]
                },
                {
                  type: 'segment',
                  lang: 'en',
                  role: 'translation',
                  status: 'present',
                  children: [
                    {type: 'heading', depth: 1, children: [{type: 'text', value: 'Introduction'}]}
                  ]
                }
              ]
            },
            {
              type: 'alignment',
              id: 'p-0hh91na',
              n: 2,
              paragraph: 1,
              blockType: 'paragraph',
              children: [
                {
                  type: 'segment',
                  lang: 'kk',
                  role: 'original',
                  status: 'present',
                  children: [
                    {
                      type: 'paragraph',
                      children: [
                        {
                          type: 'glossaryReference',
                          identifier: 'hu-jintao',
                          label: 'Ху Цзиньтао',
                          entryKind: 'person',
                          explicit: false,
                          children: [{type: 'text', value: 'Ху Цзиньтао'}]
                        },
                        {type: 'text', value: ' ('},
                        {
                          type: 'langRun',
                          lang: 'zh-Hans',
                          explicit: false,
                          children: [
                            {
                              type: 'glossaryReference',
                              identifier: 'hu-jintao',
                              label: '胡锦涛',
                              entryKind: 'person',
                              explicit: false,
                              children: [{type: 'text', value: '胡锦涛'}]
                            }
                          ]
                        },
                        {type: 'text', value: ') сөйледі.'},
                        {
                          type: 'noteReference',
                          identifier: '1',
                          label: '1',
                          id: 'noteref-kk-1',
                          noteId: 'note-kk-1',
                          lang: 'kk',
                          kind: 'author',
                          number: 1
                        },
                        {type: 'text', value: ' '},
                        {type: 'pageMarker', n: '2', id: 'page-2'},
                        {type: 'text', value: ' Соңы.'}
                      ]
                    }
                  ]
                },
                {
                  type: 'segment',
                  lang: 'en',
                  role: 'translation',
                  status: 'present',
                  children: [
                    {
                      type: 'paragraph',
                      children: [
                        {
                          type: 'glossaryReference',
                          identifier: 'hu-jintao',
                          label: 'Hu Jintao',
                          entryKind: 'person',
                          explicit: false,
                          children: [{type: 'text', value: 'Hu Jintao'}]
                        },
                        {type: 'text', value: ' ('},
                        {
                          type: 'langRun',
                          lang: 'zh-Hans',
                          explicit: false,
                          children: [
                            {
                              type: 'glossaryReference',
                              identifier: 'hu-jintao',
                              label: '胡锦涛',
                              entryKind: 'person',
                              explicit: false,
                              children: [{type: 'text', value: '胡锦涛'}]
                            }
                          ]
                        },
                        {type: 'text', value: ') spoke.'},
                        {
                          type: 'noteReference',
                          identifier: '1',
                          label: '1',
                          id: 'noteref-en-1',
                          noteId: 'note-en-1',
                          lang: 'en',
                          kind: 'author',
                          number: 1
                        },
                        {type: 'text', value: ' '},
                        {type: 'pageMarker', n: '2', id: 'page-2'},
                        {type: 'text', value: ' The end.'}
                      ]
                    }
                  ]
                }
              ]
            }
          ]
        },
        {
          type: 'noteList',
          lang: 'kk',
          children: [
            {
              type: 'note',
              identifier: '1',
              label: '1',
              id: 'note-kk-1',
              lang: 'kk',
              kind: 'author',
              number: 1,
              calls: ['noteref-kk-1'],
              children: [{type: 'paragraph', children: [{type: 'text', value: 'Дереккөз.'}]}],
              twin: 'note-en-1'
            }
          ]
        },
        {
          type: 'noteList',
          lang: 'en',
          children: [
            {
              type: 'note',
              identifier: '1',
              label: '1',
              id: 'note-en-1',
              lang: 'en',
              kind: 'author',
              number: 1,
              calls: ['noteref-en-1'],
              children: [{type: 'paragraph', children: [{type: 'text', value: 'Source.'}]}],
              twin: 'note-kk-1'
            }
          ]
        }
      ]
    },
    {
      type: 'glossary',
      children: [
        {
          type: 'glossaryEntry',
          identifier: 'hu-jintao',
          label: 'Hu Jintao',
          entryKind: 'person',
          forms: {en: ['Hu Jintao'], kk: ['Ху Цзиньтао'], 'zh-Hans': ['胡锦涛']},
          note: {en: 'President of China, 2003–2013.'}
        }
      ]
    }
  ]
}
