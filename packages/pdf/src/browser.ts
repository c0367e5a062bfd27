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
import {rm} from 'node:fs/promises'
import {onCleanup} from '@diglot/core'
import puppeteer, {type Browser, type Page} from 'puppeteer'

/** Launch Chromium with `args` over a pipe; it is closed (or killed) on SIGINT/SIGTERM. */
export async function launchGuardedBrowser(args: readonly string[]): Promise<Browser> {
  const browser = await puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: [...args],
    headless: true,
    pipe: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 600_000
  })
  const child = browser.process()
  const profile = child?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
  const unregister = onCleanup(async () => {
    // Killed outright: a graceful close can wait on a page that is busy paginating.
    child?.kill('SIGKILL')
    await browser.close().catch(() => {})
    if (profile) await rm(profile, {recursive: true, force: true}).catch(() => {})
  })
  browser.once('disconnected', unregister)
  return browser
}

/**
 * Let `page` reach `origin` (the build's server) and `data:`/`blob:` URLs only;
 * every other request is aborted and its URL handed to `blocked`.
 */
export async function guardRequests(page: Page, origin: string, blocked: (url: string) => void): Promise<void> {
  const allowed = new URL(origin).origin
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
