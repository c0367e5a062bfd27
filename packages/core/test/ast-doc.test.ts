/**
 * docs/ast.md against the code: every node type of types.ts is specified,
 * every labelled JSON example is a node of the type it claims and follows the
 * id rules, every exported type is listed, and the complete example is what
 * the parser makes of its sources.
 *
 * Convention: a node example is a fenced block with the info string
 * `json type=<Interface>` (optionally `name=<constant>`, when a type has
 * several examples); a non-node example is `json example=<Interface>`. The
 * sources of the complete example are fenced blocks with `file=<name>`.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {SPEC_VERSION, noteKind, parseWork, toJson} from '../src/index.js'
import {BlockIds} from '../src/ids.js'
import {labelSlug} from '../src/transforms/notes.js'

const doc = readFileSync(fileURLToPath(new URL('../../../docs/ast.md', import.meta.url)), 'utf8')
const typesSource = readFileSync(fileURLToPath(new URL('../src/types.ts', import.meta.url)), 'utf8')

interface Block {
  lang: string
  attributes: Record<string, string>
  text: string
}

/** Every fenced code block of the document, with its info-string attributes. */
const blocks: Block[] = [...doc.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  lang: match[1] ?? '',
  attributes: Object.fromEntries(
    (match[2] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [key = '', value = ''] = pair.split('=')
        return [key, value]
      })
  ),
  text: match[3] ?? ''
}))

const examples = blocks
  .filter((block) => block.lang === 'json')
  .map((block) => {
    const typeName = block.attributes['type'] ?? block.attributes['example'] ?? ''
    return {
      typeName,
      isNode: 'type' in block.attributes,
      name: block.attributes['name'] ?? typeName.charAt(0).toLowerCase() + typeName.slice(1),
      text: block.text
    }
  })

/** Interface name → its `type` literal, for every node interface in types.ts. */
const typeLiterals = new Map(
  [...typesSource.matchAll(/export interface (\w+) extends [^{]*\{\s*type: '(\w+)'/g)].map(
    (match) => [match[1] ?? '', match[2] ?? '']
  )
)

/** The members of the `DiglotNode` union. */
const diglotNodes = (/export type DiglotNode =([\s\S]*?)\n\n/.exec(typesSource)?.[1] ?? '')
  .split('|')
  .map((part) => part.trim())
  .filter(Boolean)

/** Keys of an interface in the `declare module 'mdast'` block. */
function mapKeys(name: string): string[] {
  const body = new RegExp(`interface ${name} \\{([^}]*)\\}`).exec(typesSource)?.[1] ?? ''
  return [...body.matchAll(/^\s*(\w+):/gm)].map((match) => match[1] ?? '')
}

/** The text of a `##`/`###` section of the document, up to the next heading of the same or a higher rank. */
function sectionOf(heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`)
  if (start < 0) return ''
  const level = /^#+/.exec(heading)?.[0].length ?? 2
  const rest = doc.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'))
  return end < 0 ? rest : rest.slice(0, end)
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}
type JsonObject = {[key: string]: Json}

function walk(value: Json, visit: (node: JsonObject) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit)
  else if (value !== null && typeof value === 'object') {
    visit(value)
    for (const item of Object.values(value)) walk(item, visit)
  }
}

describe('docs/ast.md', () => {
  test('has node sections and examples', () => {
    expect(diglotNodes).toHaveLength(18)
    expect(examples.length).toBeGreaterThan(diglotNodes.length)
  })

  test('states the current spec version', () => {
    expect(doc).toContain(`**Spec version: ${SPEC_VERSION}**`)
    expect(SPEC_VERSION).toBe('1.0.0')
  })

  test.each(diglotNodes)('specifies %s: heading, IDL, example', (name) => {
    const literal = typeLiterals.get(name)
    expect(literal, `types.ts has no \`type\` literal for ${name}`).toBeDefined()
    const section = sectionOf(`### \`${name}\``)
    expect(section, `docs/ast.md has no section "### \`${name}\`"`).not.toBe('')
    expect(section).toContain(`interface ${name} <: `)
    expect(section).toContain(`type: '${literal}'`)
    expect(
      examples.some((example) => example.isNode && example.typeName === name),
      `no \`json type=${name}\` example`
    ).toBe(true)
  })

  test('specifies every field of every node interface in its IDL', () => {
    for (const name of diglotNodes) {
      const body =
        new RegExp(`export interface ${name} extends [^{]*\\{([\\s\\S]*?)\\n\\}`).exec(
          typesSource
        )?.[1] ?? ''
      const fields = [...body.matchAll(/^ {2}(\w+)\??:/gm)]
        .map((match) => match[1] ?? '')
        .filter((field) => field !== 'data')
      const idl = /```idl\n([\s\S]*?)```/.exec(sectionOf(`### \`${name}\``))?.[1] ?? ''
      for (const field of fields)
        expect(idl, `${name}.${field}`).toMatch(new RegExp(`^\\s+${field}: `, 'm'))
    }
  })

  test('labels every JSON block, with unique names', () => {
    for (const block of blocks.filter((item) => item.lang === 'json')) {
      expect(
        'type' in block.attributes || 'example' in block.attributes,
        `unlabelled json block:\n${block.text.slice(0, 200)}`
      ).toBe(true)
    }
    const names = examples.map((example) => example.name)
    expect(new Set(names).size).toBe(names.length)
  })

  test.each(examples.map((example) => [example.name, example] as const))(
    'example %s parses and has the type it claims',
    (_, example) => {
      const value = JSON.parse(example.text) as JsonObject
      if (example.isNode) {
        expect(diglotNodes).toContain(example.typeName)
        expect(value['type']).toBe(typeLiterals.get(example.typeName))
      } else {
        expect(typesSource).toMatch(new RegExp(`export (?:interface|type) ${example.typeName}\\b`))
        expect(value['type']).toBeUndefined()
      }
    }
  )

  test('examples follow the id, numbering and kind rules', () => {
    let checked = 0
    for (const example of examples) {
      walk(JSON.parse(example.text) as Json, (node) => {
        switch (node['type']) {
          case 'alignment': {
            // A fresh BlockIds: no example repeats a block, so no suffix is expected.
            const segments = node['children'] as unknown as Parameters<BlockIds['next']>[1]
            expect(
              new BlockIds().next(node['blockType'] as Parameters<BlockIds['next']>[0], segments)
            ).toBe(node['id'])
            expect(segments.map((segment) => segment.role)).toEqual(
              segments.length === 2 ? ['original', 'translation'] : ['original']
            )
            checked++
            break
          }
          case 'section': {
            const [first] = node['children'] as JsonObject[]
            expect(first?.['type']).toBe('alignment')
            expect(first?.['blockType']).toBe('heading')
            expect(node['id']).toBe(first?.['id'])
            checked++
            break
          }
          case 'note':
            expect(node['id']).toBe(
              `note-${labelSlug(String(node['lang']))}-${labelSlug(String(node['label']))}`
            )
            expect(node['kind']).toBe(noteKind(String(node['label'])))
            for (const call of node['calls'] as string[])
              expect(call).toMatch(
                new RegExp(
                  `^noteref-${labelSlug(String(node['lang']))}-${labelSlug(String(node['label']))}(?:-\\d+)?$`
                )
              )
            checked++
            break
          case 'noteReference':
            expect(node['id']).toMatch(
              new RegExp(
                `^noteref-${labelSlug(String(node['lang']))}-${labelSlug(String(node['label']))}(?:-\\d+)?$`
              )
            )
            expect(node['noteId']).toBe(
              `note-${labelSlug(String(node['lang']))}-${labelSlug(String(node['label']))}`
            )
            expect(node['kind']).toBe(noteKind(String(node['label'])))
            checked++
            break
          case 'pageMarker':
            expect(node['id']).toBe(`page-${String(node['n'])}`)
            checked++
            break
          default:
        }
      })
    }
    expect(checked).toBeGreaterThan(15)
  })

  test('documents how PhrasingContent, BlockContent and RootContent are extended', () => {
    const phrasing = sectionOf('### `PhrasingContent`')
    for (const key of mapKeys('PhrasingContentMap'))
      expect(phrasing).toContain(`[\`${interfaceOf(key)}\`]`)
    const block = sectionOf('### `BlockContent`')
    for (const key of mapKeys('BlockContentMap'))
      expect(block).toContain(`[\`${interfaceOf(key)}\`]`)
    // Every node but root is registered in RootContentMap.
    expect(new Set(mapKeys('RootContentMap'))).toEqual(
      new Set(
        [...typeLiterals.entries()]
          .filter(([name]) => diglotNodes.includes(name) && name !== 'Root')
          .map(([, literal]) => literal)
      )
    )
    expect(phrasing).toContain('RootContentMap')
  })

  test('lists every type exported by types.ts', () => {
    const listed = sectionOf('## TypeScript types')
    const exported = [...typesSource.matchAll(/^export (?:interface|type|const) (\w+)/gm)].map(
      (match) => match[1] ?? ''
    )
    expect(exported.length).toBeGreaterThan(40)
    for (const name of exported)
      expect(listed, `${name} is not listed under "## TypeScript types"`).toContain(`\`${name}\``)
    // And the other types of the package's entry point.
    const index = readFileSync(fileURLToPath(new URL('../src/index.ts', import.meta.url)), 'utf8')
    const reexported = [
      ...index.matchAll(/\btype (\w+)/g),
      ...[...index.matchAll(/^export type \{([^}]*)\}/gm)].flatMap((match) => [
        ...(match[1] ?? '').matchAll(/(\w+)/g)
      ])
    ]
      .map((match) => match[1] ?? '')
      .filter((name) => name !== 'type')
    expect(reexported.length).toBeGreaterThan(5)
    for (const name of reexported)
      expect(listed, `${name} is not listed under "## TypeScript types"`).toContain(`\`${name}\``)
  })

  test('the complete example is what the parser makes of its sources', () => {
    const source = (file: string): string => {
      const block = blocks.find((item) => item.attributes['file'] === file)
      expect(block, `no block with file=${file}`).toBeDefined()
      return block?.text ?? ''
    }
    const {tree, messages} = parseWork({
      meta: source('work.yaml'),
      files: {kk: source('kk.md'), en: source('en.md')},
      glossary: source('glossary.yaml'),
      path: 'content/sample'
    })
    expect(messages).toEqual([])
    const complete = examples.find((example) => example.name === 'completeExample')
    expect(JSON.parse(toJson(tree))).toEqual(JSON.parse(complete?.text ?? 'null'))
  })
})

function interfaceOf(literal: string): string {
  const found = [...typeLiterals.entries()].find(([, value]) => value === literal)
  return found?.[0] ?? literal
}
