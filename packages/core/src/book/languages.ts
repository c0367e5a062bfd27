/**
 * Language names, markup tags and the one rule for the apparatus language.
 */
import type {LanguageTag, Work} from '../types.js'
import {hasLabels, type Labels} from './labels.js'

/** The key of romanised Chinese forms in the glossary; not a BCP 47 tag. */
export const PINYIN = 'pinyin'

/** The BCP 47 tag to put in markup for a language key (`pinyin` → `zh-Latn-pinyin`). */
export function markupLang(key: string): LanguageTag {
  return key === PINYIN ? 'zh-Latn-pinyin' : key
}

const pinyinNames: Readonly<Record<string, string>> = {en: 'Pinyin', kk: 'Пиньинь'}

/**
 * The name of a language in the apparatus language, from the platform's CLDR
 * data (`Intl.DisplayNames`), by its primary subtag (`zh-Hans` is “Chinese”).
 */
export function languageName(key: string, inLang: LanguageTag): string {
  const memo = `${key} ${inLang}`
  let name = knownNames.get(memo)
  if (name === undefined) {
    name = nameOf(key, inLang)
    knownNames.set(memo, name)
  }
  return name
}

/** Names already asked for (an `Intl.DisplayNames` is slow to make, and pages ask thousands of times). */
const knownNames = new Map<string, string>()

function nameOf(key: string, inLang: LanguageTag): string {
  const base = inLang.split('-')[0] ?? inLang
  if (key === PINYIN) return pinyinNames[base] ?? pinyinNames['en'] ?? key
  const primary = key.split('-')[0] ?? key
  try {
    const name =
      new Intl.DisplayNames([inLang, 'en'], {type: 'language', fallback: 'code'}).of(primary) ?? key
    return base === 'en' ? name : name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1)
  } catch {
    return key
  }
}

/**
 * The language the apparatus of a work is printed in: its translation's, else
 * its original's, when there are labels for it; else English.
 */
export function apparatusLanguage(
  work: Work,
  extraLabels: Readonly<Record<string, Labels>> = {}
): LanguageTag {
  const candidates = [work.meta.languages.translation, work.meta.languages.original].filter(
    (lang): lang is LanguageTag => Boolean(lang)
  )
  return candidates.find((lang) => hasLabels(lang, extraLabels)) ?? 'en'
}
