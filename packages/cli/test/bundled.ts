/**
 * For the tests that run the `diglot` command as a user does (the bundle, as a
 * process): bundle `dist/` into a temp folder of this test file's own, so
 * that test files running at once never share a half-written bundle.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Bundle the command (after `tsc -b packages/cli`); returns the path of `diglot.js`. */
export async function bundle(): Promise<string> {
  // The bundle lives under packages/cli so that relative paths to the workspace's node_modules hold.
  const outdir = mkdtempSync(path.join(repoRoot, 'packages', 'cli', '.test-bundle-'))
  await promisify(execFile)(process.execPath, [
    path.join(repoRoot, 'packages', 'cli', 'scripts', 'bundle.js'),
    '--outdir',
    outdir
  ])
  return path.join(outdir, 'diglot.js')
}

/** Run the command to its end. */
export async function runCommand(
  bin: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {env: {...process.env, CI: '1', ...env}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? -1, stdout, stderr}))
  })
}

/** A running command whose stderr is read line by line. */
export interface Running {
  child: ChildProcess
  /** Every stderr line so far. */
  lines: string[]
  /** Wait for a stderr line matching `pattern` after the first `from` lines; returns it. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<string>
  stop(): Promise<number>
}

/** Start the command and keep it running. */
export function startCommand(bin: string, args: string[]): Running {
  const child = spawn(process.execPath, [bin, ...args], {env: {...process.env, CI: '1'}})
  const lines: string[] = []
  let rest = ''
  const waiters = new Set<() => void>()
  child.stderr?.on('data', (chunk: Buffer) => {
    rest += chunk.toString()
    const parts = rest.split('\n')
    rest = parts.pop() ?? ''
    lines.push(...parts)
    for (const waiter of waiters) waiter()
  })
  child.stdout?.resume()
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  return {
    child,
    lines,
    waitFor(pattern, from = 0, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.slice(from).find((line) => pattern.test(line))
          if (found === undefined) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no line matching ${String(pattern)} in:\n${lines.join('\n')}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    async stop() {
      child.kill('SIGTERM')
      return exited
    }
  }
}

/** Remove a bundle made by `bundle()`. */
export async function removeBundle(bin: string): Promise<void> {
  const {rm} = await import('node:fs/promises')
  await rm(path.dirname(bin), {recursive: true, force: true})
}
