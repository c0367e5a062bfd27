/**
 * The preview server of `diglot preview` / `diglot build --watch --serve`:
 * serves the output folder on 127.0.0.1 only, and reloads open HTML pages
 * after each rebuild (Server-Sent Events). The reload script is added to
 * HTML responses as they are served; the files on disk stay as built.
 */
import {createReadStream} from 'node:fs'
import {realpath, stat} from 'node:fs/promises'
import {createServer, type ServerResponse} from 'node:http'
import {readFile} from 'node:fs/promises'
import path from 'node:path'

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string
  /** Tell every open page to reload. */
  reload(): void
  close(): Promise<void>
}

/** The path of the reload events. */
const eventsPath = '/__diglot/events'

const reloadScript = `<script>new EventSource(${JSON.stringify(eventsPath)}).addEventListener('reload', () => location.reload())</script>`

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf'
}

/** Serve `root` on 127.0.0.1:`port` (0: any free port). */
export async function startPreview(root: string, port: number): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      if (url.pathname === eventsPath) {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive'
        })
        response.write(': diglot\n\n')
        clients.add(response)
        request.on('close', () => clients.delete(response))
        return
      }
      let file = path.join(root, decodeURIComponent(url.pathname))
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
        // Only files inside the output folder (no `..`, no links out of it).
        const real = await realpath(file)
        const base = await realpath(root)
        if (real !== base && !real.startsWith(base + path.sep)) throw new Error('outside')
        const type = types[path.extname(real).toLowerCase()] ?? 'application/octet-stream'
        if (type.startsWith('text/html')) {
          const html = await readFile(real, 'utf8')
          const body = html.includes('</body>')
            ? html.replace('</body>', `${reloadScript}</body>`)
            : html + reloadScript
          response.writeHead(200, {'content-type': type, 'cache-control': 'no-store'})
          response.end(body)
          return
        }
        response.writeHead(200, {'content-type': type, 'cache-control': 'no-store'})
        createReadStream(real).pipe(response)
      } catch {
        response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'})
        response.end('not found\n')
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const actual = typeof address === 'object' && address !== null ? address.port : port
  return {
    url: `http://127.0.0.1:${actual}/`,
    reload() {
      for (const client of clients) client.write('event: reload\ndata: \n\n')
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end()
        clients.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
