/** The list of the works. */
import {h} from 'hastscript'
import type {Root as HastRoot} from 'hast'
import type {Work} from '@diglot/core'
import {type Content, uiLang, languageName, pick, shell} from './common.js'

/** The list of the works. */
export function indexPage(works: readonly Work[]): HastRoot {
  const items = works.map((work) => {
    const langs = work.languages
    const title = h(
      'a',
      {href: `${work.id}/index.html`},
      langs
        .filter((lang) => work.meta.title[lang])
        .flatMap((lang, index) => [
          ...(index > 0 ? [h('br')] : []),
          h('span', {lang}, work.meta.title[lang] ?? '')
        ])
    )
    const details: Content[] = []
    const authors = work.meta.authors
      .map((person) => pick(person.name, [uiLang])?.text ?? '')
      .filter(Boolean)
    if (authors.length > 0) details.push(authors.join(', '))
    else if (work.meta.authorNote) details.push('Author not named')
    if (work.meta.date) details.push(work.meta.date)
    details.push(langs.map(languageName).join(' and '))
    if (work.meta.translation?.madeForThisEdition) details.push('translation made for this edition')
    return h('li', [
      h('h2', {className: ['work-link']}, [title]),
      h('p', {className: ['work-details']}, details.join(' · '))
    ])
  })
  return shell({
    title: 'Diglot editions',
    description: `Bilingual scholarly editions: ${works.map((work) => pick(work.meta.title, [uiLang])?.text ?? work.id).join('; ')}. Annotated HTML, EPUB and PDF.`,
    base: '',
    bodyClass: ['index-page'],
    current: 'index',
    main: [h('h1', 'Diglot editions'), h('ul', {className: ['works']}, items)]
  })
}
