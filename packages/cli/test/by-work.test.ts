/**
 * A format built work by work on several threads (the EPUB) writes the same
 * files, byte for byte, as one build of the whole tree (the real content: two works).
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {readContent} from '@diglot/core/fs'
import {epubEdition} from '@diglot/epub'
import {describe, expect, it} from 'vitest'
// The built modules: the worker's file (`dist/worker.js`) sits beside them.
import {buildByWork, WORKER_START} from '../dist/by-work.js'
import {threadsAvailable} from '../dist/threads.js'
import {repoRoot} from './bundled.js'

describe('a format built work by work on several threads', () => {
  it('keeps the two works of content/ on one thread (a worker costs more than the article’s book)', () => {
    expect(WORKER_START).toBeGreaterThan(700_000)
  })

  it('writes the same EPUB files as one build of both works', async () => {
    expect(threadsAvailable).toBe(true)
    const {tree} = await readContent(path.join(repoRoot, 'content'))
    const options = (outDir: string) => ({
      outDir,
      templatesDir: path.join(repoRoot, 'templates'),
      sourceDateEpoch: 1_700_000_000,
      progress: () => {}
    })
    const serialDir = mkdtempSync(path.join(tmpdir(), 'diglot-by-work-serial-'))
    const threadedDir = mkdtempSync(path.join(tmpdir(), 'diglot-by-work-threads-'))
    const serial = await epubEdition.build(tree, options(serialDir))
    // (A worker's start counted as nothing, so that the article's book goes to one.)
    const threaded = await buildByWork(epubEdition, tree, options(threadedDir), 2, 0)
    expect([...threaded.files].sort()).toEqual([...serial.files].sort())
    expect(serial.files).toEqual(['harmonious-world.epub', 'world-dream.epub'])
    expect(threaded.messages).toEqual(serial.messages)
    for (const file of serial.files)
      expect(
        Buffer.compare(
          readFileSync(path.join(serialDir, file)),
          readFileSync(path.join(threadedDir, file))
        ),
        file
      ).toBe(0)
  })
})
