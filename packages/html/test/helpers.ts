/**
 * Helpers for the @diglot/html tests: parse a small work and serialize hast.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {hasErrors, parseWork, works, type Root, type Work} from '@diglot/core'
import {readWork} from '@diglot/core/fs'
import {toHtml} from 'hast-util-to-html'
import type {Root as HastRoot} from 'hast'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures')
export const sampleDir = path.join(fixturesDir, 'content', 'sample')
export const templatesDir = path.join(repoRoot, 'templates')
const glossary = readFileSync(path.join(fixturesDir, 'content', 'glossary.yaml'), 'utf8')

/** Parse a bilingual (or one-language) work from Markdown; the first key is the original. */
export function parse(files: Record<string, string>): {tree: Root; work: Work} {
  const [original, translation] = Object.keys(files)
  const meta = [
    'id: w',
    'languages:',
    `  original: ${original}`,
    ...(translation ? [`  translation: ${translation}`] : []),
    'title:',
    `  ${original}: A title`,
    'licence: CC0-1.0',
    'source:',
    '  description: A test.'
  ].join('\n')
  const {tree, messages} = parseWork({meta, files, glossary, path: 'w'})
  if (hasErrors(messages)) throw new Error(messages.map((message) => message.reason).join('\n'))
  const [work] = works(tree)
  if (!work) throw new Error('no work')
  return {tree, work}
}

/** The shared sample work (test/fixtures/content/sample). */
export async function sample(): Promise<{tree: Root; work: Work}> {
  const {tree} = await readWork(sampleDir)
  const [work] = works(tree)
  if (!work) throw new Error('no sample work')
  return {tree, work}
}

/** Serialize hast to HTML. */
export function html(tree: HastRoot): string {
  return toHtml(tree)
}
