/**
 * The in-page checks of pagination, on hand-made "paginated" pages in Chromium:
 * they must name the paragraphs whose text pagination lost or pushed off the page.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Browser, Page} from 'puppeteer'
import {launchBrowser} from '../src/node/browser.js'
import {injectPageScript} from '../src/node/page-script.js'
import '../src/page/api.js'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

const source = `<template data-ref="pagedjs-content"><main class="text">
<p>Alpha beta<span class="footnote">A note’s own text.</span> gam­ma delta.</p>
<p>Second paragraph, whole.</p>
<p>Third paragraph.</p>
</main></template>`

/** Pages as Paged.js leaves them: a content box, and a note area at its foot. */
const pages = (content: string): string =>
  `<div class="pagedjs_page"><div class="pagedjs_page_content" style="position: relative; width: 300px; height: 200px">${content}</div><div class="pagedjs_footnote_area" style="height: 0"></div></div>`

async function check(content: string): Promise<number[]> {
  await page.setContent(
    `<!DOCTYPE html><html><head><style>p { margin: 0 }</style></head><body>${source}</body></html>`
  )
  await injectPageScript(page)
  await page.evaluate(() => window.diglot.paged.prepare({ragged: [], fresh: [], allFaces: false}))
  await page.evaluate(
    (html: string) => document.body.insertAdjacentHTML('beforeend', html),
    content
  )
  return page.evaluate(() => window.diglot.paged.lostParagraphs())
}

describe('the page script', () => {
  it('refuses a Paged.js version other than the pinned one, naming both', async () => {
    await page.setContent('<!DOCTYPE html><html><body></body></html>')
    await injectPageScript(page)
    await page.evaluate(() => {
      ;(window as unknown as {Paged: object}).Paged = {}
    })
    await expect(page.evaluate(() => window.diglot.paged.install('0.5.0'))).rejects.toThrow(
      /Paged\.js 0\.5\.0 is installed.*written for Paged\.js 0\.4\.3/
    )
  })

  it('puts one object on window, and no __diglot globals', async () => {
    await page.goto('about:blank')
    await page.setContent(
      '<!DOCTYPE html><html><body><template data-ref="pagedjs-content"><main class="text"><p>One.</p></main></template></body></html>'
    )
    const before = await page.evaluate(() => Object.keys(window))
    await injectPageScript(page)
    await page.evaluate(() => window.diglot.paged.prepare({ragged: [], fresh: [], allFaces: false}))
    const added = (await page.evaluate(() => Object.keys(window))).filter(
      (key) => !before.includes(key)
    )
    expect(added.sort()).toEqual(['PagedConfig', 'diglot', 'diglotFacing'])
  })
})

describe('the lost-text check', () => {
  it('passes pages that hold every word, split across pages, without the notes', async () => {
    const split =
      pages('<p data-check="0">Alpha beta<a data-footnote-call></a> gam-</p>') +
      pages(
        '<p data-check="0" data-split-from="x">ma delta.</p><p data-check="1">Second paragraph, whole.</p><p data-check="2">Third paragraph.</p>'
      )
    const marked = split.replace('gam-</p>', '<span class="pagedjs_hyphen">gam-</span></p>')
    expect(await check(marked)).toEqual([])
  })

  it('names a paragraph that lost words and one that is missing', async () => {
    expect(
      await check(
        pages('<p data-check="0">Alpha beta gamma</p><p data-check="2">Third paragraph.</p>')
      )
    ).toEqual([0, 1])
  })

  it('names a paragraph whose lines lie below the page or in a column right of it', async () => {
    const below =
      '<p data-check="1" style="position: absolute; top: 400px">Second paragraph, whole.</p>'
    const right =
      '<p data-check="2" style="position: absolute; left: 900px; top: 0">Third paragraph.</p>'
    expect(
      await check(pages(`<p data-check="0">Alpha beta gamma delta.</p>${below}${right}`))
    ).toEqual([1, 2])
  })

  it('names the paragraph of a note call whose note is on no page', async () => {
    const rest =
      '<p data-check="1">Second paragraph, whole.</p><p data-check="2">Third paragraph.</p>'
    const text = `<p data-check="0">Alpha beta<a data-footnote-call="n1" data-ref="n1"></a> gamma delta.</p>${rest}`
    const withNote = pages(text).replace(
      'style="height: 0"></div>',
      'style="height: 0"><div class="footnote" data-ref="n1">A note’s own text.</div></div>'
    )
    expect(await check(withNote)).toEqual([])
    expect(await check(pages(text))).toEqual([0])
  })
})
