/**
 * `diglot build [content-dir] [--format html,epub,pdf] [--out DIR]`: read and
 * check the content, then build every requested edition format.
 */
import {formatMessage, hasErrors, printable, readContent, type EditionFormat, type Root} from '@diglot/core'
import {access} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Output} from './output.js'
import {outDirProblem, templatesDirProblem} from './out-dir.js'
import {createStaging, type Staging} from './outputs.js'

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
  const unknown = options.formats.filter((name) => !Object.hasOwn(formats, name))
  if (unknown.length > 0) {
    output.error(`diglot build: unknown format ${unknown.map((name) => `\`${printable(name)}\``).join(', ')}; use ${Object.keys(formats).join(', ')}`)
    return 2
  }
  if (options.formats.length === 0) {
    output.error(`diglot build: --format is empty; use ${Object.keys(formats).join(', ')}`)
    return 2
  }
  // Usage mistakes are found before anything is read or written.
  const problem = (await outDirProblem(options.outDir, contentDir)) ?? (options.templatesDir === undefined ? undefined : await templatesDirProblem(options.templatesDir))
  if (problem) {
    output.error(`diglot build: ${problem}`)
    return 2
  }
  const {tree, messages} = await readContent(contentDir)
  for (const message of messages) output.error(formatMessage(message))
  if (hasErrors(messages)) {
    output.error('diglot build: the content has errors (above); nothing was built')
    return 1
  }
  const templatesDir = options.templatesDir ?? (await findTemplates(contentDir, output))
  const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? '0')
  const sourceDateEpoch = Number.isFinite(epoch) && epoch > 0 ? Math.floor(epoch) : 1_700_000_000
  const staging = await createStaging(options.outDir)
  try {
    return await buildFormats(tree, options, templatesDir, sourceDateEpoch, staging, output)
  } finally {
    await staging.dispose()
  }
}

async function buildFormats(tree: Root, options: BuildCommandOptions, templatesDir: string, sourceDateEpoch: number, staging: Staging, output: Output): Promise<number> {
  let failed = false
  for (const name of options.formats) {
    const loader = formats[name]
    if (!loader) continue
    const format = await loader()
    const started = Date.now()
    output.progress(`${name}: starting…`)
    const result = await format.build(tree, {
      // Written into a staging folder, then moved into place whole (outputs.ts).
      outDir: staging.dir,
      templatesDir,
      sourceDateEpoch,
      progress: (work, step) => output.progress(`${name}: ${work}: ${step}…`)
    })
    for (const message of result.messages) output.error(formatMessage(message))
    if (hasErrors(result.messages)) failed = true
    await staging.commit(name, result.files)
    output.info(`${name}: ${result.files.length} file(s) in ${options.outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  return failed ? 1 : 0
}

/** `templates/` beside the content folder, else the one shipped with this repository. */
async function findTemplates(contentDir: string, output: Output): Promise<string> {
  const beside = path.resolve(contentDir, '..', 'templates')
  try {
    await access(beside)
    // Templates shape every page (and may load what they like): say which ones are used.
    if (beside !== path.resolve(fileURLToPath(new URL('../../../templates', import.meta.url)))) output.info(`diglot build: using the templates in ${printable(beside)} (beside the content)`)
    return beside
  } catch {
    return fileURLToPath(new URL('../../../templates', import.meta.url))
  }
}
