/**
 * Shared by the edition suites: the real content, pandoc on the same Markdown,
 * and a way to time one edition format building into a temp folder.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {works} from '../packages/core/dist/index.js'
import {readContent} from '../packages/core/dist/fs.js'

const run = promisify(execFile)
export const contentDir = fileURLToPath(new URL('../content/', import.meta.url))
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url))

/** The content tree (must have no errors). */
export async function loadContent() {
  const {tree, messages} = await readContent(contentDir)
  if (messages.some((message) => message.fatal))
    throw new Error(`content has errors: ${messages[0].reason}`)
  return tree
}

/** The Markdown files of every work, for pandoc. */
export function markdownFiles(tree) {
  return works(tree).flatMap((work) =>
    work.languages.map((lang) => ({
      work: work.id,
      lang,
      file: path.join(contentDir, work.id, `${lang}.md`)
    }))
  )
}

/** A tree holding only some works (and the glossary). */
export function only(tree, ids) {
  return {
    ...tree,
    children: tree.children.filter((child) => child.type !== 'work' || ids.includes(child.id))
  }
}

/** Time one build of `format` into a fresh temp folder. */
export function builder(format, tree) {
  return async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), `bench-${format.name}-`))
    try {
      const result = await format.build(tree, {
        outDir,
        templatesDir,
        sourceDateEpoch: 1_700_000_000,
        progress: () => {}
      })
      if (result.messages.some((message) => message.fatal))
        throw new Error(`${format.name} build failed: ${result.messages[0].reason}`)
    } finally {
      await rm(outDir, {recursive: true, force: true})
    }
  }
}

/** Run pandoc with `args` on each Markdown file into a temp folder (one process per file, as a user would). */
export function pandoc(files, extension, args) {
  return async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'bench-pandoc-'))
    try {
      for (const {work, lang, file} of files) {
        await run(
          'pandoc',
          [
            file,
            '-f',
            'markdown',
            ...args,
            '-o',
            path.join(outDir, `${work}-${lang}.${extension}`)
          ],
          {maxBuffer: 64 << 20}
        )
      }
    } finally {
      await rm(outDir, {recursive: true, force: true})
    }
  }
}

/** pandoc's version line, for the report. */
export async function pandocVersion() {
  const {stdout} = await run('pandoc', ['--version'])
  return stdout.split('\n')[0]
}
