/** Titles as the print edition shows them. */

/** Pick a localised string: the first language that has one. */
export function pick(text: Readonly<Record<string, string>> | undefined, languages: readonly string[]): string {
  if (!text) return ''
  for (const lang of languages) if (text[lang]) return text[lang]
  return Object.values(text)[0] ?? ''
}

/** A shortened title for running heads. */
export function shortTitle(title: string, max = 60): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const colon = clean.indexOf(':')
  if (colon > 10 && colon <= max) return clean.slice(0, colon)
  return `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}
