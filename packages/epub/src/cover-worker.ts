/**
 * Rasterise one cover on a worker thread (`renderCover`): resvg renders on its
 * own thread already, but encoding the 1600 × 2560 PNG is synchronous and took
 * about 0.2 s of the thread that builds the book.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {renderAsync} from '@resvg/resvg-js'

const {svg, width} = workerData as {svg: string; width: number}
const image = await renderAsync(svg, {
  fitTo: {mode: 'width', value: width},
  font: {loadSystemFonts: false},
  logLevel: 'off'
})
const png = image.asPng()
parentPort?.postMessage(png, [png.buffer as ArrayBuffer])
