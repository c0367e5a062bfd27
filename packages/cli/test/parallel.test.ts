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

/**
 * A file's bytes, except in a PDF the structure elements' IDs (`/ID (node…)`, and
 * the table cells' `/Headers [(node…)]` that name them): Chromium
 * numbers them from its DOM node counter, which now and then differs between two
 * builds of the same book, serial or not (seen 1 in 4 serial PDF-only builds
 * on a loaded machine; same length, same text and structure). That is the PDF
 * package's to fix; everything else must be the same bytes.
 */
function bytes(file: string): Buffer {
  const data = readFileSync(file)
  return file.endsWith('.pdf') ? Buffer.from(data.toString('latin1').replace(/\(node\d+\)/g, (id) => '(node'.padEnd(id.length - 1, '0') + ')'), 'latin1') : data
}

function files(dir: string): string[] {
  return (readdirSync(dir, {recursive: true, withFileTypes: true}) as Array<{isFile(): boolean; parentPath: string; name: string}>)
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('diglot build, formats at once', () => {
  it('writes the same files, byte for byte, as a serial build (and the bundle as the unbundled command)', async () => {
    const serial = mkdtempSync(path.join(tmpdir(), 'diglot-serial-'))
    const parallel = mkdtempSync(path.join(tmpdir(), 'diglot-parallel-'))
    const one = await runCommand(path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js'), ['build', contentDir, '--jobs', '1', '--out', serial])
    expect(one.code, one.stderr).toBe(0)
    const many = await runCommand(bin, ['build', contentDir, '--jobs', '2', '--out', parallel])
    expect(many.code, many.stderr).toBe(0)
    // Every format reported, in the order asked for.
    expect(many.stderr.split('\n').filter((line) => /^(html|epub|pdf): \d+ file/.test(line)).map((line) => line.split(':')[0]).sort()).toEqual(['epub', 'html', 'pdf'])
    const list = files(serial)
    expect(list).toEqual(files(parallel))
    expect(list).toEqual(expect.arrayContaining(['index.html', 'sample/index.html', 'sample.epub', 'sample.pdf']))
    for (const file of list) {
      expect(Buffer.compare(bytes(path.join(serial, file)), bytes(path.join(parallel, file))), file).toBe(0)
    }
  })
})
