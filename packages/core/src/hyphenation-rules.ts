/**
 * The typesetting rules every edition's hyphenation follows (issue 12): a
 * word is broken only when it has at least six letters, leaving three on
 * each side, and never when it is a proper name (a capitalised word that
 * does not open a sentence; glossary names are skipped by the renderers).
 */

/** Letters a word needs before it may be broken, and letters kept on each side of a break. */
export const hyphenationLimits = {minWord: 6, left: 3, right: 3} as const

/** Keep the break positions (indices of the letter a break comes before) that leave enough letters on each side. */
export function withinLimits(breaks: readonly number[], length: number): number[] {
  if (length < hyphenationLimits.minWord) return []
  return breaks.filter(
    (at) => at >= hyphenationLimits.left && length - at >= hyphenationLimits.right
  )
}

// A sentence ends with . ! ? or … and may be followed by closing quotes, brackets and a note mark.
const sentenceEnd = /[.!?\u2026][\u2019\u201D\u00BB"')\]\d]*\s*$/u

/** Whether a word that follows `before` (the text before it in its block) opens a sentence. */
export function opensSentence(before: string): boolean {
  const text = before.replace(/[\s\u00A0\u202F\u2009]+$/u, '')
  // Opening quotes and brackets belong to the word's sentence.
  const open = text.replace(/[\u201C\u2018\u00AB"'([\u2014\u2013-]+$/u, '').replace(/\s+$/u, '')
  return open === '' || sentenceEnd.test(open)
}

/** Whether `word` reads as a proper name where it stands: capitalised, with lower-case letters, not opening a sentence. */
export function isNameByPosition(word: string, before: string): boolean {
  const first = word.charAt(0)
  if (first === first.toLowerCase()) return false
  return !opensSentence(before)
}
