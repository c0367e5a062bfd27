/**
 * The local server of the print pages: the page is served on 127.0.0.1
 * (linked resources fail under `file://`); fonts come from `@fontsource`,
 * Paged.js from its package, through the same server.
 *
 * The server runs on a thread of its own (`server-thread.ts`) when its file
 * is there (the built package): Chromium asks for the page and its fonts
 * while this thread is busy making the HTML and EPUB editions, and a server
 * here would answer only between those tasks. Run from the TypeScript
 * sources (as tests are), it serves from this thread.
 */
import {existsSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import {Worker} from 'node:worker_threads'
import type {FontPackage} from './fonts.js'
import {serve, type PageFiles} from './page-routes.js'
import type {SetPage} from './server-thread.js'

const require = createRequire(import.meta.url)

/** The installed Paged.js version (the page's patches check it against the pinned one). */
export function installedPagedVersion(): string {
  const manifest = path.join(path.dirname(require.resolve('pagedjs')), '..', 'package.json')
  return (require(manifest) as {version: string}).version
}

/** A local server for the page, the fonts and Paged.js. */
export interface PageServer {
  url: string
  /** Serve `html` at `/` (or at `/w/<name>/`, one page per work); resolves to its URL once it is served. */
  setPage(html: string, name?: string): Promise<string>
  close(): Promise<void>
}

const threadFile = new URL('./server-thread.js', import.meta.url)

/** Serve pages, fonts and Paged.js on 127.0.0.1. */
export async function startServer(fonts: FontPackage[]): Promise<PageServer> {
  const files: PageFiles = {
    fonts: fonts.map(({name, dir}) => ({name, dir})),
    // `require.resolve('pagedjs')` gives lib/index.cjs; the polyfill is in dist/.
    pagedPath: path.join(
      path.dirname(require.resolve('pagedjs')),
      '..',
      'dist',
      'paged.polyfill.js'
    )
  }
  const at = (port: number, name: string): string =>
    name ? `http://127.0.0.1:${port}/w/${name}/` : `http://127.0.0.1:${port}/`
  if (existsSync(threadFile)) return startThread(files, at)
  const pages = new Map<string, string>()
  const server: Server = createServer((request, response) =>
    serve(request.url, pages, files, ({status, type, body}) => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'})
      response.end(body)
    })
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: at(port, ''),
    async setPage(html, name = '') {
      pages.set(name, html)
      return at(port, name)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** The server on its own thread. */
async function startThread(
  files: PageFiles,
  at: (port: number, name: string) => string
): Promise<PageServer> {
  const worker = new Worker(threadFile, {workerData: files})
  // (The build holds the process open while Chromium needs the server.)
  worker.unref()
  const acknowledged = new Map<number, () => void>()
  let failure: Error | undefined
  const fail = (error: Error): void => {
    failure = error
    for (const [, resolve] of acknowledged) resolve()
    acknowledged.clear()
  }
  const port = await new Promise<number>((resolve, reject) => {
    worker.on('message', (message: {port: number} | {set: number}) => {
      if ('port' in message) resolve(message.port)
      else {
        acknowledged.get(message.set)?.()
        acknowledged.delete(message.set)
      }
    })
    worker.once('error', (error) => {
      reject(error)
      fail(error)
    })
    worker.once('exit', (code) => {
      const error = new Error(`the page server's thread ended (${code})`)
      reject(error)
      fail(error)
    })
  })
  let next = 0
  return {
    url: at(port, ''),
    async setPage(html, name = '') {
      if (failure) throw failure
      const id = next++
      const set: SetPage = {id, name, html}
      await new Promise<void>((resolve) => {
        acknowledged.set(id, resolve)
        worker.postMessage(set)
      })
      if (failure) throw failure
      return at(port, name)
    },
    async close() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}
