/**
 * A thread that parses works (`parse-pool.ts`): it is sent the works' sources
 * and the glossary's text, prepares the glossary as the main thread does and
 * answers with each work's tree and messages (structured clones).
 */
import {parentPort} from 'node:worker_threads'
import {buildWork, prepareGlossary, type GlossarySource, type WorkSource} from '@diglot/core'

/** What the main thread sends. */
export interface ParseRequest {
  sources: WorkSource[]
  glossary: GlossarySource
}

parentPort?.once('message', (request: ParseRequest) => {
  const prepared = prepareGlossary(request.glossary.text, request.glossary.path)
  parentPort?.postMessage(request.sources.map((source) => buildWork(source, prepared)))
})
