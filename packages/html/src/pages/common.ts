/** What every page of the web edition shares: the shell around it, the apparatus language, localized text. */
import {h} from 'hastscript'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {
  languageName as modelLanguageName,
  pick as modelPick,
  type LocalizedText
} from '@diglot/core'

export type Content = ElementContent | string

/** The language of the apparatus (labels, metadata headings). */
export const uiLang = 'en'

/** The name of a language in the apparatus language (the book model's, from CLDR). */
export function languageName(tag: string): string {
  return modelLanguageName(tag, uiLang)
}

/** Names of the languages the term popovers may show, by key. */
export const languageNames: Record<string, string> = Object.fromEntries(
  ['en', 'kk', 'zh-Hans', 'zh', 'ru', 'pinyin'].map((key) => [key, languageName(key)])
)

/** The text of `value` in the first of `langs` (then the apparatus language) that has one, with its language (the book model's `pick`). */
export function pick(
  value: LocalizedText | undefined,
  langs: readonly string[]
): {lang: string; text: string} | undefined {
  return modelPick(value, [...langs, uiLang])
}

/** `<span lang>` when the language differs from the page's. */
export function inLang(lang: string, text: string, className?: string): ElementContent {
  if (lang === uiLang && !className) return {type: 'text', value: text}
  return h(
    'span',
    {
      lang: lang === 'pinyin' ? 'zh-Latn-pinyin' : lang,
      ...(className ? {className: [className]} : {})
    },
    text
  )
}

/** Every language form of a localized text, original first. */
export function allForms(
  value: LocalizedText,
  orderIn: readonly string[],
  separator = ' / '
): Content[] {
  const order = [...new Set(orderIn)]
  const langs = [
    ...order.filter((lang) => value[lang]),
    ...Object.keys(value)
      .filter((lang) => !order.includes(lang))
      .sort()
  ]
  const result: Content[] = []
  for (const lang of langs) {
    if (result.length > 0) result.push({type: 'text', value: separator})
    result.push(inLang(lang, value[lang] ?? ''))
  }
  return result
}

export interface ShellOptions {
  title: string
  /** `../` from a work's folder, `` at the root. */
  base: string
  bodyClass: string[]
  current: 'index' | 'glossary' | 'work'
  main: Content[]
  headerExtra?: Content[]
  footer?: Content[]
  head?: Content[]
  /** `<meta name="description">`. */
  description: string
  /** Where the skip link goes (default `#main`). */
  skipTo?: string
}

/** The page around every page of the edition. */
export function shell(options: ShellOptions): HastRoot {
  const {base} = options
  const navLink = (href: string, text: string, current: boolean): Element =>
    h('a', {href, ...(current ? {ariaCurrent: 'page'} : {})}, text)
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: uiLang, className: ['no-js']}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'Diglot'}),
          h('title', options.title),
          h('meta', {name: 'description', content: options.description}),
          h('link', {rel: 'stylesheet', href: `${base}assets/fonts.css`}),
          h('link', {rel: 'stylesheet', href: `${base}assets/diglot.css`}),
          h('link', {rel: 'stylesheet', href: `${base}assets/print.css`, media: 'print'}),
          h('script', {src: `${base}assets/diglot.js`, defer: true}),
          ...(options.head ?? [])
        ]),
        h('body', {className: options.bodyClass}, [
          h(
            'a',
            {className: ['skip-link'], href: options.skipTo ?? '#main'},
            options.skipTo ? 'Skip to the text' : 'Skip to the content'
          ),
          h('header', {className: ['site-header']}, [
            h('nav', {className: ['site-nav'], ariaLabel: 'Edition'}, [
              navLink(`${base}index.html`, 'Diglot editions', options.current === 'index'),
              navLink(
                `${base}glossary/index.html`,
                'Glossary and index of names',
                options.current === 'glossary'
              )
            ]),
            ...(options.headerExtra ?? [])
          ]),
          h('main', {id: 'main', tabIndex: -1}, options.main),
          h('footer', {className: ['site-footer']}, options.footer ?? [h('p', 'A Diglot edition.')])
        ])
      ])
    ]
  }
}
