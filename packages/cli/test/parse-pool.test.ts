/**
 * `diglot build` and `check` parse the works of a content folder on several
 * threads; the tree must be the one a single thread makes.
 */
import path from 'node:path'
import {readContent} from '@diglot/core/fs'
import {describe, expect, it} from 'vitest'
// The built modules: the worker's file (`dist/worker.js`) sits beside them.
import {parallelWorkBuilder, WORKER_START_CHARS} from '../dist/parse-pool.js'
import {planLanes, threadsAvailable} from '../dist/threads.js'
import {repoRoot} from './bundled.js'

describe('parsing works on several threads', () => {
  it('keeps small works on this thread and gives the largest work this thread', () => {
    expect(planLanes([10_000, 12_000], 2, WORKER_START_CHARS)).toEqual([[1, 0], []])
    expect(planLanes([100_000, 196_000], 2, WORKER_START_CHARS)).toEqual([[1], [0]])
    expect(planLanes([200_000, 200_000, 200_000, 200_000], 2, WORKER_START_CHARS)).toEqual([
      [0, 2],
      [1, 3]
    ])
    expect(planLanes([200_000, 200_000], 1, WORKER_START_CHARS)).toEqual([[0, 1]])
  })

  it('gives the same tree and messages as a single thread (the real content)', async () => {
    const content = path.join(repoRoot, 'content')
    expect(threadsAvailable).toBe(true)
    const serial = await readContent(content)
    const parallel = await readContent(content, {buildWorks: parallelWorkBuilder(2)})
    expect(JSON.stringify(parallel.tree)).toBe(JSON.stringify(serial.tree))
    expect(parallel.messages).toEqual(serial.messages)
    expect(serial.tree.children.filter((child) => child.type === 'work')).toHaveLength(2)
  })
})
