/**
 * Read `work.yaml` into WorkMeta.
 */
import type {Person, Translator, WorkMeta} from './types.js'
import type {Reporter} from './messages.js'
import {YamlReader, readYaml} from './yaml-source.js'
import {checkFields, workShape} from './fields.js'
import {checkCharacters} from './limits.js'

/** Work ids that would overwrite another output of the build (`<out>/glossary/`, `<out>/assets/`). */
const reservedWorkIds: ReadonlySet<string> = new Set(['glossary', 'assets'])

const languageTag = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/
const trims = new Set(['A5', '6x9in'])

/**
 * Parse and check the text of a `work.yaml`.
 *
 * @param text The YAML text.
 * @param reporter Receives problems (`yaml-invalid`, `meta-invalid`).
 * @param expectedId The folder name, when read from disk.
 */
export function parseWorkMeta(
  text: string,
  reporter: Reporter,
  expectedId?: string
): WorkMeta | undefined {
  const before = reporter.messages.length
  const source = readYaml(checkCharacters(text, reporter), reporter)
  if (!source) return undefined
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    reporter.report(
      {line: 1, column: 1},
      'meta-invalid',
      'work.yaml must be a map of fields (id, languages, title, …); see docs/format.md'
    )
    return undefined
  }
  const read = new YamlReader(source, reporter, 'meta-invalid')
  checkFields(source, workShape, reporter, 'meta-invalid')

  const id = read.string(['id'], true) ?? ''
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id))
    read.fail(['id'], `work id \`${id}\` must use lowercase letters, digits and hyphens`)
  else if (reservedWorkIds.has(id))
    read.fail(
      ['id'],
      `work id \`${id}\` is taken by the edition's own \`${id}\` page or folder; rename the work (and its folder)`
    )
  else if (id.length > 100) read.fail(['id'], 'a work id may have at most 100 characters')
  if (id && expectedId !== undefined && id !== expectedId) {
    read.fail(
      ['id'],
      `work id \`${id}\` differs from its folder \`${expectedId}\`; make them equal`
    )
  }

  const original = read.string(['languages', 'original'], true) ?? ''
  const translation = read.string(['languages', 'translation'], false)
  for (const [key, tag] of [
    ['original', original],
    ['translation', translation]
  ] as const) {
    if (tag && !languageTag.test(tag))
      read.fail(
        ['languages', key],
        `\`${tag}\` is not a BCP 47 language tag (e.g. kk, en, zh-Hans)`
      )
  }
  if (translation !== undefined && translation === original) {
    read.fail(
      ['languages', 'translation'],
      'the translation must be in another language than the original'
    )
  }

  const title = read.localized(['title'], true) ?? {}
  if (original && Object.keys(title).length > 0 && title[original] === undefined) {
    read.fail(
      ['title'],
      `\`title\` has no \`${original}\` entry; give the title in the original language`
    )
  }

  const authors: Person[] = []
  read.list(['authors']).forEach((_, index) => {
    const name = read.localized(['authors', index, 'name'], true)
    if (name) authors.push({name})
  })
  const translators: Translator[] = []
  read.list(['translators']).forEach((_, index) => {
    const name = read.localized(['translators', index, 'name'], true)
    const language = read.string(['translators', index, 'language'], true)
    if (language !== undefined && !languageTag.test(language)) {
      read.fail(
        ['translators', index, 'language'],
        `\`${language}\` is not a BCP 47 language tag (e.g. kk, en, zh-Hans)`
      )
      return
    }
    if (name && language) translators.push({name, language})
  })

  const licence = read.string(['licence'], true) ?? ''
  const description = read.string(['source', 'description'], true) ?? ''
  const file = read.string(['source', 'file'], false)
  const sha256 = read.string(['source', 'sha256'], false)
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256))
    read.fail(['source', 'sha256'], '`source.sha256` must be 64 lowercase hex digits (sha256sum)')

  const trim = read.string(['print', 'trim'], false) ?? 'A5'
  if (!trims.has(trim)) read.fail(['print', 'trim'], `unknown trim \`${trim}\`; use A5 or 6x9in`)
  const layout = read.string(['print', 'layout'], false)
  if (layout !== undefined && layout !== 'facing' && layout !== 'columns')
    read.fail(['print', 'layout'], `unknown layout \`${layout}\`; use facing or columns`)

  const date = read.string(['date'], false)
  if (date !== undefined && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date))
    read.fail(['date'], '`date` must be YYYY, YYYY-MM or YYYY-MM-DD')

  const meta: WorkMeta = {
    id,
    languages: translation === undefined ? {original} : {original, translation},
    title,
    titleIsEditorial: read.boolean(['titleIsEditorial'], false),
    paragraphNumbers: read.boolean(['paragraphNumbers'], translation !== undefined),
    authors,
    translators,
    licence,
    source: {
      description,
      ...(file === undefined ? {} : {file}),
      ...(sha256 === undefined ? {} : {sha256})
    },
    print: {
      trim: trim === '6x9in' ? '6x9in' : 'A5',
      ...(layout === 'facing' || layout === 'columns' ? {layout} : {})
    }
  }
  const short = read.localized(['shortTitle'], false)
  if (short) meta.shortTitle = short
  const subtitle = read.localized(['subtitle'], false)
  if (subtitle) meta.subtitle = subtitle
  const authorNote = read.localized(['authorNote'], false)
  if (authorNote) meta.authorNote = authorNote
  if (translation !== undefined || read.get(['translation']) !== undefined) {
    const status = read.string(['translation', 'status'], false) ?? 'complete'
    if (status !== 'complete' && status !== 'partial')
      read.fail(['translation', 'status'], '`translation.status` must be `complete` or `partial`')
    const note = read.localized(['translation', 'note'], false)
    meta.translation = {
      madeForThisEdition: read.boolean(['translation', 'madeForThisEdition'], false),
      status: status === 'partial' ? 'partial' : 'complete',
      ...(note ? {note} : {})
    }
  }
  const publisher = read.string(['publisher'], false)
  if (publisher !== undefined) meta.publisher = publisher
  if (date !== undefined) meta.date = date
  const series = read.string(['series'], false)
  if (series !== undefined) meta.series = series

  return reporter.messages.slice(before).some((message) => message.fatal === true)
    ? undefined
    : meta
}
