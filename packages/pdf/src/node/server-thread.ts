/**
 * The page server on a thread of its own (started by `server.ts`): Chromium
 * asks for the page and its fonts while the build's thread is busy making
 * the HTML and EPUB editions, and a server on that thread answered only
 * between its tasks (a second of waiting for the fonts in a build of every
 * edition). The pages come as messages; each is acknowledged once it can be
 * served.
 */
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {parentPort, workerData} from 'node:worker_threads'
import {serve, type PageFiles} from './page-routes.js'

/** A page to serve at `/` (name '') or `/w/<name>/`; answered with `{set: id}`. */
export interface SetPage {
  id: number
  name: string
  html: string
}

const files = workerData as PageFiles
const pages = new Map<string, string>()
const server = createServer((request, response) =>
  serve(request.url, pages, files, ({status, type, body}) => {
    response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'})
    response.end(body)
  })
)
server.listen(0, '127.0.0.1', () => {
  parentPort?.postMessage({port: (server.address() as AddressInfo).port})
})
parentPort?.on('message', ({id, name, html}: SetPage) => {
  pages.set(name, html)
  parentPort?.postMessage({set: id})
})
