/**
 * The `diglot` command as a user runs it: exit codes, what goes to stdout and
 * stderr, and `file:line:col` places. Most tests call main() in-process with a
 * fake Output; a few spawn the built binary (build first: `npx tsc -b packages/cli`).
 */
import {spawn} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {fromJson, sourceRules, type RuleId} from '@diglot/core'
import {main} from '../src/main.js'
import type {Output} from '../src/output.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const contentDir = path.join(repoRoot, 'test', 'fixtures', 'content')
const sampleDir = path.join(contentDir, 'sample')
const errorsDir = path.join(repoRoot, 'test', 'fixtures', 'errors')
const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js')

interface Captured extends Output {
  stdout: string[]
  stderr: string[]
}

function fakeOutput(): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    info: (text) => stderr.push(text),
    error: (text) => stderr.push(text),
    progress: () => {}
  }
}

async function run(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const output = fakeOutput()
  const code = await main(argv, output)
  return {code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n')}
}

/** Spawn the built binary. */
function spawnBin(
  args: string[],
  cwd: string
): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd, env: {...process.env, CI: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

/** A copy of the sample content in a temporary folder. */
function copyOfContent(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-cli-')))
  cpSync(contentDir, dir, {recursive: true})
  return dir
}

/** 1-based line of the first line of `file` that starts with `start`. */
function lineOf(file: string, start: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.startsWith(start))
  if (index < 0) throw new Error(`no line starting with ${start} in ${file}`)
  return index + 1
}

describe('diglot check', () => {
  it('passes on the sample content: exit 0, no messages, a summary line', async () => {
    const {code, stdout, stderr} = await run('check', contentDir)
    expect(stderr).toBe('1 work(s) checked: 0 error(s), 0 warning(s)')
    expect(stdout).toBe('')
    expect(code).toBe(0)
  })

  it('checks a single work folder too', async () => {
    const {code, stderr} = await run('check', sampleDir)
    expect(stderr).toBe('1 work(s) checked: 0 error(s), 0 warning(s)')
    expect(code).toBe(0)
  })

  it('fails with exit 1 and the place of a stray block added to the translation', async () => {
    const dir = copyOfContent()
    const en = path.join(dir, 'sample', 'en.md')
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace('[^1]: Source', 'A stray paragraph.\n\n[^1]: Source')
    )
    const {code, stderr} = await run('check', dir)
    const lines = stderr.split('\n')
    expect(lines).toContain(
      `${en}:${lineOf(en, 'A stray paragraph.')}:1: paragraph has no counterpart; ${path.join(dir, 'sample', 'kk.md')} ends at ${lineOf(path.join(dir, 'sample', 'kk.md'), ':::editorial')}:1. Remove it or add the original block [align-missing-counterpart]`
    )
    expect(lines.at(-1)).toBe('1 work(s) checked: 1 error(s), 0 warning(s)')
    expect(code).toBe(1)
  })

  it('fails with exit 1 and points at the first misaligned block when a paragraph is deleted', async () => {
    const dir = copyOfContent()
    const en = path.join(dir, 'sample', 'en.md')
    const kk = path.join(dir, 'sample', 'kk.md')
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace(
        'Part of the text is lost: :gap[a sentence is missing].\n\n',
        ''
      )
    )
    const {code, stderr} = await run('check', dir)
    const mismatch = stderr.split('\n').filter((line) => line.endsWith('[align-kind-mismatch]'))
    // The table now sits where the paragraph was: reported at the table, naming the paragraph in kk.md.
    expect(mismatch).toHaveLength(1)
    expect(mismatch[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(en)}:${lineOf(en, '| Year')}:1: table is paired with a paragraph at ${escapeRegExp(kk)}:${lineOf(kk, 'Мәтіннің')}:1`
      )
    )
    // The original's last block is left without a counterpart.
    expect(stderr).toContain(
      `${kk}:${lineOf(kk, ':::editorial')}:1: editorial block has no counterpart`
    )
    expect(code).toBe(1)
  })

  it('exits 0 on warnings alone, and counts them', async () => {
    const dir = copyOfContent()
    const en = path.join(dir, 'sample', 'en.md')
    writeFileSync(en, `${readFileSync(en, 'utf8')}\n[^tr-9]: A note nobody calls.\n`)
    const {code, stderr} = await run('check', dir)
    expect(stderr).toContain(
      `${en}:${lineOf(en, '[^tr-9]')}:1: warning: note \`[^tr-9]\` is defined but never called`
    )
    expect(stderr.split('\n').at(-1)).toBe('1 work(s) checked: 0 error(s), 1 warning(s)')
    expect(code).toBe(0)
  })

  it('fails on a content folder that does not exist', async () => {
    const {code, stderr} = await run('check', path.join(tmpdir(), 'diglot-no-such-folder'))
    expect(stderr).toMatch(/\[file-missing\]/)
    expect(code).toBe(1)
  })
})

describe('diglot ast', () => {
  it('prints the work as JSON with the spec version, without positions', async () => {
    const {code, stdout, stderr} = await run('ast', sampleDir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const tree = fromJson(stdout)
    expect(tree.specVersion).toMatch(/^1\.\d+\.\d+$/)
    expect(tree.children.map((child) => child.type)).toEqual(['work', 'glossary'])
    expect(tree.children[0]).toMatchObject({type: 'work', id: 'sample', languages: ['kk', 'en']})
    expect(stdout).not.toContain('"position"')
  })

  it('keeps source positions with --positions', async () => {
    const {code, stdout} = await run('ast', sampleDir, '--positions')
    expect(code).toBe(0)
    const tree = fromJson(stdout)
    const work = tree.children[0]
    if (work?.type !== 'work') throw new Error('expected a work first')
    const section = work.children[0]
    if (section?.type !== 'section') throw new Error('expected the sample to open with a section')
    // The first heading of kk.md and of en.md are both at line 1, column 1.
    const heading = section.children[0]
    expect(heading?.type).toBe('alignment')
    if (heading?.type === 'alignment') {
      expect(heading.children.map((segment) => segment.position?.start)).toEqual([
        {line: 1, column: 1, offset: 0},
        {line: 1, column: 1, offset: 0}
      ])
    }
  })

  it('prints messages and exits 1 when the work has errors', async () => {
    const dir = copyOfContent()
    const en = path.join(dir, 'sample', 'en.md')
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace('# The Harmonious World', '# The Harmonious World\n\n:nope')
    )
    const {code, stdout, stderr} = await run('ast', path.join(dir, 'sample'))
    expect(stderr).toContain(`${en}:3:1: unknown directive \`:nope\``)
    expect(code).toBe(1)
    expect(fromJson(stdout).children[0]?.type).toBe('work')
  })

  it('prints no tree and exits 1 when work.yaml cannot be read', async () => {
    const dir = copyOfContent()
    writeFileSync(path.join(dir, 'sample', 'work.yaml'), 'id: sample\ntitle: [\n')
    const {code, stdout, stderr} = await run('ast', path.join(dir, 'sample'))
    expect(stderr).toMatch(/work\.yaml:\d+:\d+: invalid YAML/)
    expect(stdout).toBe('')
    expect(code).toBe(1)
  })

  it('asks for a folder when given none (exit 2)', async () => {
    const {code, stderr} = await run('ast')
    expect(stderr).toContain('give a work folder')
    expect(code).toBe(2)
  })
})

describe('diglot usage', () => {
  it.each(['check', 'ast', 'build'])('%s --help prints its usage and exits 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const {code, stdout, stderr} = await run(command, flag)
      expect(stdout).toMatch(new RegExp(`^Usage: diglot ${command}\\b`))
      expect(stderr).toBe('')
      expect(code).toBe(0)
    }
  })

  it('--help lists the commands and exits 0; no command prints it and exits 1', async () => {
    const help = await run('--help')
    expect(help.code).toBe(0)
    for (const command of ['check', 'ast']) expect(help.stdout).toContain(`diglot ${command}`)
    const none = await run()
    expect(none.stdout).toBe(help.stdout)
    expect(none.code).toBe(1)
  })

  it('rejects an unknown command with exit 2, naming it', async () => {
    const {code, stdout, stderr} = await run('chekc', 'content')
    expect(stderr).toContain('unknown command `chekc`')
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('rejects an unknown option with exit 2', async () => {
    const {code, stderr} = await run('check', '--strict', contentDir)
    expect(stderr).toContain('--strict')
    expect(code).toBe(2)
  })
})

describe('the built binary', () => {
  it('exists (build with `npx tsc -b packages/cli`)', () => {
    expect(existsSync(bin)).toBe(true)
  })

  it('exits 0 on the sample content', async () => {
    const {code, stderr} = await spawnBin(['check', 'test/fixtures/content'], repoRoot)
    expect(stderr.trim()).toBe('1 work(s) checked: 0 error(s), 0 warning(s)')
    expect(code).toBe(0)
  })

  const fixtures = readdirSync(errorsDir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  // Spawned all at once: one process per fixture, run from inside the fixture folder.
  const runs = new Map<string, Promise<{code: number | null; stdout: string; stderr: string}>>()
  beforeAll(() => {
    for (const rule of fixtures)
      runs.set(rule, spawnBin(['check', '.'], path.join(errorsDir, rule)))
  })

  it.each(fixtures)(
    'run in test/fixtures/errors/%s, prints expected.txt and exits by severity',
    async (rule) => {
      const dir = path.join(errorsDir, rule)
      const {code, stdout, stderr} = await runs.get(rule)!
      const lines = stderr.trimEnd().split('\n')
      const summary = lines.pop()
      expect(`${lines.join('\n')}\n`).toBe(readFileSync(path.join(dir, 'expected.txt'), 'utf8'))
      expect(summary).toMatch(/^\d+ work\(s\) checked: \d+ error\(s\), \d+ warning\(s\)$/)
      expect(stdout).toBe('')
      expect(code).toBe(sourceRules[rule as RuleId] === 'error' ? 1 : 0)
    }
  )
})

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}
