/**
 * `diglot build [content-dir] [--format html,epub,pdf] [--out DIR]`: read and
 * check the content, then build every requested edition format.
 */
import {formatMessage, hasErrors, readContent, type EditionFormat} from '@diglot/core'
import {access, mkdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Output} from './output.js'

/** The registered edition formats, loaded only when used. */
export const formats: Record<string, () => Promise<EditionFormat>> = {
  html: async () => (await import('@diglot/html')).htmlEdition,
  epub: async () => (await import('@diglot/epub')).epubEdition,
  pdf: async () => (await import('@diglot/pdf')).pdfEdition
}

/** Options of `build`. */
export interface BuildCommandOptions {
  formats: string[]
  outDir: string
  templatesDir?: string | undefined
}

/** Build editions. Returns the exit code. */
export async function build(contentDir: string, options: BuildCommandOptions, output: Output): Promise<number> {
  const unknown = options.formats.filter((name) => !(name in formats))
  if (unknown.length > 0) {
    output.error(`diglot build: unknown format ${unknown.map((name) => `\`${name}\``).join(', ')}; use ${Object.keys(formats).join(', ')}`)
    return 2
  }
  const {tree, messages} = await readContent(contentDir)
  for (const message of messages) output.error(formatMessage(message))
  if (hasErrors(messages)) {
    output.error('diglot build: the content has errors (above); nothing was built')
    return 1
  }
  const templatesDir = options.templatesDir ?? (await findTemplates(contentDir))
  const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? '0')
  const sourceDateEpoch = Number.isFinite(epoch) && epoch > 0 ? Math.floor(epoch) : 1_700_000_000
  await mkdir(options.outDir, {recursive: true})
  let failed = false
  for (const name of options.formats) {
    const loader = formats[name]
    if (!loader) continue
    const format = await loader()
    const started = Date.now()
    output.progress(`${name}: starting…`)
    const result = await format.build(tree, {
      outDir: options.outDir,
      templatesDir,
      sourceDateEpoch,
      progress: (work, step) => output.progress(`${name}: ${work}: ${step}…`)
    })
    for (const message of result.messages) output.error(formatMessage(message))
    if (hasErrors(result.messages)) failed = true
    output.info(`${name}: ${result.files.length} file(s) in ${options.outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  return failed ? 1 : 0
}

/** `templates/` beside the content folder, else the one shipped with this repository. */
async function findTemplates(contentDir: string): Promise<string> {
  const beside = path.resolve(contentDir, '..', 'templates')
  try {
    await access(beside)
    return beside
  } catch {
    return fileURLToPath(new URL('../../../templates', import.meta.url))
  }
}
