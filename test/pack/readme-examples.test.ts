/**
 * The packages as a user gets them: `@diglot/core` and `@diglot/html` are packed
 * (`pnpm pack`, workspace versions written in), installed from the tarballs in
 * a fresh ESM project in a temporary folder, and each `js` example of their
 * README's “Use” section runs there as written.
 *
 * Needs the packages built (`pnpm build`). Installs offline from pnpm's store
 * (`--offline`); when the store's metadata cache lacks a package, it falls back
 * to `--prefer-offline` (metadata from the npm registry, files from the store).
 */
import {execFile} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../', import.meta.url))
const pnpm = ['-y', 'pnpm@10.34.9']
const packed = ['core', 'html'] as const

/** The fenced `js` blocks of a README's “## Use” section. */
function useExamples(readme: string): string[] {
  const start = readme.indexOf('\n## Use\n')
  if (start < 0) return []
  const next = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, next < 0 ? undefined : next)
  return [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '')
}

const manifest = (name: string): {version: string; dependencies: Record<string, string>} =>
  JSON.parse(readFileSync(path.join(repo, 'packages', name, 'package.json'), 'utf8'))

let project = ''

beforeAll(async () => {
  project = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-pack-')))
  for (const name of packed) {
    if (!existsSync(path.join(repo, 'packages', name, 'dist', 'index.js')))
      throw new Error(`packages/${name} is not built: run pnpm build first`)
    await run('npx', [...pnpm, 'pack', '--pack-destination', project], {
      cwd: path.join(repo, 'packages', name)
    })
  }
  const tarballs = Object.fromEntries(
    packed.map((name) => [`@diglot/${name}`, `file:./diglot-${name}-${manifest(name).version}.tgz`])
  )
  // What the README's Install section names besides the tarballs (the unified example of core).
  const core = manifest('core').dependencies
  const extra = Object.fromEntries(
    ['unified', 'remark-parse', 'remark-gfm', 'remark-directive', 'vfile'].map((name) => [
      name,
      core[name] as string
    ])
  )
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({name: 'try-diglot', private: true, type: 'module', dependencies: {...tarballs, ...extra}, pnpm: {overrides: tarballs}}, null, 2)}\n`
  )
  cpSync(path.join(repo, 'test', 'fixtures', 'content'), path.join(project, 'content'), {
    recursive: true
  })
  const store = (await run('npx', [...pnpm, 'store', 'path'], {cwd: repo})).stdout.trim()
  const install = (mode: string) =>
    run(
      'npx',
      [...pnpm, 'install', mode, '--store-dir', store, '--config.confirmModulesPurge=false'],
      {cwd: project, env: {...process.env, CI: '1'}}
    )
  try {
    await install('--offline')
  } catch {
    await install('--prefer-offline')
  }
}, 600_000)

afterAll(() => {
  if (project !== '') rmSync(project, {recursive: true, force: true})
})

describe.each(packed)('@diglot/%s installed from its tarball', (name) => {
  const examples = useExamples(readFileSync(path.join(repo, 'packages', name, 'README.md'), 'utf8'))

  it('has examples in its README’s Use section', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  it('ships its templates and no workspace version range', () => {
    const installed = path.join(project, 'node_modules', '@diglot', name)
    const json = readFileSync(path.join(installed, 'package.json'), 'utf8')
    expect(json).not.toContain('workspace:')
    if (name !== 'core')
      expect(readdirSync(path.join(installed, 'templates')).sort()).toEqual([
        'diglot.css',
        'diglot.js',
        'print.css'
      ])
  })

  it.each(examples.map((code, index) => [index + 1, code] as const))(
    'runs example %i as written',
    async (index, code) => {
      const file = path.join(project, `${name}-example-${index}.mjs`)
      writeFileSync(file, code)
      const {stdout} = await run(process.execPath, [file], {cwd: project})
      // The outputs the README shows in comments (`// w 0`) are what the example prints.
      const shown = [...code.matchAll(/^console\.log\(.*\/\/ (.+)$/gm)].map(
        (match) => match[1] ?? ''
      )
      for (const line of shown) expect(stdout).toContain(line)
      if (name === 'html')
        expect(existsSync(path.join(project, 'dist', 'assets', 'diglot.css'))).toBe(true)
    }
  )
})
