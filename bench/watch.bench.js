/**
 * `diglot build --watch --format html`: from the moment a paragraph is saved
 * to the moment the rebuilt page on disk holds it, and resident memory over
 * 20 saves in a row, for each work of the real content.
 */
import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {contentDir, diglot, seconds, templatesDir} from './process.js'

const rss = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)

async function appears(file, text) {
  const started = performance.now()
  for (;;) {
    const html = await readFile(file, 'utf8').catch(() => '')
    if (html.includes(text)) return performance.now() - started
    if (performance.now() - started > 60_000) throw new Error(`${text} never appeared in ${file}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

export async function run() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-watch-'))
  await cp(contentDir, path.join(root, 'content'), {recursive: true})
  await cp(templatesDir, path.join(root, 'templates'), {recursive: true})
  const out = path.join(root, 'dist')
  const child = spawn(
    process.execPath,
    [diglot, 'build', path.join(root, 'content'), '--watch', '--format', 'html', '--out', out],
    {env: {...process.env, CI: '1'}, stdio: ['ignore', 'ignore', 'pipe']}
  )
  let stderr = ''
  await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (/^watching /m.test(stderr)) resolve()
    })
    child.on('close', () => reject(new Error(`watch exited:\n${stderr}`)))
  })
  const rows = []
  try {
    for (const [work, lang] of [
      ['harmonious-world', 'en'],
      ['world-dream', 'en']
    ]) {
      process.stderr.write(`bench: watch: ${work}…\n`)
      const file = path.join(root, 'content', work, `${lang}.md`)
      const page = path.join(out, work, 'index.html')
      const original = await readFile(file, 'utf8')
      const lines = original.split('\n')
      const index = lines.findIndex((line) => /^[A-Z]/.test(line) && line.length > 80)
      const times = []
      const memory = []
      for (let edit = 1; edit <= 20; edit++) {
        const marker = `Bench${work.replace(/-/g, '')}${edit}mark.`
        const changed = [...lines]
        changed[index] = `${lines[index]} ${marker}`
        await writeFile(file, changed.join('\n'))
        times.push(await appears(page, marker))
        // (Let the rebuild finish writing the other pages before the next save.)
        await new Promise((resolve) => setTimeout(resolve, 150))
        memory.push(rss(child.pid))
      }
      const sorted = [...times].sort((a, b) => a - b)
      rows.push(
        `| one paragraph of \`${work}/${lang}.md\` | ${seconds(sorted[10])} | ${seconds(sorted[0])}–${seconds(sorted[19])} | ${(memory[0] / 1024).toFixed(0)} → ${(memory[19] / 1024).toFixed(0)} MB (${(((memory[19] - memory[0]) / memory[0]) * 100).toFixed(1)} %), max ${(Math.max(...memory) / 1024).toFixed(0)} MB | 20 |`
      )
      await writeFile(file, original)
      await appears(page, lines[index].slice(-20).replace(/[*_]/g, ''))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.on('close', resolve))
    await rm(root, {recursive: true, force: true})
  }
  return `## Watch: a saved paragraph in the rebuilt HTML

\`diglot build content --watch --format html\` on a copy of the real content (both works),
then 20 saves in a row of one paragraph of a work: the time from the end of the file's
write to the moment the work's page on disk holds the new text (polled every 2 ms), and
the resident memory (RSS) of the watching process after each rebuild.
Target: ≤ 0.3 s; memory stable within 10 %.

| save | median | range | RSS, first → 20th save | saves |
|---|---|---|---|---|
${rows.join('\n')}
`
}
