/**
 * Font faces: load those the text needs before the layout (the layout
 * measures with whatever face is loaded: a face loaded late would leave
 * pages laid out with a fallback font), and name the faces loaded after.
 */

/** The faces loaded when the layout began. */
let preloaded: FontFace[] = []
/** Settles when the faces the text needs are loaded (Paged.js waits for it: `paged/patches.ts`). */
let ready: Promise<unknown> = Promise.resolve([])

/** The promise Paged.js waits for before it lays out its first page. */
export function fontsReady(): Promise<unknown> {
  return ready
}

/** Remember the faces loaded now: any face loaded later is late. */
function rememberLoadedFaces(): void {
  const loaded: FontFace[] = []
  document.fonts.forEach((face) => {
    if (face.status === 'loaded') loaded.push(face)
  })
  preloaded = loaded
}

/** Faces loaded since `rememberLoadedFaces`, which the layout may have measured text without. */
export function lateFaces(): string[] {
  const known = new Set(preloaded)
  const late: string[] = []
  document.fonts.forEach((face) => {
    if ((face.status === 'loaded' || face.status === 'loading') && !known.has(face))
      late.push(`${face.family} ${face.style} ${face.weight} ${face.unicodeRange}`)
  })
  return late
}

/**
 * Start loading the faces `content` needs. Every style and weight of each
 * family, for the characters it may set: `load` fetches only the faces whose
 * `unicode-range` meets them. The first family of the page sets the whole
 * text; the others what it has no glyph for and the CJK runs (print.css sets
 * those in Noto Serif SC). Bold and italic faces only for the text that the
 * style sheets (or the browser's defaults) set bold or italic, with all it
 * holds. After a face was loaded late (`allFaces`), every face is loaded.
 */
export function preloadFaces(content: DocumentFragment | Element, allFaces: boolean): void {
  const faces: FontFace[] = []
  document.fonts.forEach((face) => {
    faces.push(face)
  })
  const unquote = (family: string): string => family.trim().replace(/^["']|["']$/g, '')
  const chars = (value: string): string[] =>
    [...new Set(value)].filter((char) => !/[\s\u00AD]/.test(char))
  const all = chars(content.textContent ?? '')
  const primary = unquote(getComputedStyle(document.documentElement).fontFamily.split(',')[0] ?? '')
  const ranges = faces
    .filter((face) => unquote(face.family) === primary)
    .flatMap((face) =>
      face.unicodeRange.split(',').map((range) => {
        const [start = '0', end = start] = range.trim().replace(/^U\+/i, '').split('-')
        return [
          Number.parseInt(start.replace(/\?/g, '0'), 16),
          Number.parseInt(end.replace(/\?/g, 'F'), 16)
        ] as const
      })
    )
  const uncovered = all.filter(
    (char) =>
      !ranges.some(
        ([start, end]) => (char.codePointAt(0) ?? 0) >= start && (char.codePointAt(0) ?? 0) <= end
      )
  )
  const cjk = [...content.querySelectorAll('[lang|="zh"], [lang|="ja"], [lang|="ko"]')]
    .map((element) => element.textContent ?? '')
    .join('')
  const families = [...new Set(faces.map((face) => unquote(face.family)))]
  const textOf = (family: string): string[] =>
    family === primary ? all : chars(uncovered.join('') + cjk)
  const load = (font: string, family: string, subset: string[]): Array<Promise<unknown>> =>
    subset.length > 0
      ? [
          document.fonts
            .load(`${font} 16px ${JSON.stringify(family)}`, subset.join(''))
            .catch(() => [])
        ]
      : []
  const loads: Array<Promise<unknown>> = allFaces
    ? faces.map((face) => face.load().catch(() => face))
    : families.flatMap((family) => load('normal 400', family, textOf(family)))
  if (!allFaces) {
    const styledText = (
      test: (style: CSSStyleDeclaration) => boolean,
      defaults: string
    ): Set<string> => {
      const selectors = [defaults]
      const empty = document.createDocumentFragment()
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (!(rule instanceof CSSStyleRule) || !test(rule.style)) continue
          try {
            empty.querySelector(rule.selectorText)
            selectors.push(rule.selectorText)
          } catch {
            // (A selector with a pseudo-element matches no element, and would fail the whole query.)
          }
        }
      }
      let text = ''
      for (const element of content.querySelectorAll(selectors.join(', ')))
        text += element.textContent ?? ''
      return new Set(chars(text))
    }
    const bold = styledText(
      (style) => /^(bold|bolder|[6-9]00)$/.test(style.fontWeight),
      'h1, h2, h3, h4, h5, h6, b, strong, th'
    )
    const italic = styledText(
      (style) => /^(italic|oblique)/.test(style.fontStyle),
      'i, em, cite, var, dfn, address'
    )
    for (const family of families) {
      const text = textOf(family)
      loads.push(
        ...load(
          'normal 700',
          family,
          text.filter((char) => bold.has(char))
        ),
        ...load(
          'italic 400',
          family,
          text.filter((char) => italic.has(char))
        ),
        ...load(
          'italic 700',
          family,
          text.filter((char) => bold.has(char) && italic.has(char))
        )
      )
    }
  }
  // Paged.js waits for this (its `loadFonts`) just before it lays out the first page: it reads
  // the style sheets and the content meanwhile.
  ready = Promise.all(loads).then(() => {
    preloaded = faces.filter((face) => face.status === 'loaded')
  })
}

/**
 * Before a facing-page layout: every face the text needs, and the text the
 * layout writes too (a probe of the running heads and folios), loaded from
 * the text alone (`preloadFaces`): the source is not laid out (`deferLayout`
 * in `node/facing.ts` keeps it out of the first layout), so nothing waits for
 * a layout of the whole book that the pages would not use. All faces after a
 * late one.
 */
export async function preloadFacingFaces(allFaces: boolean, heads: string[]): Promise<void> {
  const probe = document.createElement('div')
  probe.className = 'font-probe'
  for (const head of [...heads, '0123456789 – -', 'ivxlcdm']) {
    for (const name of ['running-head', 'folio']) {
      const line = document.createElement('div')
      line.className = name
      line.textContent = head
      probe.append(line)
    }
  }
  document.body.append(probe)
  preloadFaces(document.body, allFaces)
  await ready
  rememberLoadedFaces()
  probe.remove()
}
