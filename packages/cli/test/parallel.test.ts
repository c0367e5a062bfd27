/**
 * `diglot build` builds its formats at once (HTML and EPUB while Chromium
 * paginates); the files must be the same bytes as when they are built one
 * after another (`--jobs 1`). The serial build runs the unbundled command
 * (tsc's `dist/bin.js`), the parallel one the bundle users run: the same bytes
 * also show that bundling changes nothing.
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundle, removeBundle, repoRoot, runCommand} from './bundled.js'

const contentDir = path.join(repoRoot, 'test', 'fixtures', 'content')
let bin = ''

beforeAll(async () => {
  bin = await bundle()
})
afterAll(async () => {
  await removeBundle(bin)
})

/** A file's bytes (Chromium's varying structure IDs are numbered again by the PDF package). */
function bytes(file: string): Buffer {
  return readFileSync(file)
}

function files(dir: string): string[] {
  return (
    readdirSync(dir, {recursive: true, withFileTypes: true}) as Array<{
      isFile(): boolean
      parentPath: string
      name: string
    }>
  )
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('diglot build, formats at once', () => {
  it('writes the same files, byte for byte, as a serial build (and the bundle as the unbundled command)', async () => {
    const serial = mkdtempSync(path.join(tmpdir(), 'diglot-serial-'))
    const parallel = mkdtempSync(path.join(tmpdir(), 'diglot-parallel-'))
    const one = await runCommand(path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js'), [
      'build',
      contentDir,
      '--jobs',
      '1',
      '--out',
      serial
    ])
    expect(one.code, one.stderr).toBe(0)
    const many = await runCommand(bin, ['build', contentDir, '--jobs', '2', '--out', parallel])
    expect(many.code, many.stderr).toBe(0)
    // Every format reported, in the order asked for.
    expect(
      many.stderr
        .split('\n')
        .filter((line) => /^(html|epub|pdf): \d+ file/.test(line))
        .map((line) => line.split(':')[0])
        .sort()
    ).toEqual(['epub', 'html', 'pdf'])
    const list = files(serial)
    expect(list).toEqual(files(parallel))
    expect(list).toEqual(
      expect.arrayContaining(['index.html', 'sample/index.html', 'sample.epub', 'sample.pdf'])
    )
    for (const file of list) {
      const [a, b] = [bytes(path.join(serial, file)), bytes(path.join(parallel, file))]
      const at = a.findIndex((byte, index) => byte !== b[index])
      expect(
        Buffer.compare(a, b),
        `${file} at ${at}: ${a.subarray(Math.max(0, at - 200), at + 80).toString('latin1')} // ${b.subarray(Math.max(0, at - 200), at + 80).toString('latin1')}`
      ).toBe(0)
    }
  })
})
