/**
 * Copyfitting of the two languages of a facing-page book: the sizes at
 * which the original (versos) and the translation (rectos) are set, chosen
 * so that the white the synchronisation of the pairs leaves at the foot of
 * the shorter side stays small on every page.
 *
 * Every pair starts on the same opening on both sides, so whatever one
 * side runs longer than the other since the last time both started a page
 * together is white at the foot of the other's page. Equal totals are not
 * enough: the article's translation carries five translator's notes its
 * original does not have, and one language runs ahead of the other for
 * pages before it falls back. So the layout measures each pair's side and
 * notes once, forecasts the openings for each candidate pair of sizes (a
 * text's height goes with the square of its size; notes keep theirs; a
 * page holds whole lines), ranks the sizes by the white of the worst page,
 * then on average, then by how close they stay to the text size, sets the
 * book in the best, and measures the pages it got: when one is whiter than
 * forecast, the next two candidates are tried and the best set kept.
 * `forecastOpenings` and `rankSizes` are pure (unit-tested in Node); the
 * others run in the page, installed in `globalThis.diglotFacing`.
 */
import type {FacingGlobal} from './install.js'
import type {Openings, Pair} from './layout.js'
import type {PageBox} from './pages.js'

/** One pair as the copyfitting sees it: heights in px at the text size (size 1). */
export interface PairMeasure {
  /** Height of the original's side of the pair (scales with the verso size squared). */
  verso: number
  recto: number
  /** Height of the notes called from each side (set at their own size: do not scale). */
  versoNotes: number
  rectoNotes: number
  heading: boolean
  /** Starts a new opening (a top-level section after the first). */
  fresh: boolean
}

/** The page as the forecast sees it (px). */
export interface PageGeometry {
  /** Height of the text area. */
  area: number
  /** A body line at the text size. */
  line: number
  /** Room a heading keeps below it (two lines of what follows). */
  keep: number
}

/** Sizes of the two sides, as factors of the text size. */
export interface SideSizes {
  verso: number
  recto: number
}

/** What a forecast says of the pages of the text. */
export interface Forecast {
  /** White share of each verso and recto of the text, by opening (NaN: a section end). */
  versos: number[]
  rectos: number[]
  /** White share of each page left before a section end (0–1), both sides. */
  whites: number[]
  /** The largest of them (0 when none). */
  worst: number
  /** Their mean (0 when none). */
  mean: number
}

/**
 * Forecast the white of the body pages when the pairs are set at `sizes`:
 * reledpar's synchronisation (a pair starts on the opening where the side
 * that has run further is; both sides go on to the next opening when one
 * has no room for two lines, or a heading and two lines), each side's text
 * and notes filling its pages. The last page of each side and the pages
 * before a fresh section are section ends and are not counted.
 */
export function forecastOpenings(
  pairs: readonly PairMeasure[],
  sizes: SideSizes,
  geometry: PageGeometry
): Forecast {
  const sides = [
    {
      page: 0,
      used: 0,
      scale: sizes.verso * sizes.verso,
      line: geometry.line * sizes.verso,
      whites: [] as number[]
    },
    {
      page: 0,
      used: 0,
      scale: sizes.recto * sizes.recto,
      line: geometry.line * sizes.recto,
      whites: [] as number[]
    }
  ]
  const leave = (side: (typeof sides)[number], sectionEnd: boolean): void => {
    side.whites[side.page] = sectionEnd
      ? Number.NaN
      : Math.max(0, geometry.area - side.used) / geometry.area
    side.page++
    side.used = 0
  }
  for (const pair of pairs) {
    const start = Math.max(...sides.map((side) => side.page))
    for (const side of sides) while (side.page < start) leave(side, false)
    if (pair.fresh && sides.some((side) => side.used > 0))
      for (const side of sides) leave(side, true)
    const parts = [
      {text: pair.verso * sides[0]!.scale, notes: pair.versoNotes},
      {text: pair.recto * sides[1]!.scale, notes: pair.rectoNotes}
    ]
    const fits = sides.every((side, index) => {
      const part = parts[index]!
      const need = pair.heading
        ? part.text + geometry.keep
        : Math.min(part.text + part.notes, 2 * side.line)
      return side.used === 0 || geometry.area - side.used >= need - 0.5
    })
    if (!fits) for (const side of sides) leave(side, false)
    sides.forEach((side, index) => {
      const part = parts[index]!
      side.used += part.text + part.notes
      // A full page holds whole lines: what is left below the last is less than a line.
      const full = Math.floor(geometry.area / side.line) * side.line
      while (side.used > full) {
        side.whites[side.page] = (geometry.area - full) / geometry.area
        side.used -= full
        side.page++
      }
    })
  }
  for (const side of sides) side.whites[side.page] = Number.NaN
  const whites = sides.flatMap((side) => side.whites.filter((white) => !Number.isNaN(white)))
  const worst = whites.length > 0 ? Math.max(...whites) : 0
  const mean = whites.length > 0 ? whites.reduce((sum, white) => sum + white, 0) / whites.length : 0
  return {versos: sides[0]!.whites, rectos: sides[1]!.whites, whites, worst, mean}
}

/**
 * The candidate sizes, best first: the least white forecast on the worst
 * page, in steps of 2 % (up to 10 % all count as good), then on average,
 * in steps of 1 % (up to 2 %), then the closest to the text size; each
 * side within ±4 % of the text size, in steps of 0.5 %.
 */
export function rankSizes(
  pairs: readonly PairMeasure[],
  geometry: PageGeometry
): Array<SideSizes & {forecast: Forecast}> {
  // (In the page the functions reach each other through `diglotFacing`; in Node, directly.)
  const forecastOf =
    (globalThis as unknown as Partial<FacingGlobal>).diglotFacing?.forecastOpenings ??
    forecastOpenings
  const steps = Array.from(
    {length: 17},
    (_, index) => Math.round((0.96 + index * 0.005) * 1000) / 1000
  )
  const ranked: Array<SideSizes & {forecast: Forecast; key: number[]}> = []
  for (const verso of steps) {
    for (const recto of steps) {
      const forecast = forecastOf(pairs, {verso, recto}, geometry)
      const key = [
        Math.ceil(Math.max(forecast.worst, 0.1) / 0.02 - 1e-9),
        Math.round(Math.max(forecast.mean, 0.02) / 0.01),
        Math.round((Math.abs(verso - 1) + Math.abs(recto - 1)) * 1000),
        Math.round(Math.abs(verso - recto) * 1000)
      ]
      ranked.push({verso, recto, forecast, key})
    }
  }
  const order = (a: number[], b: number[]): number => {
    const at = a.findIndex((value, index) => value !== b[index])
    return at < 0 ? 0 : (a[at] ?? 0) - (b[at] ?? 0)
  }
  return ranked
    .sort((a, b) => order(a.key, b.key))
    .map(({verso, recto, forecast}) => ({verso, recto, forecast}))
}

/** Measure each pair's sides and notes at the text size, on a probe page of the body (removed after). */
export function measurePairs(
  pairs: Pair[],
  keep: number
): {measures: PairMeasure[]; geometry: PageGeometry} {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const probe = F.newPage('body')
  // Heights from the tops of consecutive blocks (margins between them included).
  const heights = (blocks: HTMLElement[], container: HTMLElement): number[] => {
    const tops = blocks.map((block) => block.getBoundingClientRect().top)
    const end =
      container.getBoundingClientRect().bottom -
      Number.parseFloat(getComputedStyle(container).paddingBottom || '0')
    return tops.map((top, index) => (tops[index + 1] ?? end) - top)
  }
  const side = (kind: 'verso' | 'recto'): {text: number[]; notes: number[]} => {
    const units = pairs.map((pair) => pair[kind].cloneNode(true) as HTMLElement)
    probe.flow.replaceChildren(...units)
    const text = heights(units, probe.flow)
    probe.flow.replaceChildren()
    const groups = pairs.map((pair) =>
      F.callsIn(pair[kind])
        .map((call) => F.notes.get((call.getAttribute('href') ?? '').slice(1)))
        .filter((note): note is HTMLElement => note !== undefined)
        .map((note) => note.cloneNode(true) as HTMLElement)
    )
    const all = groups.flat()
    if (all.length === 0) return {text, notes: pairs.map(() => 0)}
    probe.notes.replaceChildren(...all)
    const each = heights(all, probe.notes)
    // The rule and the space above the notes, counted once for each pair that has notes.
    const frame = F.notesHeight(probe) - each.reduce((sum, height) => sum + height, 0)
    probe.notes.replaceChildren()
    let at = 0
    const notes = groups.map((group) => {
      const height = group.reduce((sum, _, index) => sum + (each[at + index] ?? 0), 0)
      at += group.length
      return group.length > 0 ? height + frame : 0
    })
    return {text, notes}
  }
  const verso = side('verso')
  const recto = side('recto')
  const line = Number.parseFloat(getComputedStyle(probe.flow).lineHeight) || 17
  const geometry = {area: probe.area.clientHeight, line, keep}
  probe.page.remove()
  const measures = pairs.map((pair, index) => ({
    verso: verso.text[index] ?? 0,
    recto: recto.text[index] ?? 0,
    versoNotes: verso.notes[index] ?? 0,
    rectoNotes: recto.notes[index] ?? 0,
    heading: pair.heading,
    fresh: pair.fresh
  }))
  return {measures, geometry}
}

/**
 * White share of each page of the text as set (room below the text and
 * notes), section ends and the blank pages after a side's last left out.
 */
export function pageWhites(set: Openings): number[] {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const whites: number[] = []
  for (const kind of ['verso', 'recto'] as const) {
    const boxes = set.openings.map((opening) => opening[kind])
    const blank = (box: PageBox): boolean =>
      box.flow.childElementCount === 0 && box.notes.childElementCount === 0
    while (boxes.length > 0 && blank(boxes[boxes.length - 1]!)) boxes.pop()
    for (const box of boxes)
      if (!set.sectionEnds.has(box))
        whites.push(blank(box) ? 1 : Math.max(0, F.room(box)) / box.area.clientHeight)
  }
  return whites
}

/**
 * Set the pairs on openings at the best sizes `rankSizes` finds; when the
 * page set has a page whiter than the forecast promised (over 12 %), try
 * the next two candidates too and keep the set with the least white on its
 * worst page. The sizes are the same on every page (`--verso-size`,
 * `--recto-size` on the root). The hyphen limits of issue 12
 * (`limitTextHyphens`) run before the forecast's measure and again before
 * each attempt, at its sizes.
 */
export function fitOpenings(pairs: Pair[], keep: number): void {
  const F = (globalThis as unknown as FacingGlobal).diglotFacing
  const book = document.querySelector<HTMLElement>('.book')
  if (!book) throw new Error('no .book')
  // The hyphen limits (issue 12) take out soft hyphens where the lines break at the sizes set:
  // each attempt starts again from the text as it came and limits it at its own sizes.
  const pristine = {
    pairs: pairs.map((pair) => ({
      verso: pair.verso.cloneNode(true) as HTMLElement,
      recto: pair.recto.cloneNode(true) as HTMLElement
    })),
    notes: new Map([...F.notes].map(([id, note]) => [id, note.cloneNode(true) as HTMLElement]))
  }
  const restore = (): void => {
    pairs.forEach((pair, index) => {
      const copy = pristine.pairs[index]
      if (!copy) return
      pair.verso = copy.verso.cloneNode(true) as HTMLElement
      pair.recto = copy.recto.cloneNode(true) as HTMLElement
    })
    for (const [id, note] of pristine.notes) F.notes.set(id, note.cloneNode(true) as HTMLElement)
  }
  // (The forecast measures the text as it will be set, limited, at the text size: measured
  // before the limits, it misjudged the article ×4 by a page's 5 %. Each pass of the limits
  // takes about as long as a layout.)
  F.limitTextHyphens(pairs)
  const {measures, geometry} = F.measurePairs(pairs, keep)
  const candidates =
    measures.length > 0 ? F.rankSizes(measures, geometry).slice(0, 3) : [{verso: 1, recto: 1}]
  const root = document.documentElement.style
  const before = book.children.length
  const notesBefore = new Set(F.placedNotes)
  let best: {sizes: SideSizes; pages: Element[]; worst: number; notes: Set<string>} | undefined
  for (const sizes of candidates) {
    root.setProperty('--verso-size', String(sizes.verso))
    root.setProperty('--recto-size', String(sizes.recto))
    restore()
    F.limitTextHyphens(pairs)
    const whites = F.pageWhites(F.setOpenings(pairs, keep))
    const worst = Math.max(0, ...whites)
    // (Shown with DIGLOT_PDF_DEBUG.)
    console.debug(
      `facing sizes ${sizes.verso}/${sizes.recto}: worst page ${Math.round(worst * 100)} % white`
    )
    const pages = [...book.children].slice(before)
    if (!best || worst < best.worst) best = {sizes, pages, worst, notes: new Set(F.placedNotes)}
    if (worst <= 0.12 || sizes === candidates[candidates.length - 1]) break
    // (Taken out to try the next sizes; the best set goes back in at the end.)
    for (const page of pages) page.remove()
    F.placedNotes.clear()
    for (const id of notesBefore) F.placedNotes.add(id)
  }
  if (!best) return
  for (const page of [...book.children].slice(before)) if (!best.pages.includes(page)) page.remove()
  if (!book.contains(best.pages[0] ?? null)) book.append(...best.pages)
  root.setProperty('--verso-size', String(best.sizes.verso))
  root.setProperty('--recto-size', String(best.sizes.recto))
  F.placedNotes.clear()
  for (const id of best.notes) F.placedNotes.add(id)
}
