import {describe, expect, it} from 'vitest'
import {alignments, parse, textOf} from './helpers.js'
import {all} from './helpers.js'
import type {Note} from '../src/index.js'

/** id of each block, keyed by its original text. */
function idsByText(kk: string, en: string): Map<string, string> {
  const result = parse({kk, en})
  expect(result.messages).toEqual([])
  return new Map(
    alignments(result).map((alignment) => [textOf(alignment.children[0]), alignment.id])
  )
}

const blocks = [
  '# Кіріспе',
  'Бірінші абзац.',
  '> Дәйексөз.',
  '## Тарих',
  'Екінші абзац.',
  '- тізім',
  '---',
  'Үшінші абзац.'
]
const translated = [
  '# Introduction',
  'First paragraph.',
  '> A quote.',
  '## History',
  'Second paragraph.',
  '- list',
  '---',
  'Third paragraph.'
]
const join = (list: string[]): string => `${list.join('\n\n')}\n`

describe('block ids', () => {
  it('do not change for untouched blocks when a block is inserted before them', () => {
    const before = idsByText(join(blocks), join(translated))
    const kk = [...blocks.slice(0, 2), 'Жаңа абзац.', '## Жаңа бөлім', ...blocks.slice(2)]
    const en = [
      ...translated.slice(0, 2),
      'A new paragraph.',
      '## A new part',
      ...translated.slice(2)
    ]
    const after = idsByText(join(kk), join(en))
    expect(after.size).toBe(before.size + 2)
    for (const [text, id] of before) expect(after.get(text), text).toBe(id)
  })

  it('do not change when only the translation is edited', () => {
    const before = idsByText(join(blocks), join(translated))
    const after = idsByText(
      join(blocks),
      join(translated.map((block) => block.replace('paragraph', 'passage')))
    )
    expect([...after]).toEqual([...before])
  })

  it('are unique within a work, even for repeated text', () => {
    const kk = join(['# Кіріспе', 'Мәтін.', 'Мәтін.', '# Кіріспе', 'Мәтін.'])
    const en = join(['# Intro', 'Text.', 'Text.', '# Intro', 'Text.'])
    const ids = alignments(parse({kk, en})).map((alignment) => alignment.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('are unique even when a heading text looks like a numbered repeat of another', () => {
    const kk = join(['# Кіріспе', '# Кіріспе', '# Кіріспе 1', '# Кіріспе 2', '# Кіріспе'])
    const en = join(['# Intro', '# Intro', '# Intro 1', '# Intro 2', '# Intro'])
    const ids = alignments(parse({kk, en})).map((alignment) => alignment.id)
    expect(ids[0]).toBe('кіріспе')
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('make a heading id readable: the slug of the original heading', () => {
    const [heading, numbered] = alignments(
      parse({
        kk: '# Гармониялық әлем\n\n## 2005 жыл\n',
        en: '# The Harmonious World\n\n## The year 2005\n'
      })
    )
    expect(heading!.id).toBe('гармониялық-әлем')
    expect(numbered!.id).toBe('h-2005-жыл')
  })

  it('give distinct notes distinct ids, whatever their labels', () => {
    const result = parse({en: 'Text.[^1.5] More.[^1_5]\n\n[^1.5]: One.\n\n[^1_5]: Two.\n'})
    const notes = all<Note>(result.tree, 'note')
    expect(notes).toHaveLength(2)
    expect(new Set(notes.map((note) => note.id)).size).toBe(2)
    const calls = all<{id: string}>(result.tree, 'noteReference')
    expect(new Set(calls.map((call) => call.id)).size).toBe(2)
  })
})
