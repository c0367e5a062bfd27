#!/usr/bin/env node
/**
 * Bundle the `diglot` command into `packages/cli/bundle/` with esbuild: the
 * workspace packages and their small dependencies inlined (no module
 * resolution at start-up), one chunk per edition format (loaded only when a
 * command needs it). Run after `tsc -b packages/cli`; it bundles `dist/`.
 *
 *   node packages/cli/scripts/bundle.js [--outdir DIR]   (default packages/cli/bundle)
 *
 * Kept outside the bundle, but resolved from the package that imports them:
 * packages with files of their own beside their code (puppeteer, Paged.js,
 * subset-font's WebAssembly, the fonts). Their imports are rewritten to
 * relative paths, so the bundle finds them in the workspace as the
 * unbundled code does. Each workspace module's `import.meta.url` is rewritten
 * to its own file's URL (relative to the bundle), so `createRequire` and
 * template lookups work as before.
 */
import {build} from 'esbuild'
import {mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const cli = fileURLToPath(new URL('..', import.meta.url))
const at = process.argv.indexOf('--outdir')
const outdir =
  at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : path.join(cli, 'bundle')
const packages = path.resolve(cli, '..')

/** Packages that stay external (they read files next to their own code, or are big and PDF-only). */
const external = new Set([
  'puppeteer',
  'puppeteer-core',
  'pagedjs',
  'jszip',
  '@resvg/resvg-js',
  'subset-font'
])

const toPosix = (file) => file.split(path.sep).join('/')

/** The folder of the package a resolved file belongs to. */
function packageRoot(file, name) {
  const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`
  const at = file.lastIndexOf(marker)
  return at < 0 ? undefined : file.slice(0, at + marker.length - 1)
}

/** Whether a package ships WebAssembly or a native addon (it then reads files beside its code). */
const binaryCache = new Map()
async function hasBinaries(root) {
  if (!binaryCache.has(root)) {
    const files = await readdir(root, {recursive: true}).catch(() => [])
    binaryCache.set(
      root,
      files.some((file) => /\.(wasm|node)$/.test(file))
    )
  }
  return binaryCache.get(root)
}

/** @type {import('esbuild').Plugin} */
const workspace = {
  name: 'diglot-workspace',
  setup(builder) {
    builder.onResolve({filter: /^[^./]/}, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('node:')) return undefined
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0]
      const resolved = await builder.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'resolving'
      })
      // (An optional dependency that is not installed, e.g. another platform's binary: left to fail at run time, as unbundled.)
      if (resolved.errors.length > 0) return {path: args.path, external: true}
      const root = packageRoot(resolved.path, name)
      if (!external.has(name) && !(root && (await hasBinaries(root)))) return undefined
      let relative = toPosix(path.relative(outdir, resolved.path))
      if (!relative.startsWith('.')) relative = `./${relative}`
      return {path: relative, external: true}
    })
    // Our own modules: `import.meta.url` is the module's own file, relative to the bundle.
    builder.onLoad({filter: /[\\/]packages[\\/][a-z]+[\\/]dist[\\/].*\.js$/}, async (args) => {
      if (!args.path.startsWith(packages)) return undefined
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return {contents: source, loader: 'js'}
      const relative = toPosix(path.relative(outdir, args.path))
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`
        ),
        loader: 'js'
      }
    })
  }
}

const result = await build({
  write: false,
  entryPoints: {
    diglot: path.join(cli, 'dist', 'bin.js'),
    worker: path.join(cli, 'dist', 'worker.js')
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node's CommonJS packages (yaml's dependencies, hyphen) need `require` in ESM output.
  banner: {
    js: "import {createRequire as __diglotRequire} from 'node:module';const require = __diglotRequire(import.meta.url);"
  },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [workspace]
})
// Each file written whole (temp file, rename) and stale chunks removed last, so that a
// `diglot` already running from this folder (a benchmark, a watch) is never broken.
await mkdir(outdir, {recursive: true})
const written = new Set()
for (const output of result.outputFiles) {
  const temporary = `${output.path}.${process.pid}.tmp`
  await writeFile(temporary, output.contents, {mode: 0o755})
  await rename(temporary, output.path)
  written.add(path.basename(output.path))
}
for (const name of await readdir(outdir))
  if (!written.has(name)) await rm(path.join(outdir, name), {recursive: true, force: true})
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
process.stderr.write(
  `bundle: ${Object.keys(result.metafile.outputs).length} file(s), ${(bytes / 1024).toFixed(0)} KB in ${toPosix(path.relative(process.cwd(), outdir))}\n`
)
