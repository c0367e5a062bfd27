/**
 * `@diglot/core` is a library anywhere: its main entry, bundled for a browser,
 * reaches no Node.js builtin (`node:fs`, `path`, ...). Reading from disk is the
 * `@diglot/core/fs` entry, which may.
 */
import {builtinModules} from 'node:module'
import {fileURLToPath} from 'node:url'
import {build, type Plugin} from 'esbuild'
import {describe, expect, it} from 'vitest'

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

/** Bundle `entry` for a browser; returns each builtin reached, with the module that imported it. */
async function builtinsReached(entry: string): Promise<string[]> {
  const reached: string[] = []
  const recorder: Plugin = {
    name: 'record-builtins',
    setup(builder) {
      builder.onResolve({filter: /.*/}, (args) => {
        const bare = args.path.startsWith('node:')
          ? args.path
          : (args.path.split('/')[0] ?? args.path)
        if (!builtins.has(bare) && !builtins.has(args.path)) return undefined
        reached.push(`${args.path} (imported by ${args.importer.replace(/^.*node_modules\//, '')})`)
        return {path: args.path, external: true}
      })
    }
  }
  await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    plugins: [recorder]
  })
  return reached
}

describe('the main entry', () => {
  it('reaches no Node.js builtin when bundled for a browser', async () => {
    expect(
      await builtinsReached(fileURLToPath(new URL('../src/index.ts', import.meta.url)))
    ).toEqual([])
  })

  it('is told apart from the fs entry, which reads the disk', async () => {
    expect(
      (await builtinsReached(fileURLToPath(new URL('../src/fs.ts', import.meta.url)))).join('\n')
    ).toMatch(/node:fs/)
  })
})
