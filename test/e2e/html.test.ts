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
import {hasErrors, works} from '../../packages/core/dist/index.js'
import {readContent} from '../../packages/core/dist/fs.js'
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
  const result = await buildHtml(tree, {
    outDir,
    templatesDir: path.join(repo, 'templates'),
    sourceDateEpoch: 1_700_000_000,
    progress: () => {}
  })
  workIds = works(tree).map((work) => work.id)
  htmlFiles = result.files.filter((file) => file.endsWith('.html'))
  browser = await puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run'
    ],
    // axe on the glossary page (6,000 elements) can take minutes on a loaded machine.
    protocolTimeout: 900_000
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
async function open(
  file: string,
  width: number,
  options: {query?: string; js?: boolean} = {}
): Promise<{page: Page; errors: string[]}> {
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

/** axe's violations, with the (experimental) check that an accessible name contains the visible text. */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page)
    .options({
      preload: false,
      resultTypes: ['violations'],
      rules: {'label-content-name-mismatch': {enabled: true}}
    })
    .analyze()
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`
  )
}

describe('html edition', () => {
  it('validates with vnu: 0 errors on every page', async () => {
    const jar = path.join(repo, 'node_modules/vnu-jar/build/dist/vnu.jar')
    const files = htmlFiles.map((file) => path.join(outDir, file))
    const {stderr} = await run('java', [
      '-jar',
      jar,
      '--errors-only',
      '--format',
      'json',
      ...files
    ]).catch((error: {stderr: string}) => ({stderr: error.stderr}))
    const messages = (
      JSON.parse(stderr || '{"messages":[]}') as {
        messages: Array<{type: string; message: string; url: string; lastLine?: number}>
      }
    ).messages
    expect(
      messages
        .filter((message) => message.type === 'error')
        .map(
          (message) =>
            `${path.basename(path.dirname(message.url))}:${message.lastLine}: ${message.message}`
        )
    ).toEqual([])
  })

  it('writes a page per work, the list of works and the glossary', () => {
    expect(htmlFiles).toContain('index.html')
    expect(htmlFiles).toContain('glossary/index.html')
    for (const id of workIds) expect(htmlFiles).toContain(`${id}/index.html`)
  })

  it('has no axe violations and no console errors on every page at 375 and 1280 px, light and dark, in every view', async () => {
    // One tab per page; in each tab every width × theme × view (the view switch clicked, as a reader does).
    const failures: string[] = []
    let runs = 0
    await Promise.all(
      htmlFiles.map(async (file) => {
        const {page, errors} = await open(file, 1280)
        const views = (await page.$('.view-switch button'))
          ? ['both', 'original', 'translation']
          : ['both']
        for (const width of [1280, 375]) {
          await page.setViewport({width, height: 900})
          if (width === 375) {
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth
            )
            if (overflow > 0) failures.push(`horizontal scroll on ${file}`)
          }
          for (const theme of ['light', 'dark']) {
            await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: theme}])
            for (const view of views) {
              if (views.length > 1) await page.click(`.view-switch button[data-view="${view}"]`)
              runs++
              for (const violation of await axe(page))
                failures.push(`${file} at ${width}, ${theme}, ${view}: ${violation}`)
            }
          }
        }
        if (errors.length > 0) failures.push(`${file}: ${errors.join('; ')}`)
        await page.close()
      })
    )
    expect(failures).toEqual([])
    expect(runs).toBeGreaterThanOrEqual(htmlFiles.length * 4)
  }, 900_000)

  it('aligns paired paragraph tops within 2 px and never overlaps sidenotes at 1280 px', async () => {
    for (const id of workIds) {
      const {page} = await open(`${id}/index.html`, 1280)
      const result = await page.evaluate(() => {
        const misaligned: string[] = []
        let pairs = 0
        for (const alignment of document.querySelectorAll('.alignment')) {
          const blocks = [...alignment.querySelectorAll(':scope > .segment')].map((segment) =>
            segment.querySelector(':scope > :not(.pilcrow):not(.sidenotes)')
          )
          if (blocks.length < 2 || !blocks[0] || !blocks[1]) continue
          pairs++
          const [a, b] = blocks.map((block) => block!.getBoundingClientRect().top)
          if (Math.abs(a! - b!) > 2) misaligned.push(`${alignment.id}: ${a} vs ${b}`)
        }
        const notes = [...document.querySelectorAll('.sidenotes .note')]
          .map((note) => ({id: note.id, rect: note.getBoundingClientRect()}))
          .filter((note) => note.rect.height > 0)
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
        const text = [
          ...document.querySelectorAll('.segment > :not(.pilcrow):not(.sidenotes)')
        ].map((block) => block.getBoundingClientRect())
        const overText = notes
          .filter((note) =>
            text.some(
              (block) =>
                note.rect.left < block.right &&
                block.left < note.rect.right &&
                note.rect.top < block.bottom &&
                block.top < note.rect.bottom
            )
          )
          .map((note) => note.id)
        const languages = document.querySelector('.text')?.getAttribute('data-languages')
        // A note in the margin starts near its call (dense blocks put their notes inline instead).
        const far: string[] = []
        let beside = 0
        for (const note of document.querySelectorAll('.sidenotes:not(.sidenotes-inline) .note')) {
          const call = document.getElementById(
            note.querySelector('.note-backlink')!.getAttribute('href')!.slice(1)
          )!
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
    const visible = (selector: string): Promise<boolean> =>
      page.$eval(selector, (element) => (element as HTMLElement).offsetParent !== null)
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
    expect(
      await reopened.page.$eval(
        '.segment-original',
        (element) => (element as HTMLElement).offsetParent === null
      )
    ).toBe(true)
    expect(
      await reopened.page.$eval('.view-switch button[data-view="translation"]', (element) =>
        element.getAttribute('aria-pressed')
      )
    ).toBe('true')
    await reopened.page.close()

    const noJs = await open(`${bilingual}/index.html`, 1280, {
      query: '?view=translation',
      js: false
    })
    const shown = await noJs.page.evaluate(() => ({
      original: (document.querySelector('.segment-original') as HTMLElement).offsetParent !== null,
      translation:
        (document.querySelector('.segment-translation') as HTMLElement).offsetParent !== null,
      note: (document.querySelector('.sidenotes .note') as HTMLElement).offsetParent !== null,
      switcher: (document.querySelector('.view-switch') as HTMLElement).offsetParent !== null
    }))
    expect(shown).toEqual({original: true, translation: true, note: true, switcher: false})
    await noJs.page.close()
  })

  it('links calls and notes both ways (sidenotes when wide, keyboard toggles when narrow)', async () => {
    for (const id of workIds) {
      const wide = await open(`${id}/index.html`, 1280)
      const call = await wide.page.$eval('a.noteref', (link) => ({
        id: link.id,
        href: link.getAttribute('href')!
      }))
      await wide.page.click(`[id="${call.id}"]`)
      expect(new URL(wide.page.url()).hash).toBe(call.href)
      const back = await wide.page.$eval(`[id="${call.href.slice(1)}"] a.note-backlink`, (link) =>
        link.getAttribute('href')
      )
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
      expect(
        await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)
      ).toBe(false)
      await narrow.page.focus(`[id="${call.id}"]`)
      await narrow.page.keyboard.press('Enter')
      expect(
        await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)
      ).toBe(true)
      expect(await narrow.page.evaluate(() => document.activeElement?.id)).toBe(call.href.slice(1))
      await narrow.page.keyboard.press('Escape')
      expect(
        await narrow.page.$eval(noteSelector, (note) => (note as HTMLElement).offsetParent !== null)
      ).toBe(false)
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
        // The EPUB and PDF of a work are other editions' files, beside its folder.
        const edition = /^\.\.\/([\w-]+)\.(epub|pdf)$/.exec(href)
        if (edition) {
          checked++
          if (!workIds.includes(edition[1]!) || !file.startsWith(`${edition[1]}/`))
            broken.push(`${file}: ${href}`)
          continue
        }
        const [target = '', hash] = href.split('#')
        const resolved = target
          ? path.posix.normalize(path.posix.join(path.posix.dirname(file), target))
          : file
        checked++
        if (!resolved.endsWith('.html')) {
          await readFile(path.join(outDir, resolved)).catch(() => broken.push(`${file}: ${href}`))
          continue
        }
        if (!ids.has(resolved)) broken.push(`${file}: ${href}`)
        else if (hash && !ids.get(resolved)!.has(decodeURIComponent(hash)))
          broken.push(`${file}: ${href}`)
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
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('popover-close'))
    ).toBe(true)
    const popover = await page.$eval('#term-popover', (element) => ({
      open: element.matches(':popover-open'),
      text: element.textContent ?? '',
      langs: [...element.querySelectorAll('[lang]')].map((node) => node.getAttribute('lang'))
    }))
    expect(popover.open).toBe(true)
    expect(popover.langs.length).toBeGreaterThan(1)
    expect(errors).toEqual([])
    expect(await axe(page)).toEqual([])
    await page.keyboard.press('Escape')
    expect(await page.$eval('#term-popover', (element) => element.matches(':popover-open'))).toBe(
      false
    )
    expect(await page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(true)
    await page.close()
  })

  it('keeps 20 page, paragraph and note anchors of the report in view after the notes are laid out, at 1280 and 375 px', async () => {
    const report = workIds.includes('world-dream') ? 'world-dream' : workIds[0]!
    const probe = await open(`${report}/index.html`, 1280)
    // Pages, paragraphs and notes spread over the whole text, most of them far down.
    const anchors = await probe.page.evaluate(() => {
      const pick = (selector: string, count: number): string[] => {
        const ids = [...document.querySelectorAll(selector)]
          .map((element) => element.id)
          .filter(Boolean)
        return Array.from(
          {length: count},
          (_, index) => ids[Math.floor(((index + 1) * (ids.length - 1)) / count)]!
        )
      }
      return [...pick('#text .pb', 7), ...pick('#text .alignment', 7), ...pick('#text .note', 6)]
    })
    await probe.page.close()
    expect(new Set(anchors).size).toBe(20)
    expect(anchors.filter((id) => id.startsWith('page-')).length).toBeGreaterThan(0)
    const off: string[] = []
    for (const width of [1280, 375]) {
      await Promise.all(
        [0, 1].map(async (lane) => {
          const page = await browser.newPage()
          await page.setViewport({width, height: 900})
          for (const id of anchors.filter((_, index) => index % 2 === lane)) {
            await page.goto('about:blank')
            await page.goto(url(`${report}/index.html`, `#${id}`), {waitUntil: 'load'})
            await page.evaluate(() => document.fonts.ready.then(() => undefined))
            await new Promise((resolve) => setTimeout(resolve, 150))
            const box = await page.evaluate((target) => {
              const rect = document.getElementById(target)!.getBoundingClientRect()
              return {top: rect.top, bottom: rect.bottom, height: window.innerHeight}
            }, id)
            if (box.top < -1 || box.top > box.height - 20 || box.bottom <= 0)
              off.push(`#${id} at ${width}: top ${Math.round(box.top)}`)
          }
          await page.close()
        })
      )
    }
    expect(off).toEqual([])
  }, 300_000)

  it('highlights the sidenote of a clicked note call at 1280 px without moving the call out of view', async () => {
    for (const id of workIds) {
      const {page} = await open(`${id}/index.html`, 1280)
      const calls = await page.$$eval('#text a.noteref', (links) =>
        links
          .map((link) => link.id)
          .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / 6)) === 0)
          .slice(0, 6)
      )
      expect(calls.length).toBeGreaterThan(0)
      for (const call of calls) {
        await page.$eval(`[id="${call}"]`, (link) => link.scrollIntoView({block: 'center'}))
        const before = await page.$eval(
          `[id="${call}"]`,
          (link) => link.getBoundingClientRect().top
        )
        await page.click(`[id="${call}"]`)
        await new Promise((resolve) => setTimeout(resolve, 100))
        const after = await page.$eval(`[id="${call}"]`, (link) => {
          const rect = link.getBoundingClientRect()
          const note = document.getElementById(
            decodeURIComponent(link.getAttribute('href')!.slice(1))
          )!
          return {
            top: rect.top,
            inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
            active: note.classList.contains('is-active'),
            noteShown: note.getBoundingClientRect().height > 0
          }
        })
        expect(after.inView, `${id} ${call}: ${before} → ${after.top}`).toBe(true)
        expect(after.active, call).toBe(true)
        expect(after.noteShown, call).toBe(true)
      }
      await page.close()
    }
  })

  it('puts the term popover after its term in the focus order; Tab out and Escape close it', async () => {
    const work = workIds.includes('harmonious-world') ? 'harmonious-world' : workIds[0]!
    const {page} = await open(`${work}/index.html`, 1280)
    const term = '#text a.term'
    await page.focus(term)
    await page.keyboard.press('Enter')
    const opened = await page.evaluate((selector) => {
      const link = document.querySelector(selector)!
      const popover = document.getElementById('term-popover')!
      return {
        open: popover.matches(':popover-open'),
        afterTerm: link.nextElementSibling === popover,
        focusInside: popover.contains(document.activeElement)
      }
    }, term)
    expect(opened).toEqual({open: true, afterTerm: true, focusInside: true})
    // The next stop after the term in the page, outside the popover.
    const expectedNext = await page.evaluate((selector) => {
      const link = document.querySelector(selector)!
      const popover = document.getElementById('term-popover')!
      const all = [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button, [tabindex]:not([tabindex="-1"])'
        )
      ].filter(
        (element) =>
          !popover.contains(element) && element.offsetParent !== null && element.tabIndex >= 0
      )
      const next = all[all.indexOf(link as HTMLElement) + 1]!
      next.setAttribute('data-expected-next', '')
      return next.outerHTML.slice(0, 80)
    }, term)
    const stops: string[] = []
    for (let index = 0; index < 6; index++) {
      await page.keyboard.press('Tab')
      const where = await page.evaluate(() => {
        const popover = document.getElementById('term-popover')!
        const active = document.activeElement!
        return {
          inside: popover.contains(active),
          open: popover.matches(':popover-open'),
          expected: active.hasAttribute('data-expected-next'),
          body: active === document.body
        }
      })
      if (where.inside) {
        stops.push('popover')
        continue
      }
      expect(where.body).toBe(false)
      expect(where.open).toBe(false)
      expect(where.expected, expectedNext).toBe(true)
      stops.push('next')
      break
    }
    expect(stops.at(-1)).toBe('next')
    expect(stops.filter((stop) => stop === 'popover').length).toBeGreaterThan(0)
    // Escape closes it and gives the focus back to the term.
    await page.focus(term)
    await page.keyboard.press('Enter')
    expect(await page.$eval('#term-popover', (element) => element.matches(':popover-open'))).toBe(
      true
    )
    await page.keyboard.press('Escape')
    expect(await page.$eval('#term-popover', (element) => element.matches(':popover-open'))).toBe(
      false
    )
    expect(
      await page.evaluate(
        (selector) => document.activeElement === document.querySelector(selector),
        term
      )
    ).toBe(true)
    await page.close()
  })

  it('sets bilingual columns of at least 55 characters at 1280 px, and links a term once per section and language', async () => {
    for (const id of workIds) {
      const {page} = await open(`${id}/index.html`, 1280)
      const result = await page.evaluate(() => {
        const measure: Record<string, number> = {}
        for (const side of ['original', 'translation']) {
          const paragraphs = [...document.querySelectorAll(`#text .segment-${side} > p`)].sort(
            (a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length
          )
          const paragraph = paragraphs[0] as HTMLElement | undefined
          if (!paragraph) continue
          // Characters per line: the column's width over the text's mean advance.
          const probe = document.createElement('span')
          probe.style.whiteSpace = 'nowrap'
          probe.textContent = (paragraph.textContent ?? '').replace(/\u00ad/g, '')
          paragraph.append(probe)
          measure[side] =
            paragraph.clientWidth / (probe.getBoundingClientRect().width / probe.textContent.length)
          probe.remove()
        }
        const repeated: string[] = []
        const seen = new Set<string>()
        for (const link of document.querySelectorAll('#text a.term')) {
          const section = link.closest('[data-section]')?.getAttribute('data-section') ?? ''
          const lang = link.closest('.segment')?.getAttribute('lang') ?? ''
          const key = `${section} ${lang} ${link.getAttribute('data-entry')}`
          if (seen.has(key)) repeated.push(key)
          seen.add(key)
        }
        const hyphenated = [...document.querySelectorAll('#text .segment[lang="kk"] p')].some((p) =>
          (p.textContent ?? '').includes('\u00ad')
        )
        return {
          measure,
          repeated,
          links: seen.size,
          hyphenated,
          kazakh: document.querySelector('#text .segment[lang="kk"]') !== null
        }
      })
      for (const [side, chars] of Object.entries(result.measure))
        expect(chars, `${id} ${side}`).toBeGreaterThanOrEqual(55)
      expect(result.repeated, id).toEqual([])
      expect(result.links, id).toBeGreaterThan(0)
      if (result.kazakh) expect(result.hyphenated, `${id}: Kazakh soft hyphens`).toBe(true)
      await page.close()
    }
  })

  it('gives every work its EPUB and PDF, citation metadata, a description, a skip link to the text and focusable page links', async () => {
    for (const id of workIds) {
      const {page} = await open(`${id}/index.html`, 1280)
      const facts = await page.evaluate(() => ({
        description:
          document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
        citationTitle:
          document.querySelector('meta[name="citation_title"]')?.getAttribute('content') ?? '',
        downloads: [...document.querySelectorAll('.downloads a')].map((link) =>
          link.getAttribute('href')
        ),
        skip: document.querySelector('.skip-link')?.getAttribute('href'),
        pageLinks: [...document.querySelectorAll<HTMLElement>('#text .pb-link')].map(
          (link) => link.tabIndex
        )
      }))
      expect(facts.description.length, id).toBeGreaterThan(40)
      expect(facts.citationTitle, id).not.toBe('')
      expect(facts.downloads).toEqual([`../${id}.epub`, `../${id}.pdf`])
      expect(facts.skip).toBe('#text')
      expect(facts.pageLinks.every((index) => index >= 0)).toBe(true)
      // Skip link: Tab, Enter → the text.
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('text')
      // "Cite this" names the paragraph in the URL.
      const paragraph = await page.$eval(
        '#text .alignment:nth-of-type(2), #text .section .alignment',
        (element) => ({id: element.id, n: element.getAttribute('data-n')})
      )
      await page.goto(url(`${id}/index.html`, `#${paragraph.id}`))
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)))
      const cite = await page.$eval('[data-cite-locator]', (element) => element.textContent ?? '')
      expect(cite).toContain(`¶ ${paragraph.n}`)
      expect(cite).toContain(`#${paragraph.id}`)
      await page.close()
    }
    const glossary = await open('glossary/index.html', 1280)
    const letters = await glossary.page.$$eval('.alphabet a', (links) =>
      links.map((link) => ({
        text: link.textContent,
        ok: document.getElementById(link.getAttribute('href')!.slice(1)) !== null
      }))
    )
    expect(letters.length).toBeGreaterThan(5)
    expect(letters.every((letter) => letter.ok && /^[A-Z#]$/.test(letter.text ?? ''))).toBe(true)
    await glossary.page.close()
  })

  it('prints the view chosen on screen; forced colours keep the pressed view button visible', async () => {
    const work = workIds.includes('harmonious-world') ? 'harmonious-world' : workIds[0]!
    const {page} = await open(`${work}/index.html`, 1280, {query: '?view=translation'})
    await page.emulateMediaType('print')
    const shown = await page.evaluate(() => ({
      original: [...document.querySelectorAll('.segment-original')].some(
        (element) => (element as HTMLElement).offsetParent !== null
      ),
      translation:
        (document.querySelector('.segment-translation') as HTMLElement).offsetParent !== null
    }))
    expect(shown).toEqual({original: false, translation: true})
    // Forced colours: the pressed view button stands out from the others.
    // (puppeteer's emulateMediaFeatures does not know forced-colors; the protocol does)
    const session = await page.createCDPSession()
    await session.send('Emulation.setEmulatedMedia', {
      media: 'screen',
      features: [{name: 'forced-colors', value: 'active'}]
    })
    expect(await page.evaluate(() => window.matchMedia('(forced-colors: active)').matches)).toBe(
      true
    )
    const buttons = await page.$$eval('.view-switch button', (elements) =>
      elements.map((button) => ({
        pressed: button.getAttribute('aria-pressed') === 'true',
        background: getComputedStyle(button).backgroundColor
      }))
    )
    const pressed = buttons.find((button) => button.pressed)!
    expect(
      buttons
        .filter((button) => !button.pressed)
        .every((button) => button.background !== pressed.background)
    ).toBe(true)
    await page.close()
  })

  it('sets every Chinese run upright at the text weight, with no synthetic style', async () => {
    const {page} = await open('world-dream/index.html', 1280)
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('#text [lang|="zh"]')].map((element) => {
        const style = getComputedStyle(element)
        return `${style.fontStyle} ${style.fontWeight} ${style.fontSynthesis || `${style.getPropertyValue('font-synthesis-style')} ${style.getPropertyValue('font-synthesis-weight')}`}`
      })
    )
    expect(styles.length).toBeGreaterThan(100)
    expect([...new Set(styles)]).toEqual(['normal 400 none'])
    await page.close()
  })
})
