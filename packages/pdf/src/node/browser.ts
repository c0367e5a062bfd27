/**
 * Chromium for the PDF step, kept on a short leash:
 * - it talks to us over a pipe, so it exits when the build's process does,
 *   even after SIGKILL (a WebSocket-connected Chromium would live on);
 * - puppeteer's own signal handlers are off: on SIGINT/SIGTERM the CLI runs the
 *   cleanup registered here (close, else kill, and remove the profile folder);
 * - every request a page makes goes through `guardRequests`: only the build's
 *   own server on 127.0.0.1 (and `data:`/`blob:` URLs) is reached; anything else,
 *   a remote image in a template, say, is blocked and reported.
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
 * every other request is aborted and its URL handed to `blocked`.
 */
export async function guardRequests(
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
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return
    const url = request.url()
    let ok = url.startsWith('data:') || url.startsWith('blob:')
    if (!ok) {
      try {
        ok = new URL(url).origin === allowed
      } catch {
        ok = false
      }
    }
    if (ok) void request.continue().catch(() => {})
    else {
      blocked(url)
      void request.abort('blockedbyclient').catch(() => {})
    }
  })
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
