/**
 * Runs every case of test/hostile/cases/ (see harness.ts) through the `diglot`
 * command in-process, from inside the case's temporary copy, and checks what
 * the user sees: the exit code, every line of stderr, and the outputs.
 */
import {existsSync, readFileSync, writeFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../../packages/cli/src/main.js'
import type {Output} from '../../packages/cli/src/output.js'
import {listFiles, loadCases, outputText, prepare, writeFiles} from './harness.js'

const update = process.env['UPDATE_HOSTILE'] === '1'
const cases = loadCases()
const startDir = process.cwd()
const made: string[] = []

afterAll(() => {
  process.chdir(startDir)
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

async function run(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout: string[] = []
  const stderr: string[] = []
  const output: Output = {
    out: (text) => stdout.push(text),
    info: (text) => stderr.push(text),
    error: (text) => stderr.push(text),
    progress: () => {}
  }
  const code = await main(args, output)
  return {code, stdout: stdout.join('\n'), stderr: stderr.join('\n')}
}

describe('hostile cases', () => {
  it('are at least 60', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(cases.map((hostile) => [hostile.name, hostile] as const))(
    '%s',
    async (_name, hostile) => {
      const dir = prepare(hostile)
      made.push(dir)
      process.chdir(dir)
      try {
        const transcript: string[] = []
        const started = Date.now()
        for (const [index, step] of hostile.steps.entries()) {
          writeFiles(dir, step.files)
          for (const file of step.remove ?? [])
            rmSync(path.join(dir, file), {recursive: true, force: true})
          const {code, stderr} = await run(step.args)
          // Timings vary from run to run: `(1.2 s)` is not part of what is compared.
          const shown = stderr.replaceAll(dir, '<case>').replace(/\(\d+\.\d s\)/g, '(… s)')
          if (hostile.steps.length > 1) transcript.push(`$ diglot ${step.args.join(' ')}`)
          if (shown) transcript.push(shown)
          expect(
            code,
            `step ${index + 1} (${step.args.join(' ')}): exit code; stderr:\n${shown}`
          ).toBe(step.exit)
          // No stack trace, ever; every line is one message.
          expect(shown).not.toMatch(/\n\s+at |internal error/)
        }
        const elapsed = Date.now() - started
        if (hostile.maxMs !== undefined)
          expect(elapsed, 'time taken (ms)').toBeLessThan(hostile.maxMs)
        const actual = `${transcript.join('\n')}\n`
        const expectedFile = path.join(hostile.dir, 'expected.txt')
        if (update) writeFileSync(expectedFile, actual)
        expect(actual).toBe(readFileSync(expectedFile, 'utf8'))

        const outputs = hostile.outputs ?? {}
        for (const file of outputs.exists ?? [])
          expect(await outputText(dir, file), `${file} exists`).toBeDefined()
        for (const file of outputs.absent ?? []) {
          if (file.includes('!'))
            expect(await outputText(dir, file), `${file} is absent`).toBeUndefined()
          else expect(existsSync(path.join(dir, file)), `${file} is absent`).toBe(false)
        }
        for (const part of outputs.none ?? [])
          expect(listFiles(dir).filter((file) => file.includes(part))).toEqual([])
        for (const [file, strings] of Object.entries(outputs.contains ?? {})) {
          const text = await outputText(dir, file)
          expect(text, `${file} exists`).toBeDefined()
          for (const value of strings) expect(text, `${file} contains ${value}`).toContain(value)
        }
        for (const [file, strings] of Object.entries(outputs.lacks ?? {})) {
          const text = await outputText(dir, file)
          expect(text, `${file} exists`).toBeDefined()
          for (const value of strings)
            expect(text?.toLowerCase(), `${file} lacks ${value}`).not.toContain(value.toLowerCase())
        }
      } finally {
        process.chdir(startDir)
      }
    }
  )
})
