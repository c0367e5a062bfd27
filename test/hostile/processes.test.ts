/**
 * The PDF step as a process: what it may fetch, and what is left when it is
 * interrupted. These spawn the built `diglot` (build first: `npx tsc -b packages/cli`),
 * because a process, its signals and its Chromium are what is tested.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  mkdirSync
} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {copyShippedTemplates, listFiles, repoRoot} from './harness.js'

const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js')
const made: string[] = []

afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

/** A folder with the sample content (and, when asked, the templates beside it). */
function workspace(templates = false): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-hostile-process-')))
  made.push(dir)
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'content'), path.join(dir, 'content'), {
    recursive: true
  })
  if (templates) copyShippedTemplates(path.join(dir, 'templates'))
  return dir
}

function start(
  args: string[],
  cwd: string
): {
  child: ChildProcess
  done: Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>
} {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: {...process.env, CI: '1'},
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdout?.resume()
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>(
    (resolve) => child.on('close', (code, signal) => resolve({code, signal, stderr}))
  )
  return {child, done}
}

/** A logger on 127.0.0.1 that records every request it gets. */
let logger: Server
let loggerUrl = ''
let localhostUrl = ''
const requests: string[] = []
beforeAll(async () => {
  logger = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.end('logged')
  })
  await new Promise<void>((resolve) => logger.listen(0, '127.0.0.1', resolve))
  loggerUrl = `http://127.0.0.1:${(logger.address() as AddressInfo).port}`
  localhostUrl = `http://localhost:${(logger.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => logger.close(() => resolve()))
})

describe('no request leaves the build', () => {
  it('a remote image in the content is refused before any edition is made: no request', async () => {
    const dir = workspace()
    appendFileSync(
      path.join(dir, 'content', 'sample', 'en.md'),
      `\n[^ed-9]: ![chart](${loggerUrl}/content-image.png)\n`
    )
    const before = requests.length
    const {done} = start(['build', 'content', '--out', 'out'], dir)
    const {code, stderr} = await done
    expect(stderr).toContain(`image \`${loggerUrl}/content-image.png\` is refused`)
    expect(code).toBe(1)
    expect(requests.slice(before)).toEqual([])
    expect(listFiles(path.join(dir, 'out'))).toEqual([])
  })

  it('a hostile template (image, style sheet, script, CSS background) makes no request; each is blocked and reported', async () => {
    const dir = workspace(true)
    const template = path.join(dir, 'templates', 'pdf', 'template.html')
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        '<body class="{{bodyClass}}">',
        `<link rel="stylesheet" href="${loggerUrl}/template.css"><script src="${loggerUrl}/template.js"></script><body class="{{bodyClass}}"><img src="${loggerUrl}/template.png" alt=""><img src="${localhostUrl}/by-name.png" alt="">`
      )
    )
    // print.css is the style sheet of the columns layout, facing.css of facing pages (the sample's).
    for (const sheet of ['print.css', 'facing.css'])
      appendFileSync(
        path.join(dir, 'templates', 'pdf', sheet),
        `\nbody { background-image: url("${loggerUrl}/background.png"); }\n`
      )
    const before = requests.length
    const {done} = start(['build', 'content', '--format', 'pdf', '--out', 'out'], dir)
    const {code, stderr} = await done
    expect(requests.slice(before)).toEqual([])
    expect(stderr).toContain(
      `diglot build: using the templates in ${path.join(dir, 'templates')} (beside the content)`
    )
    for (const file of ['template.png', 'template.css', 'template.js', 'background.png']) {
      expect(stderr).toContain(
        `sample.pdf:1:1: warning: the page asked for ${loggerUrl}/${file}, which was blocked`
      )
    }
    // The same machine by name, on another port than the build's server.
    expect(stderr).toContain(
      `sample.pdf:1:1: warning: the page asked for ${localhostUrl}/by-name.png, which was blocked`
    )
    expect(code).toBe(0)
    expect(existsSync(path.join(dir, 'out', 'sample.pdf'))).toBe(true)
  })
})

/** Pids of the processes descended from `pid`, with their command lines. */
function descendants(pid: number): Array<{pid: number; cmd: string}> {
  const parents = new Map<number, number>()
  const commands = new Map<number, string>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(entry), ppid)
      commands.set(
        Number(entry),
        readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ')
      )
    } catch {
      // The process ended while we looked.
    }
  }
  const result: Array<{pid: number; cmd: string}> = []
  const queue = [pid]
  while (queue.length > 0) {
    const parent = queue.shift() as number
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        result.push({pid: child, cmd: commands.get(child) ?? ''})
        queue.push(child)
      }
    }
  }
  return result
}

function running(pid: number): boolean {
  try {
    // A zombie is gone for our purpose: it holds no resources and runs nothing.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return undefined
}

describe('interrupting the PDF step', () => {
  it.each([
    ['SIGKILL', null],
    ['SIGTERM', 143],
    ['SIGINT', 130]
  ] as const)('%s leaves no Chromium and no partial file', async (signal, expectedCode) => {
    const dir = workspace()
    const {child, done} = start(['build', 'content', '--format', 'pdf', '--out', 'out'], dir)
    const pid = child.pid as number
    // Wait until Chromium is up and has a page (the PDF step has begun).
    const browsers = await waitFor(() => {
      const found = descendants(pid).filter((proc) => /chrom/i.test(proc.cmd))
      return found.some((proc) => proc.cmd.includes('--type=renderer')) ? found : undefined
    }, 90_000)
    expect(browsers, 'Chromium started').toBeDefined()
    const profile = /--user-data-dir=(\S+)/.exec(
      browsers?.map((proc) => proc.cmd).join(' ') ?? ''
    )?.[1]
    child.kill(signal)
    const {code, stderr} = await done
    const left = await waitFor(() => {
      const alive = (browsers ?? []).filter((proc) => running(proc.pid))
      return alive.length === 0 ? [] : undefined
    }, 15_000)
    expect(
      left,
      `Chromium processes left: ${(browsers ?? [])
        .filter((proc) => running(proc.pid))
        .map((proc) => proc.pid)
        .join(', ')}`
    ).toEqual([])
    const pdfs = listFiles(path.join(dir, 'out')).filter((file) => file.endsWith('.pdf'))
    expect(pdfs).toEqual([])
    if (expectedCode !== null) {
      // Quiet: no message, no stack trace; the browser's profile and the staging folder are removed.
      expect(stderr).toBe('')
      expect(code).toBe(expectedCode)
      expect(
        listFiles(path.join(dir, 'out')).filter((file) => file.includes('.diglot-staging'))
      ).toEqual([])
      if (profile) expect(existsSync(profile), `profile ${profile}`).toBe(false)
    } else {
      // The next build clears the staging folder a killed build left.
      mkdirSync(path.join(dir, 'out'), {recursive: true})
      const again = start(['build', 'content', '--format', 'html', '--out', 'out'], dir)
      expect((await again.done).code).toBe(0)
      expect(
        listFiles(path.join(dir, 'out')).filter((file) => file.includes('.diglot-staging'))
      ).toEqual([])
      if (profile) rmSync(profile, {recursive: true, force: true})
    }
  })
})
