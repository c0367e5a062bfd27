/**
 * Kazakh (Cyrillic) hyphenation from plain syllable rules, the ones TeX's
 * public-domain `hyph-kk` patterns are generated from (DESIGN §5):
 *
 * - a vowel, then one consonant and a vowel: break before the consonant (V-CV, `ба-ла`);
 * - two consonants between vowels: break between them (VC-CV, `ал-ма`), never at a word's start;
 * - three consonants: break before the last (`жұрт-тың`, `айт-ты`, `ант-сыз`), except
 *   a stop or `ф`/`в` followed by `р`/`л`, which opens the next syllable (`ми-нистр`, `де-мо-кра-тия`);
 * - `ь` and `ъ` belong to the consonant before them;
 * - at least two letters on each side of a syllable break (`kazakhBreakPoints`);
 * - for typesetting (`hyphenateKazakhWord`, `hyphenateKazakh`) the limits of
 *   `hyphenation-rules.ts`: words of six letters or more, three on each side,
 *   and no break in a capitalised word that does not open a sentence (a name);
 * - an exceptions list for loanwords (`Қа-зақ-стан`), also applied to their inflected forms.
 *
 * Abbreviations (two or more capitals, `АҚШ`, `ҚХР`) and words with other
 * scripts or digits are left alone; hyphenated compounds are hyphenated part by part.
 */

import {isNameByPosition, withinLimits} from './hyphenation-rules.js'

const vowels = new Set('аәеёиоөуұүыіэюя')
const consonants = new Set('бвгғджзйкқлмнңпрсттфхһцчшщ')
const signs = new Set('ьъ')
const stops = new Set('бпдтгкқфв')
const liquids = new Set('рл')

/** Loanwords whose syllables the rules get wrong, as `stem: hyphenated stem`. */
export const kazakhExceptions: Readonly<Record<string, string>> = {
  қазақстан: 'қа-зақ-стан',
  ауғанстан: 'ау-ған-стан',
  өзбекстан: 'өз-бек-стан',
  түркменстан: 'түрк-мен-стан',
  пәкістан: 'пә-кі-стан',
  тәжікстан: 'тә-жік-стан',
  қырғызстан: 'қыр-ғыз-стан',
  ғасыр: 'ға-сыр',
  транспорт: 'транс-порт',
  инфрақұрылым: 'ин-фра-құ-ры-лым',
  конструктив: 'кон-струк-тив',
  стратегия: 'стра-те-гия',
  стратегиялық: 'стра-те-гия-лық'
}

/** Break positions (indices of the letter a break comes before) of one Kazakh word. */
export function kazakhBreakPoints(word: string): number[] {
  const lower = word.toLowerCase()
  const letters = [...lower]
  if (letters.length < 4) return []
  if (!letters.every((letter) => vowels.has(letter) || consonants.has(letter) || signs.has(letter)))
    return []
  const capitals = [...word].filter((letter) => letter !== letter.toLowerCase()).length
  if (capitals >= 2) return []

  const breaks = new Set<number>()
  const nuclei: number[] = []
  letters.forEach((letter, index) => {
    if (vowels.has(letter)) nuclei.push(index)
  })
  for (let k = 0; k + 1 < nuclei.length; k++) {
    const from = nuclei[k]! + 1
    const to = nuclei[k + 1]!
    // Consonants between two vowels, a soft or hard sign staying with the one before it.
    const cluster: number[] = []
    for (let index = from; index < to; index++) if (!signs.has(letters[index]!)) cluster.push(index)
    if (cluster.length === 0) continue
    let at: number
    if (cluster.length === 1) at = cluster[0]!
    else {
      const last = cluster[cluster.length - 1]!
      const beforeLast = cluster[cluster.length - 2]!
      // A stop and a liquid open the syllable together (loanwords: `де-мо-кра-тия`).
      const onsetPair = stops.has(letters[beforeLast]!) && liquids.has(letters[last]!)
      at = onsetPair ? beforeLast : last
      if (cluster.length === 2 && onsetPair && nuclei[k]! < 1) at = last
    }
    breaks.add(at)
  }

  const stem = Object.keys(kazakhExceptions).find((key) => lower.startsWith(key))
  if (stem) {
    for (const position of [...breaks]) if (position < stem.length) breaks.delete(position)
    let index = 0
    for (const char of kazakhExceptions[stem]!) {
      if (char === '-') breaks.add(index)
      else index++
    }
  }
  return [...breaks]
    .filter((position) => position >= 2 && letters.length - position >= 2)
    .sort((a, b) => a - b)
}

/** Hyphenate one word (or a hyphenated compound) with `hyphen` (default soft hyphen), within the typesetting limits. */
export function hyphenateKazakhWord(word: string, hyphen = '\u00AD'): string {
  const key = `${hyphen}${word}`
  let known = hyphenatedWords.get(key)
  if (known === undefined) {
    if (hyphenatedWords.size >= MAX_KNOWN_WORDS) hyphenatedWords.clear()
    known = hyphenateWordAnew(word, hyphen)
    hyphenatedWords.set(key, known)
  }
  return known
}

/** Words already hyphenated, with their hyphen (a text repeats its words; bounded for long runs). */
const hyphenatedWords = new Map<string, string>()
const MAX_KNOWN_WORDS = 50_000

function hyphenateWordAnew(word: string, hyphen: string): string {
  if (word.includes('-'))
    return word
      .split('-')
      .map((part) => hyphenateKazakhWord(part, hyphen))
      .join('-')
  const breaks = withinLimits(kazakhBreakPoints(word), [...word].length)
  if (breaks.length === 0) return word
  const letters = [...word]
  return letters
    .map((letter, index) => (breaks.includes(index) ? hyphen + letter : letter))
    .join('')
}

/**
 * Hyphenate every Cyrillic word of a text, except names: a capitalised word
 * that does not open a sentence. `before` is the text of the block before
 * this one (default '': the text opens its block).
 */
export function hyphenateKazakh(text: string, hyphen = '\u00AD', before = ''): string {
  return text.replace(
    /[\p{Script=Cyrillic}]+(?:-[\p{Script=Cyrillic}]+)*/gu,
    (word, offset: number) =>
      isNameByPosition(
        word,
        offset >= 24 ? text.slice(offset - 24, offset) : before.slice(-24) + text.slice(0, offset)
      )
        ? word
        : hyphenateKazakhWord(word, hyphen)
  )
}
