/**
 * One folder per rule in test/fixtures/errors: a small content folder (work folders,
 * optional glossary.yaml) that breaks that rule, with `expected.txt` holding the exact
 * messages, formatted as `diglot check` prints them when run from that folder.
 *
 * Regenerate with `UPDATE_FIXTURES=1 npx vitest run packages/core/test/error-fixtures.test.ts`
 * and review every expected.txt: message, file, line and column.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatMessage, hasErrors, sourceRules, type RuleId} from '../src/index.js'
import {readContent, readWork} from '../src/fs.js'
import {fixturesDir} from './helpers.js'

export const errorsDir = path.join(fixturesDir, 'errors')
const update = process.env['UPDATE_FIXTURES'] === '1'
// Source rules each have a fixture; edition rules (pdf-…) are tested with their renderer.
const ruleIds = Object.keys(sourceRules) as RuleId[]
const folders = readdirSync(errorsDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Read a fixture as `diglot check .` would from inside it. */
async function read(dir: string) {
  return existsSync(path.join(dir, 'work.yaml'))
    ? readWork(dir, {cwd: dir})
    : readContent(dir, {cwd: dir})
}

describe('error fixtures', () => {
  it('exist for every rule, and only for rules', () => {
    expect(folders).toEqual([...ruleIds].sort())
  })

  it('utf8-invalid really holds bytes that are not UTF-8', () => {
    const bytes = readFileSync(path.join(errorsDir, 'utf8-invalid', 'work', 'kk.md'))
    expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes)).toThrow()
  })

  describe.each(folders)('%s', (rule) => {
    const dir = path.join(errorsDir, rule)
    const expectedFile = path.join(dir, 'expected.txt')

    it('reports exactly the messages of expected.txt', async () => {
      const {messages} = await read(dir)
      const actual = `${messages.map(formatMessage).join('\n')}\n`
      if (update) writeFileSync(expectedFile, actual)
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'))
    })

    it(`breaks the rule it is named after, with its severity`, async () => {
      const {messages} = await read(dir)
      const own = messages.filter((message) => message.ruleId === rule)
      expect(own.length).toBeGreaterThan(0)
      const severity = sourceRules[rule as RuleId]
      for (const message of own) expect(message.fatal).toBe(severity === 'error')
      if (severity === 'error') expect(hasErrors(messages)).toBe(true)
      else expect(hasErrors(messages), 'a warning fixture must not hold errors').toBe(false)
    })
  })
})
