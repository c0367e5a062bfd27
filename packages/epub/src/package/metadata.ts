/**
 * The package metadata of a work's EPUB: identifier, titles in every
 * language, creators with roles, dates, source, rights, accessibility.
 */
import {createHash} from 'node:crypto'
import {
  apparatusLanguage,
  languageName as modelLanguageName,
  type Person,
  type Work
} from '@diglot/core'

/** The English name of a language tag (the book model's, from CLDR). */
function languageName(tag: string): string {
  return modelLanguageName(tag, 'en')
}

/** The language of the apparatus (labels, front and back matter): the book model's one rule (`apparatusLanguage`). */
export function apparatusLang(work: Work): string {
  return apparatusLanguage(work)
}

/** A person's name in `lang`, else in the first language given. */
export function personName(person: Person, lang: string): string {
  return person.name[lang] ?? Object.values(person.name)[0] ?? ''
}

/** The creator of a work whose author is not named. */
export const anonymous = 'Anonymous'

/**
 * A series statement as a collection and a position: `CIIS Report No. 2` →
 * `CIIS Report`, 2 (also `Vol. 2`, `#2`, `, 2`); without a number, the whole
 * statement and no position.
 */
export function seriesOf(statement: string): {name: string; position?: number} {
  const match =
    /^(.*?\S)(?:[\s,;]+(?:No\.?|Nr\.?|Number|Vol\.?|Volume)\s*|\s*#\s*|\s*,\s*)(\d+)$/i.exec(
      statement.trim()
    )
  if (!match?.[1] || !match[2]) return {name: statement.trim()}
  return {name: match[1].replace(/[\s,;]+$/, ''), position: Number(match[2])}
}

/** `urn:uuid:` derived from the work id (name-based, SHA-1, as UUID v5). */
export function identifierOf(workId: string): string {
  const hash = createHash('sha1').update(`diglot:epub:${workId}`).digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** `YYYY-MM-DDThh:mm:ssZ` for `dcterms:modified`. */
function modifiedOf(sourceDateEpoch: number): string {
  return new Date(sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const esc = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const text = (value: string): string => esc(value.replace(/\s+/g, ' ').trim())

/** What the metadata needs to know about the book's content. */
export interface MetadataInput {
  work: Work
  languages: string[]
  sourceDateEpoch: number
  hasPageList: boolean
  hasIndex: boolean
  hasGlossary: boolean
  hasCover: boolean
}

/** The `<metadata>` children of the package document. */
export function metadataXml(input: MetadataInput): string {
  const {work, languages, sourceDateEpoch} = input
  const meta = work.meta
  const lang = apparatusLang(work)
  const lines: string[] = []
  lines.push(`<dc:identifier id="pub-id">${identifierOf(work.id)}</dc:identifier>`)
  const titleLanguages = [
    ...work.languages,
    ...Object.keys(meta.title).filter((tag) => !work.languages.includes(tag))
  ].filter((tag) => meta.title[tag])
  titleLanguages.forEach((tag, index) => {
    lines.push(
      `<dc:title id="title-${index + 1}" xml:lang="${esc(tag)}">${text(meta.title[tag] ?? '')}</dc:title>`
    )
    lines.push(`<meta refines="#title-${index + 1}" property="title-type">main</meta>`)
    lines.push(`<meta refines="#title-${index + 1}" property="display-seq">${index + 1}</meta>`)
  })
  Object.entries(meta.subtitle ?? {}).forEach(([tag, value], index) => {
    lines.push(
      `<dc:title id="subtitle-${index + 1}" xml:lang="${esc(tag)}">${text(value)}</dc:title>`
    )
    lines.push(`<meta refines="#subtitle-${index + 1}" property="title-type">subtitle</meta>`)
  })
  for (const tag of languages) lines.push(`<dc:language>${esc(tag)}</dc:language>`)
  let creator = 0
  const person = (element: 'creator' | 'contributor', who: Person, role: string): void => {
    creator += 1
    const id = `${element}-${creator}`
    const name = personName(who, lang)
    lines.push(`<dc:${element} id="${id}">${text(name)}</dc:${element}>`)
    lines.push(`<meta refines="#${id}" property="role" scheme="marc:relators">${role}</meta>`)
    for (const [tag, value] of Object.entries(who.name)) {
      if (value !== name)
        lines.push(
          `<meta refines="#${id}" property="alternate-script" xml:lang="${esc(tag)}">${text(value)}</meta>`
        )
    }
  }
  for (const author of meta.authors) person('creator', author, 'aut')
  // No author named: say so, rather than leave readers to show "Unknown".
  if (meta.authors.length === 0) person('creator', {name: {[lang]: anonymous}}, 'aut')
  for (const translator of meta.translators) person('creator', translator, 'trl')
  if (meta.publisher) lines.push(`<dc:publisher>${text(meta.publisher)}</dc:publisher>`)
  lines.push(`<dc:date>${esc(meta.date ?? modifiedOf(sourceDateEpoch).slice(0, 10))}</dc:date>`)
  lines.push(`<meta property="dcterms:modified">${modifiedOf(sourceDateEpoch)}</meta>`)
  lines.push(`<dc:source id="source">${text(meta.source.description)}</dc:source>`)
  lines.push(`<dc:rights>${text(meta.licence)}</dc:rights>`)
  const description = [
    meta.subtitle?.[lang],
    meta.series,
    meta.translation?.madeForThisEdition
      ? `A ${work.languages.map(languageName).join('–')} edition; the translation was made for this edition.`
      : undefined
  ]
    .filter(Boolean)
    .join('. ')
  if (description) lines.push(`<dc:description>${text(description)}</dc:description>`)
  if (meta.series) {
    const series = seriesOf(meta.series)
    lines.push(`<meta property="belongs-to-collection" id="series">${text(series.name)}</meta>`)
    lines.push(`<meta refines="#series" property="collection-type">series</meta>`)
    if (series.position !== undefined)
      lines.push(`<meta refines="#series" property="group-position">${series.position}</meta>`)
  }
  // Accessibility (schema.org, EPUB Accessibility 1.1).
  lines.push(`<meta property="schema:accessMode">textual</meta>`)
  if (input.hasCover) lines.push(`<meta property="schema:accessMode">visual</meta>`)
  lines.push(`<meta property="schema:accessModeSufficient">textual</meta>`)
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    'unlocked'
  ]
  if (input.hasCover) features.push('alternativeText')
  if (input.hasPageList) features.push('pageNavigation', 'printPageNumbers')
  if (input.hasIndex) features.push('index')
  for (const feature of features)
    lines.push(`<meta property="schema:accessibilityFeature">${feature}</meta>`)
  lines.push(`<meta property="schema:accessibilityHazard">none</meta>`)
  const summary = [
    'Text with headings, a nested table of contents and landmarks.',
    work.languages.length > 1
      ? `Each ${languageName(work.languages[0] ?? '')} paragraph is followed by its ${languageName(work.languages[1] ?? '')} translation; every passage is marked with its language.`
      : 'Every passage in another language is marked with its language.',
    'Notes are linked both ways.',
    input.hasPageList
      ? 'Page numbers of the printed source are kept as page breaks and a page list.'
      : '',
    input.hasCover ? 'The cover image has a text alternative.' : ''
  ]
    .filter(Boolean)
    .join(' ')
  lines.push(`<meta property="schema:accessibilitySummary">${text(summary)}</meta>`)
  lines.push(
    `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>`
  )
  lines.push(
    `<meta property="a11y:certifiedBy">Diglot (automated checks: epubcheck, DAISY Ace)</meta>`
  )
  // The whole description, never cut (a cut can fall inside a word or an entity).
  if (input.hasPageList)
    lines.push(`<meta property="pageBreakSource">${text(meta.source.description)}</meta>`)
  if (input.hasCover) lines.push(`<meta name="cover" content="cover-image" />`)
  return lines.map((line) => `    ${line}`).join('\n')
}
