/**
 * The HTML edition's templates and styles ship in this package; a templates
 * folder overrides them file by file.
 */
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {buildHtml, templateAssets} from '../src/index.js'
import {parse} from './helpers.js'

const shipped = fileURLToPath(new URL('../templates/', import.meta.url))
const {tree} = parse({en: 'Hello.\n'})

describe('templates', () => {
  it('are the package’s own when no templates folder is given', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'diglot-html-shipped-'))
    await buildHtml(tree, {outDir, sourceDateEpoch: 1, progress: () => {}})
    for (const name of templateAssets)
      expect(await readFile(path.join(outDir, 'assets', name), 'utf8'), name).toBe(
        await readFile(path.join(shipped, name), 'utf8')
      )
  })

  it('are overridden file by file by a templates folder’s html/', async () => {
    const templatesDir = await mkdtemp(path.join(tmpdir(), 'diglot-html-override-'))
    await mkdir(path.join(templatesDir, 'html'))
    await writeFile(path.join(templatesDir, 'html', 'diglot.css'), 'body { color: teal }\n')
    const outDir = await mkdtemp(path.join(tmpdir(), 'diglot-html-overridden-'))
    await buildHtml(tree, {outDir, templatesDir, sourceDateEpoch: 1, progress: () => {}})
    expect(await readFile(path.join(outDir, 'assets', 'diglot.css'), 'utf8')).toBe(
      'body { color: teal }\n'
    )
    expect(await readFile(path.join(outDir, 'assets', 'print.css'), 'utf8')).toBe(
      await readFile(path.join(shipped, 'print.css'), 'utf8')
    )
  })
})
