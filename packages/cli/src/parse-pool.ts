/**
 * Parse the works of a content folder on several threads (issue 16): the
 * largest work here, others on worker threads (`parse-worker.ts`), one thread
 * per core at most. Each thread parses its works as `readContent` would on
 * one thread, so the trees are the same (test: `parse-pool.test.ts`).
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {buildWork, type DiglotMessage, type GlossarySource, type PreparedGlossary, type Work, type WorkBuilder, type WorkSource} from '@diglot/core'
import type {ParseRequest} from './parse-worker.js'

type Built = {work: Work | undefined; messages: DiglotMessage[]}

/**
 * What a worker costs before it parses, in characters of Markdown (its start,
 * loading the parser and preparing the glossary: about what 80 KB take to
 * parse), so that a small work stays on this thread.
 */
const WORKER_START_CHARS = 80_000

/**
 * The parser's file beside this module (the bundle has its own beside its
 * chunks). Run from the TypeScript sources (tests) there is none: the works
 * are then parsed on this thread.
 */
const here = import.meta.dirname as string | undefined
const workerFile = here === undefined ? undefined : path.join(here, 'parse-worker.js')
/** Whether works can be parsed on other threads (the worker's file is there). */
export const parserThreadAvailable = workerFile !== undefined && existsSync(workerFile)

/** The works on each thread: lane 0 is this thread. Largest first, each to the lane that finishes it soonest. */
export function planLanes(sizes: readonly number[], threads: number): number[][] {
  const lanes: number[][] = Array.from({length: Math.max(1, threads)}, () => [])
  const load: number[] = lanes.map((_, lane) => (lane === 0 ? 0 : WORKER_START_CHARS))
  const order = sizes.map((size, index) => ({size, index})).sort((a, b) => b.size - a.size || a.index - b.index)
  for (const {size, index} of order) {
    let best = 0
    for (let lane = 1; lane < lanes.length; lane++) if ((load[lane] as number) < (load[best] as number)) best = lane
    ;(lanes[best] as number[]).push(index)
    load[best] = (load[best] as number) + size
  }
  return lanes
}

/** A `WorkBuilder` that uses up to `threads` threads (this one included). */
export function parallelWorkBuilder(threads = os.availableParallelism()): WorkBuilder {
  return async (sources: readonly WorkSource[], glossary: GlossarySource, prepared: PreparedGlossary): Promise<Built[]> => {
    const sizes = sources.map((source) => Object.values(source.files).reduce((sum, text) => sum + text.length, 0))
    const lanes = planLanes(sizes, parserThreadAvailable ? Math.min(threads, sources.length) : 1)
    const results: Built[] = new Array<Built>(sources.length)
    // The workers start first, so that they load while this thread parses.
    const elsewhere = lanes.slice(1).filter((lane) => lane.length > 0).map(async (lane) => {
      const request = {sources: lane.map((index) => sources[index] as WorkSource), glossary}
      // A thread that cannot start (out of memory, a file gone) leaves its works to this one.
      const built = await parseOnWorker(request).catch(() => request.sources.map((source) => buildWork(source, prepared)))
      lane.forEach((index, at) => (results[index] = built[at] as Built))
    })
    for (const settled of elsewhere) settled.catch(() => {}) // (awaited below)
    const here = lanes[0] ?? []
    for (const index of here) results[index] = buildWork(sources[index] as WorkSource, prepared)
    await Promise.all(elsewhere)
    return results
  }
}

function parseOnWorker(request: ParseRequest): Promise<Built[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile as string)
    worker.once('message', (built: Built[]) => {
      resolve(built)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the parser thread stopped (exit code ${code})`)))
    worker.postMessage(request)
  })
}
