/**
 * Golden trees: each folder of test/fixtures/tree is a work (work.yaml, <lang>.md,
 * optional glossary.yaml) with the tree it must parse to (tree.json, toJson output
 * without positions) and, when it has any, its warnings (messages.txt).
 *
 * Regenerate with `UPDATE_FIXTURES=1 npx vitest run packages/core/test/tree-fixtures.test.ts`,
 * then READ every changed tree.json before accepting it: a golden is only worth
 * what the review of it was.
 */
import {existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatMessage, hasErrors, toJson} from '../src/index.js'
import {readWork} from '../src/fs.js'
import {fixturesDir, typesIn} from './helpers.js'

const treeDir = path.join(fixturesDir, 'tree')
const update = process.env['UPDATE_FIXTURES'] === '1'
const cases = readdirSync(treeDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('tree fixtures', () => {
  it.each(cases)('%s parses to its tree.json', async (name) => {
    const dir = path.join(treeDir, name)
    const glossaryFile = path.join(dir, 'glossary.yaml')
    const {tree, messages} = await readWork(dir, {
      cwd: treeDir,
      ...(existsSync(glossaryFile) ? {glossary: glossaryFile} : {})
    })
    const formatted = messages.map(formatMessage)

    // A tree fixture is a valid work: warnings at most.
    expect(hasErrors(messages), formatted.join('\n')).toBe(false)

    const json = `${toJson(tree)}\n`
    const messagesText = formatted.length > 0 ? `${formatted.join('\n')}\n` : ''
    const treeFile = path.join(dir, 'tree.json')
    const messagesFile = path.join(dir, 'messages.txt')
    if (update) {
      writeFileSync(treeFile, json)
      if (messagesText) writeFileSync(messagesFile, messagesText)
      else rmSync(messagesFile, {force: true})
    }
    expect(
      existsSync(treeFile),
      `${treeFile} is missing; run with UPDATE_FIXTURES=1 and review it`
    ).toBe(true)
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(treeFile, 'utf8')))
    expect(messagesText).toBe(existsSync(messagesFile) ? readFileSync(messagesFile, 'utf8') : '')
  })

  it('together use every Diglot node type', () => {
    const seen = new Set<string>()
    for (const name of cases) {
      const file = path.join(treeDir, name, 'tree.json')
      if (existsSync(file))
        for (const type of typesIn(JSON.parse(readFileSync(file, 'utf8')))) seen.add(type)
    }
    const diglotTypes = [
      'root',
      'work',
      'section',
      'alignment',
      'segment',
      'noteList',
      'note',
      'noteReference',
      'glossaryReference',
      'langRun',
      'pageMarker',
      'inlineGap',
      'sic',
      'editorialInsertion',
      'gap',
      'editorial',
      'glossary',
      'glossaryEntry'
    ]
    const blockTypes = ['heading', 'paragraph', 'blockquote', 'list', 'table', 'thematicBreak']
    expect([...diglotTypes, ...blockTypes].filter((type) => !seen.has(type))).toEqual([])
  })
})
