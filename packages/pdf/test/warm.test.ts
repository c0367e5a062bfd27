/**
 * `diglot build --watch` keeps one Chromium for every PDF rebuild: the second
 * build uses the browser the first one started, and closing it ends it.
 */
import {execFileSync} from 'node:child_process'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {readContent} from './core.js'
import {buildPdfEdition, keepBrowserWarm} from '../src/edition.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** The Chromium processes started by this process (its direct children). */
function browsers(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], {
    encoding: 'utf8'
  })
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /chrom/i.test(line))
    .map((line) => line.split(/\s+/)[0] as string)
}

describe('a browser kept warm between PDF builds', () => {
  it('is started once for two builds and ends when closed', async () => {
    const {tree} = await readContent(path.join(repo, 'test', 'fixtures', 'content'))
    const options = async () => ({
      outDir: await mkdtemp(path.join(tmpdir(), 'diglot-warm-')),
      templatesDir: path.join(repo, 'templates'),
      sourceDateEpoch: 1_700_000_000,
      progress: () => {}
    })
    expect(browsers()).toEqual([])
    const close = keepBrowserWarm()
    try {
      const first = await buildPdfEdition(tree, await options())
      expect(first.files).toEqual(['sample.pdf'])
      const after = browsers()
      expect(after).toHaveLength(1)
      const second = await buildPdfEdition(tree, await options())
      expect(second.files).toEqual(['sample.pdf'])
      expect(browsers()).toEqual(after)
    } finally {
      await close()
    }
    expect(browsers()).toEqual([])
  })
})
