/**
 * Parse the works of a content folder on several threads (issue 16): the
 * largest work here, others on worker threads. Each thread parses its works
 * as `readContent` would on one thread, so the trees are the same (test:
 * `parse-pool.test.ts`).
 */
import os from 'node:os'
import {buildWork, type DiglotMessage, type PreparedGlossary, type Work} from '@diglot/core'
import type {GlossarySource, WorkBuilder, WorkSource} from '@diglot/core/fs'
import {
  fromThread,
  planLanes,
  runOnThread,
  stopEarlyWorker,
  threadsAvailable,
  type ThreadAnswer
} from './threads.js'

type Built = {work: Work | undefined; messages: DiglotMessage[]}

/**
 * What a worker costs before it parses, in characters of Markdown (its start,
 * loading the parser and preparing the glossary: about what 80 KB take to
 * parse), so that a small work stays on this thread.
 */
export const WORKER_START_CHARS = 80_000

/** A `WorkBuilder` that uses up to `threads` threads (this one included). */
export function parallelWorkBuilder(threads = os.availableParallelism()): WorkBuilder {
  return async (
    sources: readonly WorkSource[],
    _glossary: GlossarySource,
    prepared: PreparedGlossary
  ): Promise<Built[]> => {
    const sizes = sources.map((source) =>
      Object.values(source.files).reduce((sum, text) => sum + text.length, 0)
    )
    const lanes = planLanes(
      sizes,
      threadsAvailable ? Math.min(threads, sources.length) : 1,
      WORKER_START_CHARS
    )
    // (A worker started ahead and not needed here ends now.)
    if (!lanes.slice(1).some((lane) => lane.length > 0)) stopEarlyWorker()
    const results: Built[] = new Array<Built>(sources.length)
    // The workers start first, so that they load while this thread parses.
    const elsewhere = lanes
      .slice(1)
      .filter((lane) => lane.length > 0)
      .map(async (lane) => {
        // The glossary as prepared here (its data; the thread compiles its matchers again).
        const {glossary: smartened, source, messages} = prepared
        const request = {
          kind: 'parse' as const,
          sources: lane.map((index) => sources[index] as WorkSource),
          glossary: {glossary: smartened, source, messages}
        }
        // A thread that cannot start (out of memory, a file gone) leaves its works to this one.
        const built = await runOnThread<Array<ThreadAnswer<Built>>>(request).then(
          (answers) => answers.map((one) => fromThread<Built>(one)),
          () => request.sources.map((source) => buildWork(source, prepared))
        )
        for (const [at, index] of lane.entries()) results[index] = built[at] as Built
      })
    for (const settled of elsewhere) settled.catch(() => {}) // (awaited below)
    for (const index of lanes[0] ?? [])
      results[index] = buildWork(sources[index] as WorkSource, prepared)
    await Promise.all(elsewhere)
    return results
  }
}
