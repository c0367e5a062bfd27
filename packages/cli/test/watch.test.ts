/**
 * `diglot build --watch` and `diglot preview` as an editor uses them: save a
 * paragraph, see it in the rebuilt HTML; save a mistake, read the message,
 * fix it, see the fix. On a copy of the real content (both works).
 *
 * The latency asserted here is generous (the machine runs other tests at
 * the same time); `pnpm bench` (the watch suite) measures it quietly.
 */
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bundle, removeBundle, repoRoot, runCommand, startCommand, type Running} from './bundled.js'

let bin = ''
beforeAll(async () => {
  bin = await bundle()
})
afterAll(async () => {
  await removeBundle(bin)
})

/** A fresh copy of content/ and templates/. */
function copy(): {content: string; out: string} {
  const root = mkdtempSync(path.join(tmpdir(), 'diglot-watch-'))
  cpSync(path.join(repoRoot, 'content'), path.join(root, 'content'), {recursive: true})
  cpSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'), {recursive: true})
  return {content: path.join(root, 'content'), out: path.join(root, 'dist')}
}

/** Resident memory of a process, in KB (Linux). */
function rss(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0)
}

/** Replace the first long paragraph line of a Markdown file with `edit(line)`. */
function editParagraph(file: string, original: string, edit: (line: string) => string): void {
  const lines = original.split('\n')
  const index = lines.findIndex((line) => /^[A-Z]/.test(line) && line.length > 80)
  lines[index] = edit(lines[index] as string)
  writeFileSync(file, lines.join('\n'))
}

/** Wait until `file` contains `text`; returns the time it took (ms). */
async function appears(file: string, text: string, timeoutMs = 30_000): Promise<number> {
  const started = performance.now()
  for (;;) {
    let html = ''
    try {
      html = readFileSync(file, 'utf8')
    } catch {}
    if (html.includes(text)) return performance.now() - started
    if (performance.now() - started > timeoutMs)
      throw new Error(`${text} did not appear in ${file}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('diglot build --watch', () => {
  let running: Running | undefined
  afterAll(async () => {
    await running?.stop()
  })

  it('rebuilds a saved paragraph into the HTML, 20 times in a row with steady memory, and survives a source error', async () => {
    const {content, out} = copy()
    running = startCommand(bin, ['build', content, '--watch', '--format', 'html', '--out', out])
    await running.waitFor(/^watching /)
    const page = path.join(out, 'harmonious-world', 'index.html')
    const en = path.join(content, 'harmonious-world', 'en.md')
    const original = readFileSync(en, 'utf8')

    const latencies: number[] = []
    const memory: number[] = []
    for (let edit = 1; edit <= 20; edit++) {
      const from = running.lines.length
      editParagraph(en, original, (line) => `${line} Edit${edit}marker.`)
      latencies.push(await appears(page, `Edit${edit}marker.`))
      // One line per rebuild, with its time; only the edited work's page was made again.
      expect(await running.waitFor(/ rebuilt /, from)).toMatch(
        /^\d\d:\d\d:\d\d rebuilt html \(harmonious-world\) in \d+\.\d\d s$/
      )
      memory.push(rss(running.child.pid as number))
    }
    latencies.sort((a, b) => a - b)
    const median = latencies[10] as number
    expect(
      median,
      `latencies (ms): ${latencies.map((ms) => ms.toFixed(0)).join(' ')}`
    ).toBeLessThan(1500)
    // Memory: the last five rebuilds against the first five (after the first, which warms up).
    const average = (list: number[]): number =>
      list.reduce((sum, value) => sum + value, 0) / list.length
    const early = average(memory.slice(1, 6))
    const late = average(memory.slice(15))
    expect(late / early, `RSS (KB): ${memory.join(' ')}`).toBeLessThan(1.1)

    // A mistake: the message with its place, the old page stays, and the watch goes on.
    const from = running.lines.length
    editParagraph(en, original, (line) => `${line}\n\n<div>raw</div>`)
    await running.waitFor(/waiting for the next save/, from)
    expect(running.lines.slice(from).join('\n')).toMatch(
      /harmonious-world\/en\.md:\d+:\d+: .*\[[a-z-]+\]/
    )
    expect(readFileSync(page, 'utf8')).toContain('Edit20marker.')
    // The next good save is rebuilt.
    const fixed = running.lines.length
    editParagraph(en, original, (line) => `${line} Fixedmarker.`)
    await appears(page, 'Fixedmarker.')
    await running.waitFor(/ rebuilt /, fixed)
    expect(running.child.exitCode).toBe(null)
    // SIGTERM ends watching as it ends any command: cleanups run, then exit 143 (signals.ts).
    expect(await running.stop()).toBe(143)
    running = undefined

    // What the watch wrote, page by page, is what a fresh build writes.
    const fresh = await runCommand(bin, [
      'build',
      content,
      '--format',
      'html',
      '--out',
      `${out}-fresh`
    ])
    expect(fresh.code, fresh.stderr).toBe(0)
    for (const file of [
      'index.html',
      'glossary/index.html',
      'harmonious-world/index.html',
      'world-dream/index.html',
      'assets/fonts.css'
    ]) {
      expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(
        readFileSync(path.join(`${out}-fresh`, file), 'utf8')
      )
    }
  })
})

describe('diglot preview', () => {
  it('serves the HTML edition on 127.0.0.1 and tells open pages to reload after a save', async () => {
    const {content, out} = copy()
    const preview = startCommand(bin, ['preview', content, '--out', out, '--port', '0'])
    try {
      const line = await preview.waitFor(/^serving .* at http:\/\/127\.0\.0\.1:\d+\//)
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1] as string
      await preview.waitFor(/^watching /)
      const page = await fetch(new URL('harmonious-world/', url))
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('</html>')
      expect(html).toContain('/__diglot/events')
      // The file on disk is the edition as built, without the reload script.
      expect(readFileSync(path.join(out, 'harmonious-world', 'index.html'), 'utf8')).not.toContain(
        '/__diglot/events'
      )
      expect((await fetch(new URL('../../etc/passwd', url))).status).toBe(404)

      const events = await fetch(new URL('__diglot/events', url))
      const reader = (events.body as ReadableStream<Uint8Array>).getReader()
      await reader.read()
      const en = path.join(content, 'harmonious-world', 'en.md')
      editParagraph(en, readFileSync(en, 'utf8'), (text) => `${text} Previewmarker.`)
      let received = ''
      while (!received.includes('event: reload')) {
        const chunk = await reader.read()
        if (chunk.done) break
        received += new TextDecoder().decode(chunk.value)
      }
      expect(received).toContain('event: reload')
      await reader.cancel()
      expect(await (await fetch(new URL('harmonious-world/', url))).text()).toContain(
        'Previewmarker.'
      )
    } finally {
      expect(await preview.stop()).toBe(143)
    }
  })
})
