/**
 * The local server of the print pages: the page is served on 127.0.0.1
 * (linked resources fail under `file://`); fonts come from `@fontsource`,
 * Paged.js from its package, through the same server.
 */
import {createServer, type Server} from 'node:http'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import type {FontPackage} from './fonts.js'

const require = createRequire(import.meta.url)

/** The installed Paged.js version (the page's patches check it against the pinned one). */
export function installedPagedVersion(): string {
  const manifest = path.join(path.dirname(require.resolve('pagedjs')), '..', 'package.json')
  return (require(manifest) as {version: string}).version
}

/** A local server for the page, the fonts and Paged.js. */
export interface PageServer {
  url: string
  /** Serve `html` at `/` (or at `/w/<name>/`, one page per work); returns its URL. */
  setPage(html: string, name?: string): string
  close(): Promise<void>
}

/** Serve pages, fonts and Paged.js on 127.0.0.1. */
export async function startServer(fonts: FontPackage[]): Promise<PageServer> {
  const pages = new Map<string, string>()
  // `require.resolve('pagedjs')` gives lib/index.cjs; the polyfill is in dist/.
  const pagedPath = path.join(
    path.dirname(require.resolve('pagedjs')),
    '..',
    'dist',
    'paged.polyfill.js'
  )
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'})
      response.end(body)
    }
    void (async () => {
      try {
        if (url.pathname === '/' || url.pathname === '/index.html')
          return send(200, 'text/html; charset=utf-8', pages.get('') ?? '')
        const named = /^\/w\/([\w-]+)\/$/.exec(url.pathname)
        if (named && pages.has(named[1] ?? ''))
          return send(200, 'text/html; charset=utf-8', pages.get(named[1] ?? '') ?? '')
        if (url.pathname === '/paged.polyfill.js')
          return send(200, 'text/javascript', await readFile(pagedPath))
        const match = /^\/fonts\/([a-z-]+)\/([\w.-]+\.woff2)$/.exec(url.pathname)
        const pkg = match ? fonts.find((font) => font.name === match[1]) : undefined
        if (match && pkg && match[2])
          return send(200, 'font/woff2', await readFile(path.join(pkg.dir, 'files', match[2])))
        send(404, 'text/plain', 'not found')
      } catch (error) {
        send(500, 'text/plain', String(error))
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    setPage(html, name = '') {
      pages.set(name, html)
      return name ? `http://127.0.0.1:${port}/w/${name}/` : `http://127.0.0.1:${port}/`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
