import {describe, expect, it} from 'vitest'
import {alignmentsOf, fromJson, SPEC_VERSION, toJson, works} from '../src/index.js'
import {parse, sampleGlossary} from './helpers.js'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fixturesDir} from './helpers.js'

const sample = (lang: string): string =>
  readFileSync(path.join(fixturesDir, 'content', 'sample', `${lang}.md`), 'utf8')

describe('JSON', () => {
  const {tree} = parse({kk: sample('kk'), en: sample('en')}, {glossary: sampleGlossary})

  it('round-trips: fromJson(toJson(tree)) is the tree without positions', () => {
    const text = toJson(tree)
    const back = fromJson(text)
    expect(toJson(back)).toBe(text)
    expect(back).toEqual(
      JSON.parse(
        JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value))
      )
    )
  })

  it('carries the spec version', () => {
    expect(JSON.parse(toJson(tree))).toMatchObject({type: 'root', specVersion: SPEC_VERSION})
    expect(SPEC_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('drops positions unless asked to keep them', () => {
    expect(toJson(tree)).not.toContain('"position"')
    const kept = fromJson(toJson(tree, {positions: true}))
    // The first alignment is the heading on line 1 of both files.
    const [heading] = alignmentsOf(works(kept)[0]!)
    expect(heading!.children.map((segment) => segment.position?.start.line)).toEqual([1, 1])
  })

  it('reads a tree of the same major version, and rejects another major', () => {
    const [major, minor] = SPEC_VERSION.split('.').map(Number) as [number, number]
    const withVersion = (version: string): string => toJson({...tree, specVersion: version})
    expect(fromJson(withVersion(`${major}.${minor + 1}.0`)).specVersion).toBe(
      `${major}.${minor + 1}.0`
    )
    expect(() => fromJson(withVersion(`${major + 1}.0.0`))).toThrow(TypeError)
    expect(() => fromJson(withVersion(`${major + 1}.0.0`))).toThrow(String(major + 1))
    if (major > 0) expect(() => fromJson(withVersion(`${major - 1}.9.0`))).toThrow(TypeError)
  })

  it('rejects JSON that is not a Diglot tree', () => {
    expect(() => fromJson('{"type": "root", "children": []}')).toThrow(TypeError)
    expect(() => fromJson('{"type": "work", "specVersion": "1.0.0"}')).toThrow(TypeError)
  })
})
