/**
 * The JSON examples of docs/ast.md and the typed constants of ast-examples.ts
 * are the same values, and ast-examples.ts (with every other .ts file of this
 * folder) compiles against the types exported by @diglot/core.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import * as constants from './ast-examples.js'

const doc = readFileSync(fileURLToPath(new URL('../../../docs/ast.md', import.meta.url)), 'utf8')

/** `json type=X [name=y]` and `json example=X [name=y]` blocks, by constant name. */
const examples = [...doc.matchAll(/^```json ([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => {
  const attributes = Object.fromEntries(
    (match[1] ?? '')
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split('=') as [string, string])
  )
  const typeName = attributes['type'] ?? attributes['example'] ?? ''
  return {
    name: attributes['name'] ?? typeName.charAt(0).toLowerCase() + typeName.slice(1),
    typeName,
    text: match[2] ?? ''
  }
})

const typed = constants as Record<string, unknown>

describe('docs/ast.md examples and ast-examples.ts', () => {
  test('there are examples', () => {
    expect(examples.length).toBeGreaterThan(18)
  })

  test.each(examples.map((example) => [example.name, example] as const))(
    '%s equals its typed constant',
    (name, example) => {
      expect(Object.keys(typed), `ast-examples.ts has no constant \`${name}\``).toContain(name)
      expect(typed[name]).toStrictEqual(JSON.parse(example.text))
    }
  )

  test('every typed constant is an example of the document', () => {
    expect(Object.keys(typed).sort()).toEqual(examples.map((example) => example.name).sort())
  })

  test('every constant is declared with the type its example claims', () => {
    const source = readFileSync(
      fileURLToPath(new URL('./ast-examples.ts', import.meta.url)),
      'utf8'
    )
    for (const example of examples)
      expect(source).toContain(`export const ${example.name}: ${example.typeName} = `)
  })

  test('the typed examples compile against the exported types (tsc --noEmit)', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const project = fileURLToPath(new URL('./tsconfig.json', import.meta.url))
    let output = ''
    let status = 0
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], {
        encoding: 'utf8',
        stdio: 'pipe'
      })
    } catch (error) {
      const failure = error as {status?: number; stdout?: string; stderr?: string}
      status = failure.status ?? 1
      output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`
    }
    expect(output).toBe('')
    expect(status).toBe(0)
  })
})
