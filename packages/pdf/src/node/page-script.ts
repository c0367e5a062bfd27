/**
 * The print page's script (`page/`, bundled into `dist/diglot-page.js` by
 * `scripts/bundle-page.js`): read once, injected into each print page, where
 * it installs `window.diglot`.
 */
import {readFile} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import type {Page} from 'puppeteer'

// (From src/node/ and from dist/node/ alike: the bundle is in the package's dist/.)
const scriptUrl = new URL('../../dist/diglot-page.js', import.meta.url)
let script: Promise<string> | undefined

/** The page script's source. */
function pageScript(): Promise<string> {
  script ??= readFile(scriptUrl, 'utf8').catch((error: unknown) => {
    script = undefined
    throw new Error(
      `the print page's script is missing (${fileURLToPath(scriptUrl)}): run \`pnpm build\` (or node packages/pdf/scripts/bundle-page.js)`,
      {cause: error}
    )
  })
  return script
}

/** Install `window.diglot` in `page` (after each navigation). */
export async function injectPageScript(page: Page): Promise<void> {
  await page.addScriptTag({content: await pageScript()})
}

/**
 * Install `window.diglot` in every document `page` loads from now on, before
 * the document's own scripts run (so that what the page does on `load` needs
 * nothing from this process).
 */
export async function injectPageScriptOnLoad(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(await pageScript())
}
