/**
 * A worker thread of `threads.ts`: it parses works (the works' sources and the
 * glossary as prepared by the main thread in, each work's tree and messages out, as the main thread
 * would make them) or builds a format's files for some of the works.
 */
import {parentPort} from 'node:worker_threads'
import {
  buildWork,
  messageToData,
  preparedFromData,
  type DiglotMessage,
  type PreparedGlossaryData,
  type Root
} from '@diglot/core'
import type {WorkSource} from '@diglot/core/fs'
import {formats} from './build.js'
import type {ThreadAnswer} from './threads.js'

/** Parse these works against this glossary (prepared by the thread that asks: not prepared twice). */
interface ParseRequest {
  kind: 'parse'
  sources: WorkSource[]
  glossary: PreparedGlossaryData
}

/** Build `format`'s files of the works in `tree` into `outDir`. */
interface FormatRequest {
  kind: 'format'
  format: string
  tree: Root
  outDir: string
  templatesDir: string | undefined
  sourceDateEpoch: number
}

export type ThreadRequest = ParseRequest | FormatRequest

async function answer(request: ThreadRequest): Promise<unknown> {
  if (request.kind === 'parse') {
    const prepared = preparedFromData(request.glossary)
    return request.sources.map((source) => asData(buildWork(source, prepared)))
  }
  const load = formats[request.format]
  if (!load) throw new Error(`unknown format ${request.format}`)
  const format = await load()
  const result: {files: string[]; messages: DiglotMessage[]} = await format.build(request.tree, {
    outDir: request.outDir,
    templatesDir: request.templatesDir,
    sourceDateEpoch: request.sourceDateEpoch,
    progress: () => {}
  })
  return asData(result)
}

/** A result with its messages as data. */
function asData<T extends {messages: DiglotMessage[]}>(result: T): ThreadAnswer<T> {
  return {...result, messages: result.messages.map(messageToData)}
}

parentPort?.once('message', (request: ThreadRequest) => {
  answer(request).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => {
      throw error
    }
  )
})
