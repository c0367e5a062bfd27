/**
 * The HTML edition of the real content in real headless Chromium: builds into
 * a temporary folder, then checks what a reader gets.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import puppeteer, {type Browser, type Page} from 'puppeteer'
import {AxePuppeteer} from '@axe-core/puppeteer'
import {hasErrors, readContent, works} from '../../packages/core/dist/index.js'
import {buildHtml} from '../../packages/html/dist/index.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)

let outDir = ''
let browser: Browser
let workIds: string[] = []
let htmlFiles: string[] = []

beforeAll(async () => {
  const {tree, messages} = await readContent(path.join(repo, 'content'))
  expect(hasErrors(messages)).toBe(false)
  outDir = await mkdtemp(path.join(tmpdir(), 'diglot-html-'))
  const result = await buildHtml(tree, {outDir, templatesDir: path.join(repo, 'templates'), sourceDateEpoch: 1_700_000_000, progress: () => {}})
  workIds = works(tree).map((work) => work.id)
  htmlFiles = result.files.filter((file) => file.endsWith('.html'))
  browser = await puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
})

afterAll(async () => {
  await browser?.close()
  if (outDir) await rm(outDir, {recursive: true, force: true})
})

function url(file: string, query = ''): string {
  return pathToFileURL(path.join(outDir, file)).href + query
}

/** Open a page; collect console errors and failed requests. */
async function open(file: string, width: number, options: {query?: string; js?: boolean} = {}): Promise<{page: Page; errors: string[]}> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`))
  await page.setJavaScriptEnabled(options.js ?? true)
  await page.setViewport({width, height: 900})
  await page.goto(url(file, options.query ?? ''), {waitUntil: 'load'})
  if (options.js ?? true) {
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {page, errors}
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).options({preload: false}).analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`)
}

describe('html edition', () => {
  it('validates with vnu: 0 errors on every page', async () => {
    const jar = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar')
    const files = htmlFiles.map((file) => path.join(outDir, file))
    const {stderr} = await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files]).catch((error: {stderr: string}) => ({stderr: error.stderr}))
    const messages = (JSON.parse(stderr || '{"messages":[]}') as {messages: Array<{type: string; message: string; url: string; lastLine?: number}>}).messages
    expect(messages.filter((message) => message.type === 'error').map((message) => `${path.basename(path.dirname(message.url))}:${message.lastLine}: ${message.message}`)).toEqual([])
  })

  it('writes a page per work, the list of works and the glossary', () => {
    expect(htmlFiles).toContain('index.html')
    expect(htmlFiles).toContain('glossary/index.html')
    for (const id of workIds) expect(htmlFiles).toContain(`${id}/index.html`)
  })

  for (const width of [1280, 375]) {
    it(`has no axe violations and no console errors at ${width} px`, async () => {
      // Pages in parallel tabs of the one browser.
      await Promise.all(
        htmlFiles.map(async (file) => {
          const {page, errors} = await open(file, width)
          expect(errors, file).toEqual([])
          if (width === 375) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            expect(overflow, `horizontal scroll on ${file}`).toBeLessThanOrEqual(0)
          }
          expect(await axe(page), `${file} at ${width}`).toEqual([])
          await page.close()
        })
      )
    })
  }

  it('aligns paired paragraph tops within 2 px and never overlaps sidenotes at 1280 px', async () => {
    for (const id of workIds) {
      const {page} = await open(`${id}/index.html`, 1280)
      const result = await page.evaluate(() => {
        const misaligned: string[] = []
        let pairs = 0
        for (const alignment of document.querySelectorAll('.alignment')) {
          const blocks = [...alignment.querySelectorAll(':scope > .segment')].map((segment) => segment.querySelector(':scope > :not(.pilcrow):not(.sidenotes)'))
          if (blocks.length < 2 || !blocks[0] || !blocks[1]) continue
          pairs++
          const [a, b] = blocks.map((block) => block!.getBoundingClientRect().top)
          if (Math.abs(a! - b!) > 2) misaligned.push(`${alignment.id}: ${a} vs ${b}`)
        }
        const notes = [...document.querySelectorAll('.sidenotes .note')].map((note) => ({id: note.id, rect: note.getBoundingClientRect()})).filter((note) => note.rect.height > 0)
        const overlaps: string[] = []
        for (let i = 0; i < notes.length; i++) {
          for (let j = i + 1; j < notes.length; j++) {
            const a = notes[i]!.rect
            const b = notes[j]!.rect
            const horizontal = a.left < b.right && b.left < a.right
            const vertical = a.top < b.bottom && b.top < a.bottom
            if (horizontal && vertical) overlaps.push(`${notes[i]!.id} / ${notes[j]!.id}`)
          }
        }
        // Sidenotes sit beside the text, not over it.
        const text = [...document.querySelectorAll('.segment > :not(.pilcrow):not(.sidenotes)')].map((block) => block.getBoundingClientRect())
        const overText = notes.filter((note) => text.some((block) => note.rect.left < block.right && block.left < note.rect.right && note.rect.top < block.bottom && block.top < note.rect.bottom)).map((note) => note.id)
        const languages = document.querySelector('.text')?.getAttribute('data-languages')
        // A note in the margin starts near its call (dense blocks put their notes inline instead).
        const far: string[] = []
        let beside = 0
        for (const note of document.querySelectorAll('.sidenotes:not(.sidenotes-inline) .note')) {
          const call = document.getElementById(note.querySelector('.note-backlink')!.getAttribute('href')!.slice(1))!
          const drift = note.getBoundingClientRect().top - call.getBoundingClientRect().top
          beside++
          if (drift < -8 || drift > 330) far.push(`${note.id}: ${Math.round(drift)} px`)
        }
        return {misaligned, pairs, overlaps, notes: notes.length, overText, languages, far, beside}
      })
      expect(result.misaligned, id).toEqual([])
      if (result.languages === '2') expect(result.pairs, id).toBeGreaterThan(5)
      expect(result.overlaps, id).toEqual([])
      expect(result.overText, id).toEqual([])
      expect(result.notes, id).toBeGreaterThan(0)
      expect(result.far, id).toEqual([])
      expect(result.beside, id).toBeGreaterThan(0)
      await page.close()
    }
  })

  it('switches the view and keeps it in the URL; both languages show without JavaScript', async () => {
    const bilingual = workIds.find((id) => id === 'harmonious-world') ?? workIds[0]!
    const {page} = await open(`${bilingual}/index.html`, 1280)
    const visible = (selector: string): Promise<boolean> => page.$eval(selector, (element) => (element as HTMLElement).offsetParent !== null)
    expect(await visible('.segment-original')).toBe(true)
    expect(await visible('.segment-translation')).toBe(true)
    await page.click('.view-switch button[data-view="original"]')
    expect(new URL(page.url()).searchParams.get('view')).toBe('original')
    expect(await visible('.segment-translation')).toBe(false)
    expect(await visible('.segment-original')).toBe(true)
    await page.click('.view-switch button[data-view="translation"]')
    expect(new URL(page.url()).searchParams.get('view')).toBe('translation')
    expect(await visible('.segment-original')).toBe(false)
    await page.click('.view-switch button[data-view="both"]')
    expect(new URL(page.url()).searchParams.get('view')).toBe(null)
    await page.close()

    const reopened = await open(`${bilingual}/index.html`, 1280, {query: '?view=translation'})
    expect(await reopened.page.$eval('.segment-original', (element) => (element as HTMLElement).offsetParent === null)).toBe(true)
    expect(await reopened.page.$eval('.view-switch button[data-view="translation"]', (element) => element.getAttribute('aria-pressed'))).toBe('true')
    await reopened.page.close()

    const noJs = await open(`${bilingual}/index.html`, 1280, {query: '?view=translation', js: false})
    const shown = await noJs.page.evaluate(() => ({
      original: (document.querySelector('.segment-original') as HTMLElement).offsetParent !== null,
      translation: (document.querySelector('.segment-translation') as HTMLElement).offsetParent !== null,
      note: (document.querySelector('.sidenotes .note') as HTMLElement).offsetParent !== null,
      switcher: (document.querySelector('.view-switch') as HTMLElement).offsetParent !== null
    }))
    expect(shown).toEqual({original: true, translation: true, note: true, switcher: false})
    await noJs.page.close()
  })

  it('links calls and notes both ways (sidenotes when wide, keyboard toggles when narrow)', async () => {
    for (const id of workIds) {
      const wide = await open(`${id}/index.html`, 1280)
      const call = await wide.page.$eval('a.noteref', (link) => ({id: link.id, href: link.getAttribute('href')!}))
      await wide.page.click(`[id="${call.id}"]`)
      expect(new URL(wide.page.url()).hash).toBe(call.href)
      const back = await wide.page.$eval(`[id="${call.href.slice(1)}"] a.note-backlink`, (link) => link.getAttribute('href'))
      expect(back).toBe(`#${call.id}`)
      await wide.page.click(`[id="${call.href.slice(1)}"] a.note-backlink`)
      expect(new URL(wide.page.url()).hash).toBe(`#${call.id}`)
      // Every call has its note and every note's back links resolve.
      const broken = await wide.page.evaluate(() => {
        const missing: string[] = []
        for (const link of document.querySelectorAll('a.noteref, a.note-backlink')) {
          const target = link.getAttribute('href')!.slice(1)
          if (!document.getElementById(target)) missing.push(target)
        }
        return missing
      })
      expect(broken).toEqual([])
      await wide.page.close()

      const narrow = await open(`${id}/index.html`, 375)
      const noteSelector = `[id="${call.href.slice(1)}"]`
      expect(await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)).toBe(false)
      await narrow.page.focus(`[id="${call.id}"]`)
      await narrow.page.keyboard.press('Enter')
      expect(await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)).toBe(true)
      expect(await narrow.page.evaluate(() => document.activeElement?.id)).toBe(call.href.slice(1))
      await narrow.page.keyboard.press('Escape')
      expect(await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)).toBe(false)
      expect(await narrow.page.evaluate(() => document.activeElement?.id)).toBe(call.id)
      await narrow.page.close()
    }
  })

  it('resolves every glossary link and every occurrence link', async () => {
    const ids = new Map<string, Set<string>>()
    for (const file of htmlFiles) {
      const html = await readFile(path.join(outDir, file), 'utf8')
      ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)))
    }
    const broken: string[] = []
    let checked = 0
    for (const file of htmlFiles) {
      const html = await readFile(path.join(outDir, file), 'utf8')
      for (const match of html.matchAll(/\shref="([^"]+)"/g)) {
        const href = match[1]!.replace(/&#x26;|&amp;/g, '&')
        if (/^[a-z]+:/.test(href)) continue
        const [target = '', hash] = href.split('#')
        const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(file), target)) : file
        checked++
        if (!resolved.endsWith('.html')) {
          await readFile(path.join(outDir, resolved)).catch(() => broken.push(`${file}: ${href}`))
          continue
        }
        if (!ids.has(resolved)) broken.push(`${file}: ${href}`)
        else if (hash && !ids.get(resolved)!.has(decodeURIComponent(hash))) broken.push(`${file}: ${href}`)
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(100)
    const glossary = await readFile(path.join(outDir, 'glossary/index.html'), 'utf8')
    for (const id of workIds) {
      const page = await readFile(path.join(outDir, id, 'index.html'), 'utf8')
      if (page.includes('class="term')) expect(glossary, id).toContain(`../${id}/index.html#`)
    }
  })

  it('opens a glossary popover with every form and the note from a term', async () => {
    const {page, errors} = await open(`${workIds[0]}/index.html`, 1280)
    const term = await page.$('a.term')
    if (!term) return
    await term.click()
    expect(await page.evaluate(() => document.activeElement?.classList.contains('popover-close'))).toBe(true)
    const popover = await page.$eval('#term-popover', (element) => ({open: element.matches(':popover-open'), text: element.textContent ?? '', langs: [...element.querySelectorAll('[lang]')].map((node) => node.getAttribute('lang'))}))
    expect(popover.open).toBe(true)
    expect(popover.langs.length).toBeGreaterThan(1)
    expect(errors).toEqual([])
    expect(await axe(page)).toEqual([])
    await page.keyboard.press('Escape')
    expect(await page.$eval('#term-popover', (element) => element.matches(':popover-open'))).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(true)
    await page.close()
  })
})
