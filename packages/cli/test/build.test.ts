/**
 * `diglot build`: builds the requested formats into --out, shows progress per
 * work and format, and builds nothing when the content has errors.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {main} from '../src/main.js'
import type {Output} from '../src/output.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const contentDir = path.join(repoRoot, 'test', 'fixtures', 'content')

function capture(): Output & {lines: string[]; progressLines: string[]} {
  const lines: string[] = []
  const progressLines: string[] = []
  return {
    lines,
    progressLines,
    out: (text) => lines.push(text),
    info: (text) => lines.push(text),
    error: (text) => lines.push(text),
    progress: (text) => progressLines.push(text)
  }
}

describe('diglot build', () => {
  it('builds the HTML edition of the sample into --out, with a progress line per work', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'diglot-build-'))
    const output = capture()
    const code = await main(['build', contentDir, '--format', 'html', '--out', out], output)
    expect(code, output.lines.join('\n')).toBe(0)
    expect(existsSync(path.join(out, 'index.html'))).toBe(true)
    expect(readFileSync(path.join(out, 'sample', 'index.html'), 'utf8')).toContain(
      'Гармониялық әлем'
    )
    expect(output.progressLines.some((line) => line.startsWith('html: sample'))).toBe(true)
    expect(output.lines.at(-1)).toMatch(/^html: \d+ file\(s\) in /)
  })

  it('builds nothing and exits 1 when the content has errors', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'diglot-broken-'))
    cpSync(contentDir, broken, {recursive: true})
    const en = path.join(broken, 'sample', 'en.md')
    writeFileSync(en, `${readFileSync(en, 'utf8')}\nAn extra paragraph with no original.\n`)
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'diglot-broken-out-')), 'dist')
    const output = capture()
    expect(await main(['build', broken, '--format', 'html', '--out', out], output)).toBe(1)
    expect(output.lines.join('\n')).toMatch(
      /sample\/en\.md:\d+:1: paragraph has no counterpart.*\[align-missing-counterpart\]/
    )
    expect(existsSync(path.join(out, 'index.html'))).toBe(false)
  })

  it('refuses an unknown format with exit 2', async () => {
    const output = capture()
    expect(await main(['build', contentDir, '--format', 'docx'], output)).toBe(2)
    expect(output.lines.join('\n')).toContain('unknown format `docx`')
  })
})
