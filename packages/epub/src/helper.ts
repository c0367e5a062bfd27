/**
 * The EPUB's helper thread (`book-thread.ts`), seen from the thread that
 * builds the books: started when a build begins (`startHelper`), so that it
 * has loaded resvg and fflate when the first book is composed. It keeps the
 * process alive only while it has work. Run from the TypeScript sources (as
 * tests are) there is no worker file: the callers then do the work on their
 * own thread.
 */
import {existsSync} from 'node:fs'
import {Worker} from 'node:worker_threads'
import type {HelperAnswer, HelperJob, HelperRequest} from './book-thread.js'

const workerFile = new URL('./book-thread.js', import.meta.url)
const workerThere = existsSync(workerFile)

/** The requests waiting for an answer, by id. */
const waiting = new Map<
  number,
  {resolve: (bytes: Uint8Array[]) => void; reject: (error: Error) => void}
>()
let nextId = 0
let helper: Worker | undefined

/** Start the helper thread (once); false when there is none to start. */
export function startHelper(): boolean {
  if (!workerThere) return false
  if (helper) return true
  const worker = new Worker(workerFile)
  worker.unref()
  const failAll = (error: Error): void => {
    if (helper === worker) helper = undefined
    for (const [, one] of waiting) one.reject(error)
    waiting.clear()
  }
  worker.on('message', (answer: HelperAnswer) => {
    const one = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (waiting.size === 0) worker.unref()
    if (!one) return
    if ('bytes' in answer) one.resolve(answer.bytes)
    else one.reject(new Error(answer.error))
  })
  worker.once('error', failAll)
  worker.once('exit', (code) => failAll(new Error(`the EPUB's helper thread ended (${code})`)))
  helper = worker
  return true
}

/** Rasterise a cover's SVG to PNG on the helper thread; undefined when there is none. */
export function renderOnHelper(svg: string, width: number): Promise<Uint8Array> | undefined {
  return send({kind: 'cover', svg, width}, [])?.then(([png]) => {
    if (!png) throw new Error('the helper thread gave no PNG')
    return png
  })
}

/**
 * Deflate each of `data` on the helper thread; undefined when there is none.
 * The arrays are moved to that thread: they must own their memory, and are
 * unusable here after the call.
 */
export function deflateOnHelper(
  data: Uint8Array[],
  level: 6 | 9
): Promise<Uint8Array[]> | undefined {
  return send(
    {kind: 'deflate', data, level},
    data.map((one) => one.buffer as ArrayBuffer)
  )
}

function send(job: HelperJob, transfer: ArrayBuffer[]): Promise<Uint8Array[]> | undefined {
  if (!startHelper() || !helper) return undefined
  const worker = helper
  const id = nextId++
  return new Promise((resolve, reject) => {
    waiting.set(id, {resolve, reject})
    worker.ref()
    worker.postMessage({...job, id} satisfies HelperRequest, transfer)
  })
}
