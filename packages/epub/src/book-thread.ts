/**
 * The EPUB's helper thread (started by `helper.ts`): it rasterises covers and
 * deflates the zip entries of a composed book while the main thread composes
 * the next one. resvg renders on its own thread already, but encoding the
 * 1600 × 2560 PNG is synchronous (about 0.2 s), and so is fflate's deflate
 * (pure JavaScript: the same bytes on every platform). Requests are answered
 * as they finish: a cover renders on resvg's thread while this one deflates.
 */
import {parentPort} from 'node:worker_threads'
import {renderAsync} from '@resvg/resvg-js'
import {deflateSync} from 'fflate'

/** A job: a cover to render, or entries to deflate. */
export type HelperJob =
  | {kind: 'cover'; svg: string; width: number}
  | {kind: 'deflate'; data: Uint8Array[]; level: 6 | 9}

/** A job as sent, with the id its answer carries. */
export type HelperRequest = HelperJob & {id: number}

/** The answer to request `id`: the bytes made (a PNG, or each entry deflated), or why not. */
export type HelperAnswer = {id: number; bytes: Uint8Array[]} | {id: number; error: string}

async function answer(request: HelperRequest): Promise<Uint8Array[]> {
  if (request.kind === 'deflate')
    return request.data.map((data) => deflateSync(data, {level: request.level}))
  const image = await renderAsync(request.svg, {
    fitTo: {mode: 'width', value: request.width},
    font: {loadSystemFonts: false},
    logLevel: 'off'
  })
  return [image.asPng()]
}

parentPort?.on('message', (request: HelperRequest) => {
  answer(request).then(
    (bytes) =>
      parentPort?.postMessage(
        {id: request.id, bytes} satisfies HelperAnswer,
        bytes.map((data) => data.buffer as ArrayBuffer)
      ),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error)
      } satisfies HelperAnswer)
  )
})
