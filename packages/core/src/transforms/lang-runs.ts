/**
 * Detect runs of text in another script and wrap them in `langRun` nodes:
 * Han → zh-Hans anywhere but in Chinese; Cyrillic inside a Latin-script
 * language; Latin inside a Cyrillic-script language. Explicit runs are kept.
 */
import type {Parent, PhrasingContent, RootContent, Text} from 'mdast'
import type {LangRun, LanguageTag} from '../types.js'

/** Which tag to give a run of each script, in a given work. */
export interface ScriptLanguages {
  cyrillic: LanguageTag
  latin: LanguageTag
  han: LanguageTag
}

const han = String.raw`\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20·]*\p{Script=Han})?`
const cyrillicWord = String.raw`\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{M}]*`
const latinWord = String.raw`\p{Script=Latin}[\p{Script=Latin}\p{M}]*`
const joiner = String.raw`[\s\-‐'’]+`

const patterns = {
  han: new RegExp(han, 'gu'),
  cyrillic: new RegExp(`${cyrillicWord}(?:${joiner}${cyrillicWord})*`, 'gu'),
  latin: new RegExp(`${latinWord}(?:${joiner}${latinWord})*`, 'gu')
}
const letter = /[\p{L}\p{M}\p{N}]/u
const romanNumeral = /^[IVXLCDM]+$/

/** The script a language is written in, as far as run detection cares. */
export function scriptOf(lang: LanguageTag): 'han' | 'cyrillic' | 'latin' {
  const base = lang.split('-')[0] ?? lang
  if (base === 'zh' || base === 'ja') return 'han'
  if (['kk', 'ru', 'ky', 'uk', 'be', 'bg', 'sr', 'mk', 'mn', 'tt', 'ba', 'tg'].includes(base))
    return 'cyrillic'
  return 'latin'
}

/** Wrap foreign-script runs in the phrasing content under `parent` (in place). */
export function detectLangRuns(parent: Parent, lang: LanguageTag, scripts: ScriptLanguages): void {
  const own = scriptOf(lang)
  const foreign = (['han', 'cyrillic', 'latin'] as const).filter((script) => script !== own)
  visit(parent)

  function visit(node: Parent): void {
    const next: RootContent[] = []
    for (const child of node.children as RootContent[]) {
      if (child.type === 'langRun' || child.type === 'inlineCode' || child.type === 'code') {
        next.push(child)
        continue
      }
      if (child.type === 'text') next.push(...split(child))
      else {
        if ('children' in child) visit(child as Parent)
        next.push(child)
      }
    }
    node.children = next as Parent['children']
  }

  function split(node: Text): PhrasingContent[] {
    const runs: Array<{start: number; end: number; lang: LanguageTag}> = []
    for (const script of foreign) {
      const pattern = patterns[script]
      for (const match of node.value.matchAll(pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (script !== 'han') {
          // A run is whole words: not glued to letters of another script (ХVІ), not a roman numeral.
          const before = start > 0 ? node.value.slice(start - 1, start) : ''
          const after = node.value.slice(end, end + 1)
          if ((before && letter.test(before)) || (after && letter.test(after))) continue
          if (script === 'latin' && (romanNumeral.test(match[0]) || match[0].length < 2)) continue
        }
        runs.push({start, end, lang: scripts[script]})
      }
    }
    if (runs.length === 0) return [node]
    runs.sort((a, b) => a.start - b.start)
    const result: PhrasingContent[] = []
    let index = 0
    for (const run of runs) {
      if (run.start < index) continue
      if (run.start > index) result.push({type: 'text', value: node.value.slice(index, run.start)})
      const langRun: LangRun = {
        type: 'langRun',
        lang: run.lang,
        explicit: false,
        children: [{type: 'text', value: node.value.slice(run.start, run.end)}]
      }
      result.push(langRun)
      index = run.end
    }
    if (index < node.value.length) result.push({type: 'text', value: node.value.slice(index)})
    return result
  }
}
