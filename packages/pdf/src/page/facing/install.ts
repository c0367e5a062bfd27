/**
 * The in-page functions of the facing-page layout, installed as
 * `globalThis.diglotFacing` by the page script (`page/index.ts`), through
 * which they call each other (so that a profile can wrap each of them).
 */
import {lineStarts, splitAt, stripSoftHyphens, textNodes} from './lines.js'
import {
  addNotes,
  callsIn,
  cutLastNote,
  newPage,
  noteSlack,
  notesHeight,
  placeUnit,
  removeNotes,
  room
} from './pages.js'
import {
  collectNotes,
  layoutBook,
  layoutOpenings,
  layoutRun,
  pairsOf,
  setOpenings,
  toRecto
} from './layout.js'
import {layoutSingle} from './single.js'
import {fitOpenings, forecastOpenings, measurePairs, pageWhites, rankSizes} from './balance.js'
import {
  hyphenEnds,
  keepOnlyUsedHyphens,
  limitHyphens,
  limitTextHyphens,
  stretchWithout,
  unhyphenateWord
} from './hyphen-limits.js'
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
interface FacingState {
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

/** Install the functions and an empty state in the page; returns them. */
export function installFacing(): FacingGlobal['diglotFacing'] {
  const facing: FacingGlobal['diglotFacing'] = {
    notes: new Map(),
    placedNotes: new Set(),
    expectedUnits: [],
    expectedNotes: new Map(),
    ...functions
  }
  ;(globalThis as unknown as FacingGlobal).diglotFacing = facing
  return facing
}
