/**
 * The in-page functions of the facing-page layout, sent to Chromium as
 * source and installed as `globalThis.diglotFacing`, through which they
 * call each other (a function sent as its source keeps no module imports).
 */
import {lineStarts, splitAt, stripSoftHyphens, textNodes} from './lines.js'
import {addNotes, callsIn, cutLastNote, newPage, noteSlack, notesHeight, placeUnit, removeNotes, room} from './pages.js'
import {collectNotes, layoutBook, layoutOpenings, layoutRun, pairsOf, setOpenings, toRecto} from './layout.js'
import {layoutSingle} from './single.js'
import {fitOpenings, forecastOpenings, measurePairs, pageWhites, rankSizes} from './balance.js'
import {hyphenEnds, keepOnlyUsedHyphens, limitHyphens, limitTextHyphens, stretchWithout, unhyphenateWord} from './hyphen-limits.js'
import {fillIndex, finishFacing, squashText} from './finish.js'

const functions = {
  hyphenEnds,
  keepOnlyUsedHyphens,
  limitHyphens,
  limitTextHyphens,
  stretchWithout,
  unhyphenateWord,
  lineStarts,
  splitAt,
  stripSoftHyphens,
  textNodes,
  addNotes,
  callsIn,
  cutLastNote,
  newPage,
  notesHeight,
  noteSlack,
  placeUnit,
  room,
  removeNotes,
  collectNotes,
  fitOpenings,
  forecastOpenings,
  measurePairs,
  pageWhites,
  rankSizes,
  layoutBook,
  layoutOpenings,
  setOpenings,
  layoutRun,
  layoutSingle,
  pairsOf,
  toRecto,
  finishFacing,
  fillIndex,
  squashText
}

/** What the page holds while it is laid out. */
export interface FacingState {
  /** Notes by id, taken out of the text. */
  notes: Map<string, HTMLElement>
  /** Ids of the notes set on a page. */
  placedNotes: Set<string>
  /** Text of each unit (by `data-unit`) and note (by id) before layout, for the lost-text check. */
  expectedUnits: string[]
  expectedNotes: Map<string, string>
}

/** `globalThis.diglotFacing` in the page. */
export interface FacingGlobal {
  diglotFacing: typeof functions & FacingState
}

/** The script that installs the functions in the page. */
export function facingScript(): string {
  const members = Object.entries(functions).map(([name, fn]) => `${JSON.stringify(name)}: ${fn.toString()}`)
  return `globalThis.diglotFacing = {notes: new Map(), placedNotes: new Set(), expectedUnits: [], expectedNotes: new Map(),\n${members.join(',\n')}\n};`
}
