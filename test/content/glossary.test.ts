/**
 * The glossary against the real texts (issue 15): every English form of an entry that a text
 * uses is linked, whatever its spelling; a Kazakh paragraph and its translation link the same
 * entries; a note names a work only where the entry belongs to that work alone; the line
 * comments "not in the … text" are true, and present wherever they should be.
 *
 * The checks are plain functions over the tree, so that the tests at the end can also run them
 * on deliberately broken data and see them fail.
 */
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {
  alignmentsOf,
  glossaryOccurrences,
  glossaryOf,
  works,
  type GlossaryEntry,
  type GlossaryOccurrence,
  type Root,
  type Work
} from '../../packages/core/src/index.js'
import {readContent} from '../../packages/core/src/fs.js'

const content = new URL('../../content/', import.meta.url)
const glossaryText = await readFile(new URL('glossary.yaml', content), 'utf8')
const {tree} = await readContent(content.pathname)

// ------------------------------------------------------------------ text without its links

interface TextNode {
  type: string
  value?: string
  lang?: string
  children?: TextNode[]
}

/** Where an English text is: a block of a work or a note. */
interface Place {
  work: string
  where: string
  /** The text with every glossary reference replaced by U+FFFC (so it cannot match again). */
  unlinked: string
}

function unlinkedText(node: TextNode, lang: string): string {
  // A page marker is an anchor, which a link cannot hold: a form split by one cannot be linked.
  if (node.type === 'glossaryReference' || node.type === 'pageMarker') return '\uFFFC'
  if (node.type === 'langRun' && node.lang !== lang) return ' '
  if (typeof node.value === 'string' && !node.children) return node.value
  // Blocks are kept apart, so that a form cannot run from one into the next.
  return (node.children ?? [])
    .map((child) => unlinkedText(child, lang))
    .join(node.type === 'paragraph' || node.type === 'heading' ? '' : ' ')
}

/** Every block and note of every work in `lang`, with the text its glossary references leave unlinked. */
function placesIn(root: Root, lang: string): Place[] {
  const places: Place[] = []
  for (const work of works(root)) {
    for (const alignment of alignmentsOf(work)) {
      for (const segment of alignment.children) {
        if (segment.lang === lang)
          places.push({
            work: work.id,
            where: alignment.id,
            unlinked: unlinkedText(segment as TextNode, lang)
          })
      }
    }
    for (const list of work.children) {
      if (list.type !== 'noteList' || list.lang !== lang) continue
      for (const note of list.children)
        places.push({
          work: work.id,
          where: `note ${note.label ?? note.id}`,
          unlinked: unlinkedText(note as TextNode, lang)
        })
    }
  }
  return places
}

// ------------------------------------------------------------------ spelling variants

/**
 * The comparison form of English text: no accents, lower case, one kind of apostrophe,
 * hyphens as spaces, and British spellings in their American form (the report is American,
 * the edition's own English British), so that `globalisation` and `globalization`,
 * `good-neighbourliness` and `good-neighborliness`, `Ürümqi` and `Urumqi` compare equal.
 */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[-‐‑–]/g, ' ')
    .replace(/isation/g, 'ization')
    .replace(/our(?=(?:s|hood|liness|ly|ing)?\b)/g, 'or')
    .replace(/centre/g, 'center')
    .replace(/\s+/g, ' ')
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A form is looked for as a whole word, also in the plural. */
function formPattern(form: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(fold(form))}(?:s|es)?(?![\\p{L}\\p{N}])`,
    'u'
  )
}

/** Entries whose English form (in any spelling) occurs in an English text without a link there. */
function unlinkedForms(root: Root, entries: readonly GlossaryEntry[]): string[] {
  const places = placesIn(root, 'en').map((place) => ({...place, folded: fold(place.unlinked)}))
  const problems: string[] = []
  for (const entry of entries) {
    for (const form of entry.forms['en'] ?? []) {
      // Short capitalised abbreviations (UN, CPC, USA) are compared as written: "un" and "us" are words.
      const abbreviation = /^[\p{Lu}.]{1,5}$/u.test(form)
      const pattern = abbreviation
        ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}s?(?![\\p{L}\\p{N}])`, 'u')
        : formPattern(form)
      for (const place of places) {
        const match = pattern.exec(abbreviation ? place.unlinked : place.folded)
        if (match)
          problems.push(
            `${entry.identifier}: "${match[0]}" is not linked in ${place.work} ${place.where}`
          )
      }
    }
  }
  return problems
}

// ------------------------------------------------------------------ twin paragraphs

/** Ids of the entries referenced in a node. */
function referencedIn(node: TextNode, found = new Set<string>()): Set<string> {
  if (node.type === 'glossaryReference')
    found.add((node as unknown as {identifier: string}).identifier)
  for (const child of node.children ?? []) referencedIn(child, found)
  return found
}

/** Entries linked on one side of an aligned pair and not on the other. */
function unpairedReferences(work: Work): string[] {
  const problems: string[] = []
  for (const alignment of alignmentsOf(work)) {
    const [original, translation] = alignment.children
    if (!original || !translation || translation.status !== 'present') continue
    const a = referencedIn(original as TextNode)
    const b = referencedIn(translation as TextNode)
    for (const id of a)
      if (!b.has(id))
        problems.push(
          `${alignment.id}: ${id} is linked in ${original.lang} but not in ${translation.lang}`
        )
    for (const id of b)
      if (!a.has(id))
        problems.push(
          `${alignment.id}: ${id} is linked in ${translation.lang} but not in ${original.lang}`
        )
  }
  return problems
}

// ------------------------------------------------------------------ notes that name a work

/**
 * How a note may name a work: explicitly, per language. Any other mention of a report, an
 * article, "the source" or "the text" is a bare one, which would be read as the book at hand
 * wherever the note is shown.
 */
const namings: Record<string, Record<string, RegExp>> = {
  'world-dream': {
    en: /\b(?:the CIIS report|Chen Xulong['’]s report)\b/g,
    kk: /(?:Чэнь Сюйлунның|«Әлем арманы») баяндама\p{L}*/gu
  },
  'harmonious-world': {en: /\bthe Kazakh article\b/g, kk: /«Гармониялық әлем» мақала\p{L}*/gu}
}
const bare: Record<string, RegExp> = {
  en: /\b(?:reports?|articles?|the source|the text)\b/i,
  kk: /баяндама|мақала|дереккөз/iu
}

/**
 * Notes that name a work the entry does not belong to alone. The EPUB and PDF of a work show
 * the entries it uses, with their notes; the HTML glossary shows every entry. A note that names
 * work W is therefore true wherever it is shown only if it names W explicitly and the entry
 * occurs in W and in no other work.
 */
function misplacedNotes(
  entries: readonly GlossaryEntry[],
  occurrences: Map<string, GlossaryOccurrence[]>
): string[] {
  const problems: string[] = []
  for (const entry of entries) {
    const inWorks = new Set(
      (occurrences.get(entry.identifier) ?? []).map((occurrence) => occurrence.work)
    )
    for (const [lang, note] of Object.entries(entry.note)) {
      let rest = note
      for (const [work, byLang] of Object.entries(namings)) {
        const pattern = byLang[lang]
        if (!pattern || !new RegExp(pattern.source, pattern.flags).test(rest)) continue
        rest = rest.replace(new RegExp(pattern.source, pattern.flags), ' ')
        if (!inWorks.has(work) || inWorks.size > 1) {
          problems.push(
            `${entry.identifier} (${lang}): the note names ${work}, but the entry occurs in ${[...inWorks].join(', ') || 'no work'}`
          )
        }
      }
      const loose = bare[lang]?.exec(rest)
      if (loose)
        problems.push(
          `${entry.identifier} (${lang}): "${loose[0]}" does not say which work it means`
        )
    }
  }
  return problems
}

// ------------------------------------------------------------------ "not in the … text" comments

const commentLanguages: Record<string, string> = {English: 'en', Kazakh: 'kk'}

/**
 * The glossary's line comments `# not in the English text` / `# not in the Kazakh text` on a
 * `forms` line, against the texts: the comment is there exactly when no form of the entry in
 * that language is linked in any text of that language (block or note).
 */
function wrongComments(yamlText: string, occurrences: Map<string, GlossaryOccurrence[]>): string[] {
  const problems: string[] = []
  let id = ''
  let inForms = false
  const commented = new Set<string>()
  const formLines = new Map<string, number>()
  // The file's header (before `entries:`) describes the practice; the entries follow it.
  const start = yamlText.split('\n').findIndex((line) => line.startsWith('entries:'))
  yamlText.split('\n').forEach((line, index) => {
    if (index <= start) return
    const entry = /^\s*- id: ([a-z0-9-]+)/.exec(line)
    if (entry) {
      id = entry[1] ?? ''
      inForms = false
      return
    }
    if (/^\s{4}forms:/.test(line)) {
      inForms = true
      return
    }
    if (/^\s{4}\w/.test(line)) inForms = false
    const comment = /#\s*not in the (\w+) text/.exec(line)
    const form = /^\s{6}([\w-]+):/.exec(line)
    if (comment) {
      const lang = commentLanguages[comment[1] ?? '']
      if (!inForms || !form || form[1] !== lang)
        problems.push(
          `line ${index + 1}: the comment "${comment[0]}" must stand on the entry's \`${lang ?? comment[1]}\` forms`
        )
      else commented.add(`${id}/${lang}`)
    }
    if (inForms && form?.[1] && Object.values(commentLanguages).includes(form[1]))
      formLines.set(`${id}/${form[1]}`, index + 1)
  })
  for (const [key, line] of formLines) {
    const [entryId = '', lang = ''] = key.split('/')
    const used = (occurrences.get(entryId) ?? []).some((occurrence) => occurrence.lang === lang)
    if (used && commented.has(key))
      problems.push(
        `line ${line}: ${entryId} says "not in the ${lang} text", but a ${lang} form is linked`
      )
    if (!used && !commented.has(key))
      problems.push(
        `line ${line}: ${entryId} has no ${lang} form in the texts; say so with "# not in the … text"`
      )
  }
  return problems
}

// ------------------------------------------------------------------ the tests

const entries = glossaryOf(tree).children
const occurrences = glossaryOccurrences(tree)
const article = works(tree).find((work) => work.id === 'harmonious-world')

describe('glossary.yaml against the texts', () => {
  it('links every English form of an entry that an English text uses, whatever its spelling', () => {
    expect(unlinkedForms(tree, entries)).toEqual([])
  })

  it('links the same entries in each Kazakh paragraph of the article and in its translation', () => {
    expect(article).toBeDefined()
    expect(unpairedReferences(article!)).toEqual([])
  })

  it('has no note that names a work the entry does not belong to alone', () => {
    expect(misplacedNotes(entries, occurrences)).toEqual([])
  })

  it('says "not in the … text" exactly where no form of that language is linked', () => {
    expect(wrongComments(glossaryText, occurrences)).toEqual([])
  })

  it('gives a surname-first index form to every Western person with a given name', () => {
    const western = [
      'barack-obama',
      'roland-robertson',
      'fareed-zakaria',
      'francis-fukuyama',
      'nicolas-sarkozy',
      'vladimir-putin',
      'zbigniew-brzezinski'
    ]
    for (const id of western) {
      const entry = entries.find((item) => item.identifier === id)
      const surname = entry?.forms['en']?.[0]?.split(' ').at(-1) ?? ''
      expect(entry?.indexAs?.['en'], id).toMatch(new RegExp(`^${surname}, `))
    }
  })
})

describe('the checks fail on broken data', () => {
  it('finds a British spelling or an abbreviation that the glossary lacks', async () => {
    // Re-read the content with a glossary that has only the American spelling and no "PRC".
    const dir = await mkdtemp(path.join(tmpdir(), 'diglot-glossary-'))
    await cp(content, dir, {recursive: true})
    const broken = glossaryText
      .replace('en: [globalisation, Globalisation, ', 'en: [')
      .replace(`en: ["People's Republic of China", PRC, `, `en: ["People's Republic of China", `)
    expect(broken).not.toBe(glossaryText)
    await writeFile(path.join(dir, 'glossary.yaml'), broken)
    const reread = (await readContent(dir)).tree
    await rm(dir, {recursive: true})
    expect(unlinkedForms(reread, glossaryOf(reread).children).join('\n')).toMatch(
      /globalisation: "globali[sz]ation" is not linked in harmonious-world/
    )
    const work = works(reread).find((item) => item.id === 'harmonious-world')!
    expect(unpairedReferences(work).join('\n')).toMatch(/prc is linked in kk but not in en/)
  })

  it('folds spellings and finds a plural', () => {
    expect(fold('Good-neighbourliness and Ürümqi, the centre')).toBe(
      'good neighborliness and urumqi, the center'
    )
    expect(formPattern('globalization').test(fold('economic globalisation deepens'))).toBe(true)
    expect(formPattern('Confucius Institute').test(fold('Confucius Institutes'))).toBe(true)
    expect(formPattern('Confucius Institute').test(fold('Confucius Institutesque'))).toBe(false)
    const plain: GlossaryEntry = {
      type: 'glossaryEntry',
      identifier: 'two-systems',
      label: 'two system',
      entryKind: 'term',
      forms: {en: ['two system']},
      note: {}
    }
    expect(unlinkedForms(tree, [plain]).join('\n')).toMatch(
      /two-systems: "two systems" is not linked in harmonious-world/
    )
  })

  it('finds a paragraph whose translation lacks a link', () => {
    const work = structuredClone(article!)
    const alignment = alignmentsOf(work).find((item) =>
      JSON.stringify(item).includes('"identifier":"jakarta"')
    )
    expect(alignment).toBeDefined()
    const drop = (node: TextNode): void => {
      node.children = node.children?.map((child) =>
        child.type === 'glossaryReference' &&
        (child as unknown as {identifier: string}).identifier === 'jakarta'
          ? {type: 'text', value: 'Jakarta'}
          : child
      )
      node.children?.forEach(drop)
    }
    drop(alignment!.children[1] as TextNode)
    expect(unpairedReferences(work)).toEqual([
      `${alignment!.id}: jakarta is linked in kk but not in en`
    ])
  })

  it('finds a note that names the wrong work, or a work without saying which', () => {
    const entry = (id: string, en: string): GlossaryEntry => ({
      ...entries.find((item) => item.identifier === id)!,
      note: {en}
    })
    expect(
      misplacedNotes(
        [
          entry(
            'world-dream',
            "Xi Jinping's term; Chen Xulong's report equates it with a harmonious world."
          )
        ],
        occurrences
      )
    ).toEqual([])
    expect(
      misplacedNotes([entry('hu-jintao', 'He is quoted in the Kazakh article.')], occurrences)
    ).toEqual([
      'hu-jintao (en): the note names harmonious-world, but the entry occurs in harmonious-world, world-dream'
    ])
    expect(
      misplacedNotes(
        [entry('world-dream', 'The report equates it with a harmonious world.')],
        occurrences
      )
    ).toEqual(['world-dream (en): "report" does not say which work it means'])
  })

  it('finds a wrong or a missing "not in the … text" comment', () => {
    const wrong = glossaryText.replace(/(en: \[Jakarta\])/, '$1  # not in the English text')
    expect(wrongComments(wrong, occurrences).join('\n')).toMatch(
      /jakarta says "not in the en text"/
    )
    const missing = glossaryText.replace(/(kk: \[Си Цзиньпин\])\s*# not in the Kazakh text/, '$1')
    expect(wrongComments(missing, occurrences).join('\n')).toMatch(
      /xi-jinping has no kk form in the texts/
    )
  })
})
