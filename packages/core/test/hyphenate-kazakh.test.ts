import {describe, expect, it} from 'vitest'
import {hyphenateKazakh, hyphenateKazakhWord, kazakhBreakPoints} from '../src/hyphenate-kazakh.js'

/** A word's syllable breaks, shown with `-` (compounds part by part). */
const show = (word: string): string =>
  word
    .split('-')
    .map((part) => {
      const breaks = kazakhBreakPoints(part)
      return [...part]
        .map((letter, index) => (breaks.includes(index) ? `-${letter}` : letter))
        .join('')
    })
    .join('-')

describe('Kazakh hyphenation', () => {
  it('breaks before a single consonant between vowels (V-CV)', () => {
    expect(show('балалар')).toBe('ба-ла-лар')
    expect(show('халықаралық')).toBe('ха-лы-қа-ра-лық')
  })

  it('breaks between two consonants (C-C)', () => {
    expect(show('алма')).toBe('ал-ма')
    expect(show('көшбасшылығына')).toBe('көш-бас-шы-лы-ғы-на')
  })

  it('never breaks a cluster at the start of a word', () => {
    expect(show('глобализация')).toBe('гло-ба-ли-за-ция')
    expect(show('стратегиялық')).toBe('стра-те-гия-лық')
  })

  it('breaks three consonants before the last (ут-т, ут-с)', () => {
    expect(show('жұрттың')).toBe('жұрт-тың')
    expect(show('айтты')).toBe('айт-ты')
    expect(show('бұйртсыз')).toBe('бұйрт-сыз')
  })

  it('keeps a stop and a liquid together in loanwords', () => {
    expect(show('демократия')).toBe('де-мо-кра-тия')
  })

  it('leaves at least two letters on each side', () => {
    expect(show('экономикалық')).toBe('эко-но-ми-ка-лық')
    expect(show('ата')).toBe('ата')
    expect(kazakhBreakPoints('әлемі')).toEqual([3])
    for (const word of ['ауылдағы', 'ойын', 'иесі', 'оқу', 'әлемдік']) {
      for (const at of kazakhBreakPoints(word)) {
        expect(at).toBeGreaterThanOrEqual(2)
        expect([...word].length - at).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('uses the exceptions list, also for inflected forms', () => {
    expect(show('Қазақстан')).toBe('Қа-зақ-стан')
    expect(show('Қазақстанның')).toBe('Қа-зақ-стан-ның')
  })

  it('leaves abbreviations, other scripts and digits alone and splits compounds', () => {
    expect(show('АҚШ-тың')).toBe('АҚШ-тың')
    expect(show('жеке-дара')).toBe('же-ке-да-ра')
    expect(hyphenateKazakh('globalisation 1992 ҚХР', '-')).toBe('globalisation 1992 ҚХР')
  })

  it('breaks for typesetting only words of six letters or more, three letters on each side', () => {
    expect(hyphenateKazakhWord('алма', '-')).toBe('алма')
    expect(hyphenateKazakhWord('айтты', '-')).toBe('айтты')
    expect(hyphenateKazakhWord('балалар', '-')).toBe('бала-лар')
    expect(hyphenateKazakhWord('экономикалық', '-')).toBe('эко-но-ми-ка-лық')
    expect(hyphenateKazakhWord('даму', '-')).toBe('даму')
  })

  it('does not break a name: a capitalised word that does not open a sentence', () => {
    expect(hyphenateKazakh('Біз Қазақстанның жағдайын', '-')).toBe('Біз Қазақстанның жағ-да-йын')
    expect(hyphenateKazakh('Қазақстанның жағдайы. Қазақстанның', '-')).toBe(
      'Қазақ-стан-ның жағ-дайы. Қазақ-стан-ның'
    )
    expect(hyphenateKazakh('Қазақстанның', '-', 'біз ')).toBe('Қазақстанның')
  })

  it('hyphenates running text with soft hyphens', () => {
    expect(hyphenateKazakh('Гармониялық әлем')).toBe('Гар\u00ADмо\u00ADния\u00ADлық әлем')
  })
})
