/**
 * One golden fixture per target for the shared sample work:
 * test/fixtures/golden/sample.<target>.html. `UPDATE_FIXTURES=1` rewrites them.
 * Web: the whole page of the edition; epub and print: the shared hast
 * (plus, for epub, the notes as placed at the end of a chapter).
 * Lines are broken before block tags so that the files can be reviewed.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {glossaryOf, type Note} from '@diglot/core'
import type {Root as HastRoot} from 'hast'
import {notesById, noteToHast, serialize, toHast, workPage, type Target} from '../src/index.js'
import {fixturesDir, html, sample} from './helpers.js'
import {epubHandlers, epubNotes} from '../../epub/src/content/handlers.js'

const goldenDir = path.join(fixturesDir, 'golden')

function lines(text: string): string {
  return `${text
    .replace(/></g, '>\n<')
    .replace(/\n<\/(a|span|sup|em|strong|code|cite|time)>/g, '</$1>')
    .trimEnd()}\n`
}

async function render(target: Target): Promise<string> {
  const {tree, work} = await sample()
  if (target === 'web') return serialize(workPage(work, glossaryOf(tree)))
  // (EPUB with its own handlers and note options, as the EPUB edition converts.)
  const options = target === 'epub' ? {target, handlers: epubHandlers, notes: epubNotes} : {target}
  const hast: HastRoot = toHast(work, options)
  if (target === 'epub') {
    const notes: Note[] = [...notesById(work).values()]
    hast.children.push(...notes.map((note) => noteToHast(note, options, work)))
  }
  return html(hast)
}

describe('golden output of the sample work', () => {
  for (const target of ['web', 'epub', 'print'] as const) {
    it(`${target}`, async () => {
      const file = path.join(goldenDir, `sample.${target}.html`)
      const actual = lines(await render(target))
      if (process.env['UPDATE_FIXTURES'] || !existsSync(file)) {
        mkdirSync(goldenDir, {recursive: true})
        writeFileSync(file, actual)
      }
      expect(actual).toBe(readFileSync(file, 'utf8'))
    })
  }
})
