/**
 * Chromium for the PDF step, kept on a short leash:
 * - it talks to us over a pipe, so it exits when the build's process does,
 *   even after SIGKILL (a WebSocket-connected Chromium would live on);
 * - puppeteer's own signal handlers are off: on SIGINT/SIGTERM the CLI runs the
 *   cleanup registered here (close, else kill, and remove the profile folder);
 * - `guardRequests` has Chromium block every request of a page but those to
 *   the build's own server on 127.0.0.1 (and `data:`/`blob:` URLs); anything
 *   else, a remote image in a template, say, is blocked and reported.
 */
import type {ChildProcess} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {onCleanup} from '@diglot/core'
import puppeteer, {type Browser, type Page, type PDFOptions} from 'puppeteer'

/** How every layout prints: the page size of the CSS, backgrounds, tags and bookmarks (the outline). */
export const printOptions: PDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  timeout: 300_000
}

/** The Chromium used when none is given: `PUPPETEER_EXECUTABLE_PATH`, else Debian's `/usr/bin/chromium`. */
export function defaultChromiumPath(): string {
  return process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium'
}

/** Launch Chromium (`executablePath`, default `defaultChromiumPath()`) with `args` over a pipe; it is killed (and its profile removed) on SIGINT/SIGTERM. */
async function launchGuardedBrowser(
  args: readonly string[],
  executablePath = defaultChromiumPath()
): Promise<Browser> {
  // Our own profile folder, registered for removal before Chromium starts: a signal
  // may come while it is starting.
  const profile = await mkdtemp(path.join(tmpdir(), 'diglot-chromium-'))
  const removeProfile = (): Promise<void> =>
    rm(profile, {recursive: true, force: true, maxRetries: 5, retryDelay: 100}).catch(() => {})
  let child: ChildProcess | null = null
  let launched: () => void = () => {}
  const started = new Promise<void>((resolve) => {
    launched = resolve
  })
  const unregister = onCleanup(async () => {
    // A signal while Chromium starts: wait (briefly) for it, so that it is killed before its
    // profile is removed (else it writes the profile again as it starts).
    if (child === null)
      await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 3000))])
    // Killed outright, with its helpers (puppeteer starts it as its own process group):
    // a graceful close can wait on a page that is busy paginating.
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))])
    }
    await removeProfile()
  })
  let browser: Browser
  try {
    browser = await puppeteer.launch({
      executablePath,
      args: [...args],
      userDataDir: profile,
      headless: true,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: 600_000
    })
  } catch (error) {
    launched()
    unregister()
    await removeProfile()
    throw error
  }
  child = browser.process()
  launched()
  // Puppeteer removes only the profiles it made: this one goes when Chromium has exited.
  child?.once('exit', () => {
    unregister()
    void removeProfile()
  })
  return browser
}

/**
 * Let `page` reach `origin` (the build's server) and `data:`/`blob:` URLs only;
 * every other request is blocked by Chromium itself and its URL handed to
 * `blocked`. (Not puppeteer's request interception: that stops each request
 * until this process answers, and this process is busy with the other
 * editions while the pages load; it also turns the cache off.)
 */
async function guardRequests(
  page: Page,
  origin: string,
  blocked: (url: string) => void
): Promise<void> {
  const allowed = new URL(origin).origin
  // A style sheet from elsewhere is blocked, but its <link> would still make Paged.js
  // fail (its rules cannot be read): such links are taken out as the page is parsed.
  await page.evaluateOnNewDocument((own: string) => {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (
            node instanceof HTMLLinkElement &&
            node.href !== '' &&
            new URL(node.href, location.href).origin !== own
          )
            node.remove()
        }
      }
    }).observe(document, {childList: true, subtree: true})
  }, allowed)
  const session = await page.createCDPSession()
  const urls = new Map<string, string>()
  session.on('Network.requestWillBeSent', (event) => {
    urls.set(event.requestId, event.request.url)
  })
  session.on('Network.loadingFailed', (event) => {
    // (`inspector`: blocked by the patterns below.)
    if (event.blockedReason === 'inspector') blocked(urls.get(event.requestId) ?? '(unknown)')
  })
  await session.send('Network.enable')
  // The first pattern that matches decides (URLPattern syntax): `data:` and `blob:` URLs and
  // the build's server pass; any URL with a host (every network scheme) and local files are
  // blocked. `urls: ['*']` blocks everything the patterns do not decide, and everything on a
  // Chromium too old to know the patterns: such a build fails to load its page, it does not
  // load what it should not.
  await session.send('Network.setBlockedURLs', {
    urls: ['*'],
    urlPatterns: [
      {urlPattern: 'data:*', block: false},
      {urlPattern: 'blob:*', block: false},
      {urlPattern: `${allowed}/*`, block: false},
      {urlPattern: '*://*:*/*', block: true},
      {urlPattern: 'file:///*', block: true}
    ]
  })
}

/** A page of the build, its requests guarded (`guardRequests`); the URLs it was refused, in order. */
export interface GuardedPage {
  page: Page
  blocked: string[]
}

/**
 * Open a page that may reach only `origin` (the build's server): opened
 * before its document is composed, so that Chromium has it ready.
 */
export async function openGuardedPage(browser: Browser, origin: string): Promise<GuardedPage> {
  const page = await browser.newPage()
  const blocked: string[] = []
  try {
    await guardRequests(page, origin, (url) => blocked.push(url))
  } catch (error) {
    await page.close().catch(() => {})
    throw error
  }
  return {page, blocked}
}

/** Chromium flags for headless printing here. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-crash-reporter',
  '--disable-breakpad',
  '--font-render-hinting=none'
]

/** Launch Chromium (never a downloaded browser): `executablePath`, default `PUPPETEER_EXECUTABLE_PATH` or Debian's `/usr/bin/chromium`. */
export async function launchBrowser(executablePath?: string): Promise<Browser> {
  // Over a pipe, without puppeteer's signal handlers, killed on SIGINT/SIGTERM.
  return launchGuardedBrowser(chromiumArgs, executablePath)
}
