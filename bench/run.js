#!/usr/bin/env node
/**
 * `pnpm bench`: every benchmark suite, each against its baseline in the same
 * run, written to BENCHMARKS.md with the command that produced it.
 *
 *   node bench/run.js [suite …]      (suites: core, html, epub, pdf)
 */
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import {fileURLToPath} from 'node:url'

const all = ['core', 'html', 'epub', 'pdf']
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all
const sections = []
for (const name of chosen) {
  const suite = await import(`./${name}.bench.js`)
  process.stderr.write(`bench: ${name}…\n`)
  sections.push(await suite.run())
}

const header = `# Benchmarks

Produced by \`npx -y pnpm@10.34.9 bench\` (that is, \`node bench/run.js ${chosen.join(' ')}\` after building),
on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${os.platform()}.
Each figure is the median wall time of the runs shown; each subject is measured against its
baseline in the same run, on the same input. Targets come from the issues.
`
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url))
await writeFile(file, `${header}\n${sections.join('\n')}`)
process.stdout.write(`${header}\n${sections.join('\n')}`)
