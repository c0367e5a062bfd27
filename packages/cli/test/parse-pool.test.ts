/**
 * `diglot build` and `check` parse the works of a content folder on several
 * threads; the tree must be the one a single thread makes.
 */
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {formatMessage} from '@diglot/core'
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

  it('brings back the messages of a work parsed on a worker whole: file, place, rule and severity', async () => {
    // The report stays on this thread; the small work, with an error, goes to the worker.
    const content = await mkdtemp(path.join(tmpdir(), 'diglot-pool-'))
    try {
      await cp(path.join(repoRoot, 'content', 'world-dream'), path.join(content, 'world-dream'), {
        recursive: true
      })
      await cp(path.join(repoRoot, 'content', 'glossary.yaml'), path.join(content, 'glossary.yaml'))
      const small = path.join(content, 'small')
      await cp(path.join(repoRoot, 'content', 'harmonious-world'), small, {recursive: true})
      const meta = await readFile(path.join(small, 'work.yaml'), 'utf8')
      await writeFile(path.join(small, 'work.yaml'), meta.replace(/^id: .*$/m, 'id: small'))
      const en = await readFile(path.join(small, 'en.md'), 'utf8')
      await writeFile(
        path.join(small, 'en.md'),
        `${en}\nA call to a note never defined[^nowhere].\n`
      )
      const serial = await readContent(content)
      const parallel = await readContent(content, {buildWorks: parallelWorkBuilder(2)})
      const shown = (messages: typeof serial.messages) =>
        messages.map((message) => `${formatMessage(message)} ${message.fatal}`)
      expect(shown(parallel.messages)).toEqual(shown(serial.messages))
      const error = parallel.messages.find((message) => message.ruleId === 'note-undefined')
      expect(error?.file).toBe(path.join(content, 'small', 'en.md'))
      expect(error?.fatal).toBe(true)
      expect(error?.line).toBeGreaterThan(1)
    } finally {
      await rm(content, {recursive: true, force: true})
    }
  })
})
