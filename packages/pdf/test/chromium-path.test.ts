/**
 * The Chromium the PDF step prints with is an option (default: `PUPPETEER_EXECUTABLE_PATH`,
 * else Debian's `/usr/bin/chromium`).
 */
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseWork} from '@diglot/core'
import {buildPdfEdition, defaultChromiumPath} from '../src/index.js'

describe('chromiumPath', () => {
  it('defaults to PUPPETEER_EXECUTABLE_PATH, else /usr/bin/chromium', () => {
    const saved = process.env['PUPPETEER_EXECUTABLE_PATH']
    try {
      delete process.env['PUPPETEER_EXECUTABLE_PATH']
      expect(defaultChromiumPath()).toBe('/usr/bin/chromium')
      process.env['PUPPETEER_EXECUTABLE_PATH'] = '/opt/chrome/chrome'
      expect(defaultChromiumPath()).toBe('/opt/chrome/chrome')
    } finally {
      if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH']
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved
    }
  })

  it('is the browser the build launches', async () => {
    const {tree} = parseWork({
      meta: 'id: w\nlanguages: {original: en}\ntitle: {en: A}\nlicence: CC0\nsource: {description: test}\n',
      files: {en: 'Hello.\n'}
    })
    const outDir = await mkdtemp(path.join(tmpdir(), 'diglot-pdf-chromium-'))
    await expect(
      buildPdfEdition(
        tree,
        {outDir, sourceDateEpoch: 1, progress: () => {}, chromiumPath: '/nonexistent/chromium'},
        1
      )
    ).rejects.toThrow(/\/nonexistent\/chromium/)
  })
})
