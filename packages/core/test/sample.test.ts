/**
 * The shared sample (test/fixtures/content/sample) is the test work of every
 * package: it must stay valid and use every node type.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatMessage, type Note} from '../src/index.js'
import {readContent} from '../src/fs.js'
import {all, fixturesDir, typesIn} from './helpers.js'

describe('the shared sample', async () => {
  const {tree, messages} = await readContent(path.join(fixturesDir, 'content'), {
    cwd: path.join(fixturesDir, 'content')
  })

  it('is valid: no errors, no warnings', () => {
    expect(messages.map(formatMessage)).toEqual([])
  })

  it('uses every Diglot node type and every alignable block type', () => {
    const types = typesIn(tree)
    const expected = [
      'root',
      'work',
      'section',
      'alignment',
      'segment',
      'noteList',
      'note',
      'noteReference',
      'glossaryReference',
      'langRun',
      'pageMarker',
      'inlineGap',
      'sic',
      'editorialInsertion',
      'gap',
      'editorial',
      'glossary',
      'glossaryEntry',
      'heading',
      'paragraph',
      'blockquote',
      'list',
      'table',
      'thematicBreak'
    ]
    expect(expected.filter((type) => !types.has(type))).toEqual([])
  })

  it('has notes of every kind, and twins', () => {
    const notes = all<Note>(tree, 'note')
    expect(new Set(notes.map((note) => note.kind))).toEqual(
      new Set(['author', 'translator', 'editor'])
    )
    expect(notes.some((note) => note.twin !== undefined)).toBe(true)
  })
})
