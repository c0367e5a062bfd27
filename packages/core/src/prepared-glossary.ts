/**
 * A glossary parsed and compiled once, shared by the works of an edition.
 */
import type {Glossary, LanguageTag} from './types.js'
import {Reporter, type DiglotMessage} from './messages.js'
import {createGlossaryMatchers, parseGlossary, type GlossaryMatcher} from './glossary.js'
import {smartenGlossary} from './transforms/punctuation.js'

/** A glossary with its compiled matchers, shared by the works of an edition. */
export interface PreparedGlossary {
  glossary: Glossary
  matcherFor: (lang: LanguageTag) => GlossaryMatcher
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
  const parsed = smartenGlossary(source)
  return {glossary: parsed, matcherFor: createGlossaryMatchers(source), messages: reporter.messages}
}
