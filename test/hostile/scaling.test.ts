/**
 * Notes and headings scale linearly: 10,000 notes took 8.4 s and 50,000 timed
 * out when `notes.ts` rebuilt its list of notes for every note. The machine
 * running the tests may be busy, so what is checked is the growth: four times
 * the notes must take well under sixteen times as long (what quadratic code
 * would take), and 10,000 notes must check within a generous bound.
 */
import {describe, expect, it} from 'vitest'
import {parseWork} from '../../packages/core/src/index.js'

const meta =
  'id: w\nlanguages: {original: en}\ntitle: {en: T}\nlicence: CC0-1.0\nsource: {description: Scaling.}\n'

function work(notes: number): string {
  const parts: string[] = []
  for (let index = 1; index <= notes; index++)
    parts.push(
      `${index % 50 === 1 ? `## Section ${index}\n\n` : ''}Paragraph ${index}.[^${index}]\n\n`
    )
  // Every tenth note calls the next one from inside itself (notes called from notes).
  for (let index = 1; index <= notes; index++)
    parts.push(
      `[^${index}]: Note ${index}.${index % 10 === 0 && index < notes ? `[^n${index}]` : ''}\n\n${index % 10 === 0 && index < notes ? `[^n${index}]: Inner note ${index}.\n\n` : ''}`
    )
  return parts.join('')
}

function timed(notes: number): number {
  const text = work(notes)
  const started = performance.now()
  const {messages} = parseWork({meta, files: {en: text}, path: 'w'})
  const elapsed = performance.now() - started
  expect(messages.map((message) => message.reason)).toEqual([])
  return elapsed
}

describe('scaling', () => {
  it('10,000 notes (with headings and notes called from notes) take linear time', () => {
    timed(500) // warm up the parser
    const small = Math.min(timed(2500), timed(2500))
    const large = timed(10_000)
    expect(
      large / small,
      `2,500 notes: ${small.toFixed(0)} ms; 10,000 notes: ${large.toFixed(0)} ms`
    ).toBeLessThan(10)
    expect(large).toBeLessThan(60_000)
  })
})
