/** Titles as the print edition shows them. */
import {pick as modelPick} from '@diglot/core'

/** A localised string in the first language that has one (the book model's `pick`), or ``. */
export function pick(
  text: Readonly<Record<string, string>> | undefined,
  languages: readonly string[]
): string {
  return modelPick(text, languages)?.text ?? ''
}

/**
 * A title's form for running heads: the title up to its colon when it is
 * longer than `max` characters, never cut in a word or with an ellipsis
 * (the page checks that a head fits; a work gives `shortTitle` where it does not).
 */
export function shortTitle(title: string, max = 60): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const colon = clean.indexOf(':')
  return colon > 10 && colon <= max ? clean.slice(0, colon) : clean
}
