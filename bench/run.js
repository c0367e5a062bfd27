#!/usr/bin/env node
/**
 * `pnpm bench`: every benchmark suite, each against its baseline in the same
 * run, written to BENCHMARKS.md with the command that produced it.
 *
 *   node bench/run.js [suite …]
 *
 * Default suites: process (whole commands against pandoc and a bare print),
 * watch, scaling, core. Also available: html, epub, pdf (the editions
 * in-process, warm). BENCH_RUNS=0.5 halves every run count (a quick look);
 * BENCH_NOTE adds a paragraph under the header (e.g. on the machine's load).
 */
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const started = performance.now()
const all = ['process', 'watch', 'scaling', 'core']
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all
const file = process.env['BENCH_OUT'] ?? fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url))
const sections = []
for (const name of chosen) {
  const suite = await import(`./${name}.bench.js`)
  process.stderr.write(`bench: ${name}…\n`)
  sections.push(await suite.run())
  // Written after each suite, so that a stopped run keeps what it measured.
  await writeFile(file, `${header(sections.length < chosen.length)}\n${sections.join('\n')}`)
}
process.stdout.write(`${header(false)}\n${sections.join('\n')}`)

function header(partial) {
  const minutes = (performance.now() - started) / 60_000
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')
  return `# Benchmarks

Produced by \`npx -y pnpm@10.34.9 bench\` (that is, \`node bench/run.js ${chosen.join(' ')}\` after building
and bundling the command), on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${os.platform()}.
This run took ${minutes.toFixed(1)} minutes${partial ? ' so far' : ''}; the load average at its end was ${load} (other work shares this machine, which is why
every comparison alternates its subjects within one run and reports medians).
Targets come from the issues.${process.env['BENCH_NOTE'] ? `\n\n${process.env['BENCH_NOTE']}` : ''}${partial ? `\n\n**Partial: the run was stopped after ${sections.length} of ${chosen.length} suites (${chosen.slice(sections.length).join(', ')} missing).**` : ''}
`
}
