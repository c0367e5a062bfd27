/** Titles as the print edition shows them. */
import {pick as modelPick} from '@diglot/core'

/** A localised string in the first language that has one (the book model's `pick`), or ``. */
export function pick(text: Readonly<Record<string, string>> | undefined, languages: readonly string[]): string {
  return modelPick(text, languages)?.text ?? ''
}

/** A shortened title for running heads. */
export function shortTitle(title: string, max = 60): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const colon = clean.indexOf(':')
  if (colon > 10 && colon <= max) return clean.slice(0, colon)
  return `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}
