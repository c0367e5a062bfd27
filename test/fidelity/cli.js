#!/usr/bin/env node
// Usage: node test/fidelity/cli.js content/<work> [content/<work2> …] [--window=400] [--all]
// Prints, per work, a summary and every unaccounted seed word as `seed:LINE: "word" (stream)`,
// grouped by seed line with the line's text for context. Exit code 1 if any word is unaccounted,
// any furniture word is missing from its metadata file, or fidelity.yaml has errors.

import {readFileSync, readdirSync, existsSync} from 'node:fs'
import path from 'node:path'
import {checkFidelity} from './fidelity.js'

/** @param {string} s @param {number} max */
function trimTo(s, max) {
  s = s.trim().replace(/\s+/g, ' ')
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

const args = process.argv.slice(2)
/** @type {import('./fidelity.js').FidelityOptions} */
const options = {}
/** @type {string[]} */
const dirs = []
for (const a of args) {
  const m = /^--window=(\d+)$/.exec(a)
  if (m) options.window = Number(m[1])
  else if (a === '--all') {
    const root = 'content'
    if (existsSync(root)) {
      for (const d of readdirSync(root).sort()) {
        if (existsSync(path.join(root, d, 'fidelity.yaml'))) dirs.push(path.join(root, d))
      }
    }
  } else if (a === '-h' || a === '--help') {
    console.log(
      'usage: node test/fidelity/cli.js content/<work> [content/<work2> …] [--window=N] [--all]'
    )
    process.exit(0)
  } else dirs.push(a)
}
if (dirs.length === 0) {
  console.error(
    'usage: node test/fidelity/cli.js content/<work> [content/<work2> …] [--window=N] [--all]'
  )
  process.exit(2)
}

let failed = false
for (const dir of dirs) {
  let r
  try {
    const t0 = performance.now()
    r = checkFidelity(dir, options)
    const ms = Math.round(performance.now() - t0)
    const seedRel = path.relative(process.cwd(), r.seedPath)
    const mdRel = path.relative(process.cwd(), r.markdownPath)
    const bad = r.unaccounted.length + r.notAccountedInMeta.length + r.configErrors.length
    if (bad) failed = true
    console.log(
      `${bad ? '✗' : '✓'} ${r.work}: ${seedRel} → ${mdRel}: ${r.seedWords} seed words ` +
        `(body ${r.streamWords.body}, notes ${r.streamWords.notes}; ${r.furnitureWords} furniture words removed), ` +
        `${r.unaccounted.length} unaccounted, ${r.notAccountedInMeta.length} not in metadata (${ms} ms)`
    )
    for (const e of r.configErrors) console.log(`  fidelity.yaml error: ${e}`)
    for (const w of r.warnings) console.log(`  warning: ${w}`)

    const seedLines = readFileSync(r.seedPath, 'utf8').replace(/\r\n?/g, '\n').split('\n')
    /** @param {Array<{word: string, line: number}>} list @param {(x: any) => string} tag */
    const printGrouped = (list, tag) => {
      let lastLine = -1
      const flush = () => {
        if (lastLine < 0) return
        console.log(`      | ${trimTo(seedLines[lastLine - 1] ?? '', 100)}`)
      }
      for (const u of list) {
        if (u.line !== lastLine) {
          flush()
          lastLine = u.line
        }
        console.log(`${seedRel}:${u.line}: "${u.word}" (${tag(u)})`)
      }
      flush()
    }
    printGrouped(r.unaccounted, (u) => u.stream)
    printGrouped(r.notAccountedInMeta, (u) => `not in ${u.accountedIn}`)
  } catch (err) {
    failed = true
    console.log(`✗ ${dir}: ${err instanceof Error ? err.message : String(err)}`)
  }
}
process.exit(failed ? 1 : 0)
