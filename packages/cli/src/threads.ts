/**
 * Work spread over threads (issue 16): this thread and worker threads
 * (`worker.ts`), one per core at most. What goes where is planned by size:
 * largest first, each to the thread that finishes it soonest, a worker
 * counted as already busy with its own start.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {messageFromData, type DiglotMessage, type MessageData} from '@diglot/core'
import type {ThreadRequest} from './worker.js'

/**
 * The worker's file beside this module (the bundle has its own beside its
 * chunks). Run from the TypeScript sources (tests) there is none: the work
 * then stays on this thread.
 */
const here = import.meta.dirname as string | undefined
const workerFile = here === undefined ? undefined : path.join(here, 'worker.js')

/** Whether work can go to other threads (the worker's file is there). */
export const threadsAvailable = workerFile !== undefined && existsSync(workerFile)

/**
 * The items on each thread (lane 0 is this thread), given each item's size
 * and what a worker's start costs in the same unit.
 */
export function planLanes(
  sizes: readonly number[],
  threads: number,
  startCost: number
): number[][] {
  const lanes: number[][] = Array.from({length: Math.max(1, threads)}, () => [])
  const load: number[] = lanes.map((_, lane) => (lane === 0 ? 0 : startCost))
  const order = sizes
    .map((size, index) => ({size, index}))
    .sort((a, b) => b.size - a.size || a.index - b.index)
  for (const {size, index} of order) {
    let best = 0
    for (let lane = 1; lane < lanes.length; lane++)
      if ((load[lane] as number) < (load[best] as number)) best = lane
    ;(lanes[best] as number[]).push(index)
    load[best] = (load[best] as number) + size
  }
  return lanes
}

/** A worker started ahead (`startWorkerEarly`), loading its modules until a request comes. */
let early: Worker | undefined

/**
 * Start a worker now, so that it loads its modules while this thread reads the
 * content; the next `runOnThread` takes it. `stopEarlyWorker` ends it when no
 * request came (a content folder too small to share).
 */
export function startWorkerEarly(): void {
  if (!threadsAvailable || early) return
  early = new Worker(workerFile as string)
  early.unref()
  early.once('error', () => {
    early = undefined
  })
}

/** End the worker started ahead if no request took it. */
export function stopEarlyWorker(): void {
  void early?.terminate()
  early = undefined
}

/** Run one request on a worker thread (the one started ahead, else a new one); its answer (a structured clone). */
export function runOnThread<T>(request: ThreadRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = early ?? new Worker(workerFile as string)
    early = undefined
    worker.ref()
    worker.once('message', (answer: T) => {
      resolve(answer)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) =>
      reject(new Error(`the worker thread stopped (exit code ${code})`))
    )
    worker.postMessage(request)
  })
}

/**
 * What a worker answers: the works it built, or a format's files, with every
 * message as data (`messageToData`: a structured clone of a message would keep
 * only its reason).
 */
export type ThreadAnswer<T extends {messages: DiglotMessage[]}> = Omit<T, 'messages'> & {
  messages: MessageData[]
}

/** A worker's answer with its messages made messages again. */
export function fromThread<T extends {messages: DiglotMessage[]}>(answer: ThreadAnswer<T>): T {
  return {...answer, messages: answer.messages.map(messageFromData)} as T
}
