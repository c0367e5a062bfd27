import {describe, expect, it} from 'vitest'
import {forecastOpenings, rankSizes, type PairMeasure} from '../src/page/facing/balance.js'

// A page of 36 lines of 17 px; a heading keeps two lines below it.
const geometry = {area: 612, line: 17, keep: 36}
const pair = (verso: number, recto: number, notes: Partial<PairMeasure> = {}): PairMeasure => ({
  verso: verso * 17,
  recto: recto * 17,
  versoNotes: 0,
  rectoNotes: 0,
  heading: false,
  fresh: false,
  ...notes
})

describe('forecast of the openings', () => {
  it('leaves white at the foot of the shorter side when the longer one fills its page', () => {
    // 30 lines against 36: the next pair starts on the next opening, 6 lines white on the verso.
    const forecast = forecastOpenings([pair(30, 36), pair(10, 10)], {verso: 1, recto: 1}, geometry)
    expect(forecast.versos[0]).toBeCloseTo(6 / 36, 2)
    expect(forecast.rectos[0]).toBeCloseTo(0, 2)
    // The last page of each side is a section end, not counted.
    expect(forecast.whites).toHaveLength(2)
  })

  it('starts the next pair on the same opening when both sides have room for two lines', () => {
    const forecast = forecastOpenings(
      [pair(20, 25), pair(20, 20), pair(5, 5)],
      {verso: 1, recto: 1},
      geometry
    )
    // Pair two starts on the first opening on both sides and runs on: no white but the last line's.
    expect(forecast.worst).toBeLessThan(0.05)
  })

  it('counts the notes of a side, which keep their size', () => {
    const plain = forecastOpenings([pair(30, 30), pair(10, 10)], {verso: 1, recto: 1}, geometry)
    const noted = forecastOpenings(
      [pair(30, 30, {rectoNotes: 6 * 17}), pair(10, 10)],
      {verso: 1, recto: 1},
      geometry
    )
    expect(plain.worst).toBeLessThan(0.05)
    expect(noted.versos[0]).toBeCloseTo(6 / 36, 2)
  })

  it('does not count the page before a fresh section', () => {
    const forecast = forecastOpenings(
      [pair(10, 12), pair(10, 10, {fresh: true}), pair(3, 3)],
      {verso: 1, recto: 1},
      geometry
    )
    expect(forecast.versos[0]).toBeNaN()
    expect(forecast.whites.every((white) => white < 0.05)).toBe(true)
  })
})

describe('sizes of the two sides', () => {
  it('sets a side that runs longer smaller and the other larger, within 4 %', () => {
    // The original runs 10 % longer than its translation, pair after pair.
    const pairs = Array.from({length: 12}, () => pair(33, 30))
    const [best] = rankSizes(pairs, geometry)
    expect(best!.verso).toBeLessThan(best!.recto)
    expect(best!.verso).toBeGreaterThanOrEqual(0.96)
    expect(best!.recto).toBeLessThanOrEqual(1.04)
    expect(best!.forecast.worst).toBeLessThan(
      forecastOpenings(pairs, {verso: 1, recto: 1}, geometry).worst
    )
  })

  it('keeps the text size when both sides are as long', () => {
    const pairs = Array.from({length: 12}, () => pair(30, 30))
    const [best] = rankSizes(pairs, geometry)
    expect(best).toMatchObject({verso: 1, recto: 1})
  })
})
