/**
 * The print document of one work: front matter (half-title, title page,
 * imprint, contents), the text from the shared hast (`target: 'print'`),
 * and back matter (glossary, index of names), as one HTML page for Paged.js.
 * Page numbers are placeholders here; the page script (`page/finish/`) fills them in after layout.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {
  frontMatterOf,
  headingsOf,
  labelsFor,
  languageName,
  type Root,
  type Work
} from '@diglot/core'
import {imprintEntries, toHast} from '@diglot/html'
import {backMatter} from './back-matter.js'
import {splitLongPairs} from './columns.js'
import {printHandlers} from './handlers.js'
import {hyphenateHast} from './hyphenate.js'
import {prepareText, textOf} from './text.js'
import {pick, shortTitle} from './titles.js'

/** What the page needs besides its HTML. */
export interface PrintDocument {
  /** Title in the reading order of the work's languages, for metadata. */
  title: string
  author: string
  subject: string
  keywords: string[]
  /** `lang` of the document. */
  lang: string
  bilingual: boolean
  /** How the text is set: original and translation on facing pages, in two columns, or one language in one column. */
  layout: 'facing' | 'columns' | 'single'
  /** Running head of versos (the original's title). */
  versoHead: string
  /** Running head of rectos in the facing layout (the translation's title). */
  rectoHead: string
  /** Trim width and height (CSS lengths). */
  trim: [string, string]
  /** `@page` size. */
  pageSize: string
  /** Body HTML (inside `<body>`). */
  body: string
  /** Every text of the document, for the glyph check. */
  text: string
}

/** Build the print document of a work. */
export function printDocument(tree: Root, work: Work): PrintDocument {
  const languages = work.languages
  const original = languages[0] ?? 'und'
  const translation = languages[1]
  const bilingual = translation !== undefined
  const layout = !bilingual ? 'single' : (work.meta.print.layout ?? 'facing')
  const apparatus = translation ?? original
  const meta = work.meta
  const titleOriginal = pick(meta.title, [original])
  const titleTranslation = translation ? pick(meta.title, [translation]) : ''
  const subtitle = meta.subtitle ? pick(meta.subtitle, [apparatus, original]) : ''
  // Names, contributor lines and the date as the book model words them (“Translated into
  // English by the editors of this edition”, “December 2013”).
  const front = frontMatterOf(work, apparatus, labelsFor(apparatus))
  const authors = front.contributors
    .filter((line) => line.role === 'author')
    .flatMap((line) => line.names.map((name) => name.text))
  const date = front.date?.text

  // ---------------------------------------------------------------- text
  const print = printHandlers(work)
  const text = toHast(work, {
    target: 'print',
    glossaryHref: (identifier) => `#glossary-${identifier}`,
    handlers: print.handlers
  })
  prepareText(text, print.pageMarkers)
  if (layout === 'columns') splitLongPairs(text)
  hyphenateHast(text, original)

  // ---------------------------------------------------------------- front matter
  const lang = (value: string): Record<string, string> => ({lang: value})
  const halfTitle = h('section', {className: ['cover', 'half-title'], dataMatter: 'cover'}, [
    h('p', {className: ['title'], ...lang(original)}, titleOriginal),
    ...(titleTranslation
      ? [
          h(
            'p',
            {className: ['title', 'other-title'], ...lang(translation ?? 'en')},
            titleTranslation
          )
        ]
      : [])
  ])
  const people: ElementContent[] = []
  if (authors.length > 0) people.push(h('p', authors.join(', ')))
  else if (meta.authorNote)
    people.push(
      h('p', {className: ['author-note'], lang: 'en'}, h('i', 'Author not named in the source'))
    )
  for (const contributors of front.contributors) {
    if (contributors.role === 'translator')
      people.push(h('p', {lang: apparatus}, contributors.text))
  }
  const titlePage = h('section', {className: ['cover', 'title-page'], dataMatter: 'cover'}, [
    ...(meta.series ? [h('p', {className: ['series']}, meta.series)] : []),
    h('p', {className: ['title'], ...lang(original)}, titleOriginal),
    ...(subtitle ? [h('p', {className: ['subtitle'], ...lang(apparatus)}, subtitle)] : []),
    ...(titleTranslation
      ? [h('p', {className: ['other-title'], ...lang(translation ?? 'en')}, titleTranslation)]
      : []),
    h('div', {className: ['people']}, people),
    h('p', {className: ['publisher']}, [
      meta.publisher ?? 'Diglot',
      ...(date ? [` · ${date}`] : [])
    ])
  ])
  const imprintLines: ElementContent[] = []
  const line = (content: string, langTag = 'en'): void => {
    if (content) imprintLines.push(h('p', {lang: langTag}, content))
  }
  line([titleOriginal, titleTranslation].filter(Boolean).join(' / '), original)
  // The imprint as the book model has it, rendered as every edition renders it (`imprintEntries`).
  const labels = labelsFor(apparatus)
  for (const entry of imprintEntries(front, labels, {
    lang: apparatus,
    sourceHash: meta.source.sha256
  })) {
    imprintLines.push(
      h(
        'p',
        {lang: apparatus},
        entry.sentence ?? [
          h('span', {className: ['imprint-label']}, `${entry.label}: `),
          ...entry.value
        ]
      )
    )
  }
  const arrangement =
    layout === 'facing' ? ' original on the left-hand pages, ' : ' original on the left, '
  const engine =
    layout === 'columns'
      ? 'typeset with Diglot, Paged.js and Chromium'
      : 'typeset with Diglot and Chromium'
  line(
    `${meta.publisher ?? 'Diglot'}${date ? `, ${date}` : ''}. Set in Noto Serif and Noto Serif SC; ${bilingual ? `${languageName(original, 'en')}${arrangement}${languageName(translation ?? '', 'en')} translation ${layout === 'facing' ? 'facing it' : 'on the right'}; ` : ''}${engine}.`
  )
  const imprint = h('section', {className: ['cover', 'imprint'], dataMatter: 'cover'}, imprintLines)

  const headings = headingsOf(work).filter((heading) => heading.depth <= 3)
  const tocItems = headings.map((heading) => {
    const main = heading.text[apparatus] ?? heading.text[original] ?? ''
    const other = bilingual ? heading.text[original] : undefined
    return h('li', {className: [`toc-d${heading.depth}`]}, [
      h('a', {href: `#${heading.id}`}, [
        h('span', {className: ['toc-text']}, [
          h('span', {className: ['toc-block'], lang: apparatus}, main),
          ...(other && other !== main
            ? [h('span', {className: ['toc-other'], lang: original}, other)]
            : [])
        ]),
        h('span', {className: ['toc-leader'], ariaHidden: 'true'}),
        h('span', {className: ['toc-page'], dataTarget: heading.id}, '000')
      ])
    ])
  })
  const toc = h(
    'nav',
    {className: ['toc'], dataMatter: 'front', role: 'doc-toc', ariaLabel: 'Contents'},
    [h('h2', 'Contents'), h('ol', tocItems)]
  )

  // ---------------------------------------------------------------- back matter
  const back = backMatter(tree, work, apparatus)
  const tocBack = back.map((section) =>
    h('li', {className: ['toc-d1']}, [
      h('a', {href: `#${String(section.properties['id'])}`}, [
        h(
          'span',
          {className: ['toc-text']},
          h('span', {className: ['toc-block']}, sectionTitle(section))
        ),
        h('span', {className: ['toc-leader'], ariaHidden: 'true'}),
        h('span', {className: ['toc-page'], dataTarget: String(section.properties['id'])}, '000')
      ])
    ])
  )
  ;(toc.children[1] as Element).children.push(...tocBack)

  const main = h(
    'main',
    {className: ['text'], dataMatter: 'body'},
    text.children as ElementContent[]
  )
  const body: HastRoot = {
    type: 'root',
    children: [halfTitle, titlePage, imprint, toc, main, ...back]
  }
  const title = [titleOriginal, titleTranslation].filter(Boolean).join(' / ')
  return {
    title,
    author: authors.join(', '),
    subject: subtitle,
    keywords: [meta.id, ...languages],
    lang: original,
    bilingual,
    layout,
    versoHead: meta.shortTitle?.[original] ?? shortTitle(titleOriginal),
    rectoHead:
      (translation ? meta.shortTitle?.[translation] : undefined) ??
      shortTitle(titleTranslation || titleOriginal),
    pageSize: meta.print.trim === '6x9in' ? '6in 9in' : 'A5',
    trim: meta.print.trim === '6x9in' ? ['6in', '9in'] : ['148mm', '210mm'],
    body: toHtml(body),
    text: textOf(body)
  }
}

function sectionTitle(section: Element): string {
  const heading = section.children.find(
    (child): child is Element => child.type === 'element' && /^h[12]$/.test(child.tagName)
  )
  return heading ? textOf(heading) : ''
}
