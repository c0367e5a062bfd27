import {describe, expect, it} from 'vitest'
import {largestFirst, type Work} from '../src/index.js'
import {readContent} from '../src/fs.js'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const content = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../content')

/** A work with `paragraphs` empty paragraphs (only its size matters here). */
function workOf(id: string, paragraphs: number): Work {
  return {
    type: 'work',
    id,
    children: Array.from({length: paragraphs}, () => ({type: 'paragraph', children: []}))
  } as unknown as Work
}

describe('largestFirst', () => {
  it('orders the works by size, the largest first, ties in their own order', () => {
    const works = [workOf('a', 2), workOf('b', 9), workOf('c', 2), workOf('d', 5)]
    expect(largestFirst(works)).toEqual([1, 3, 0, 2])
    expect(largestFirst([])).toEqual([])
  })

  it('puts the report before the article in the real content', async () => {
    const {tree} = await readContent(content)
    const list = tree.children.filter((child): child is Work => child.type === 'work')
    expect(list.map((work) => work.id)).toEqual(['harmonious-world', 'world-dream'])
    expect(largestFirst(list).map((index) => list[index]?.id)).toEqual([
      'world-dream',
      'harmonious-world'
    ])
  })
})
