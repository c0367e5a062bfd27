/**
 * A glossary parsed and compiled once, shared by the works of an edition.
 */
import type {Glossary, LanguageTag} from './types.js'
import {Reporter, type DiglotMessage} from './messages.js'
import {createGlossaryMatchers, parseGlossary, type GlossaryMatcher} from './glossary.js'
import {smartenGlossary} from './transforms/punctuation.js'

/** A glossary with its compiled matchers, shared by the works of an edition. */
export interface PreparedGlossary extends PreparedGlossaryData {
  matcherFor: (lang: LanguageTag) => GlossaryMatcher
}

/**
 * What a prepared glossary is made of, as plain data (it can be sent to
 * another thread; `preparedFromData` makes it a `PreparedGlossary` again).
 */
export interface PreparedGlossaryData {
  /** The glossary with its punctuation smartened, as it goes into the tree. */
  glossary: Glossary
  /** The glossary as read, before its punctuation was smartened (its terms are matched as written). */
  source: Glossary
  messages: DiglotMessage[]
}

/**
 * Parse and compile a glossary once, for several works.
 *
 * @param glossary The text of `glossary.yaml`, a parsed glossary, or none.
 * @param path The glossary's path as shown in messages (default `glossary.yaml`).
 */
export function prepareGlossary(
  glossary: string | Glossary | undefined,
  path = 'glossary.yaml'
): PreparedGlossary {
  const reporter = new Reporter(path)
  const source =
    glossary === undefined
      ? {type: 'glossary' as const, children: []}
      : typeof glossary === 'string'
        ? parseGlossary(glossary, reporter)
        : glossary
  return preparedFromData({
    glossary: smartenGlossary(source),
    source,
    messages: reporter.messages
  })
}

/**
 * A prepared glossary from its data (`PreparedGlossaryData`), as another
 * thread sent it: only the matchers are compiled again (lazily, per language).
 */
export function preparedFromData(data: PreparedGlossaryData): PreparedGlossary {
  return {
    glossary: data.glossary,
    source: data.source,
    messages: data.messages,
    matcherFor: createGlossaryMatchers(data.source)
  }
}
