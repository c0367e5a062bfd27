#!/usr/bin/env node
/**
 * Bundle the print page's script (`src/page/index.ts`, DOM only) into one
 * file, `dist/diglot-page.js`, which the Node side injects into the print
 * page (`src/node/page-script.ts`). Run by the build and before the tests.
 *
 *   node packages/pdf/scripts/bundle-page.js
 */
import {build} from 'esbuild'
import {fileURLToPath} from 'node:url'

/** Bundle the page script; resolves to the file written. */
export async function bundlePage() {
  const outfile = fileURLToPath(new URL('../dist/diglot-page.js', import.meta.url))
  await build({
    entryPoints: [fileURLToPath(new URL('../src/page/index.ts', import.meta.url))],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: fileURLToPath(new URL('../src/page/tsconfig.json', import.meta.url))
  })
  return outfile
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundlePage()
