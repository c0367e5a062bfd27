/**
 * What the local page server answers (`server.ts`): the print pages set by
 * the build, Paged.js's polyfill, and the `@fontsource` WOFF2 files; nothing
 * else. Shared by the server on its own thread (`server-thread.ts`) and the
 * one on the calling thread.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'

/** Where the server finds what it serves. */
export interface PageFiles {
  /** The font packages: name (in `/fonts/<name>/…`) and folder. */
  fonts: Array<{name: string; dir: string}>
  /** Paged.js's polyfill file. */
  pagedPath: string
}

/** An answer: its status, content type and body. */
export interface PageAnswer {
  status: number
  type: string
  body: string | Uint8Array
}

/** The answer to a request for `pathname`, given the pages set so far (by name, '' for `/`). */
async function answerFor(
  pathname: string,
  pages: ReadonlyMap<string, string>,
  files: PageFiles
): Promise<PageAnswer> {
  const html = (body: string): PageAnswer => ({status: 200, type: 'text/html; charset=utf-8', body})
  if (pathname === '/' || pathname === '/index.html') return html(pages.get('') ?? '')
  const named = /^\/w\/([\w-]+)\/$/.exec(pathname)
  if (named && pages.has(named[1] ?? '')) return html(pages.get(named[1] ?? '') ?? '')
  if (pathname === '/paged.polyfill.js')
    return {status: 200, type: 'text/javascript', body: await readFile(files.pagedPath)}
  const match = /^\/fonts\/([a-z-]+)\/([\w.-]+\.woff2)$/.exec(pathname)
  const pkg = match ? files.fonts.find((font) => font.name === match[1]) : undefined
  if (match && pkg && match[2])
    return {
      status: 200,
      type: 'font/woff2',
      body: await readFile(path.join(pkg.dir, 'files', match[2]))
    }
  return {status: 404, type: 'text/plain', body: 'not found'}
}

/** Answer one HTTP request (errors as a 500). */
export function serve(
  url: string | undefined,
  pages: ReadonlyMap<string, string>,
  files: PageFiles,
  respond: (answer: PageAnswer) => void
): void {
  const {pathname} = new URL(url ?? '/', 'http://127.0.0.1')
  answerFor(pathname, pages, files).then(respond, (error: unknown) =>
    respond({status: 500, type: 'text/plain', body: String(error)})
  )
}
