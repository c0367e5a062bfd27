/**
 * The `diglot` command line.
 */
import {parseArgs} from 'node:util'
import {check} from './check.js'
import {ast} from './ast.js'
import {build, defaultJobs, formats} from './build.js'
import {processOutput, type Output} from './output.js'

const usage = `diglot: bilingual scholarly editions from one source

Usage:
  diglot build [content-dir]     build every edition into dist/ (default ./content)
  diglot preview [content-dir]   build the HTML edition, serve it with live reload, rebuild on save
  diglot check [content-dir]     validate every work (default ./content)
  diglot ast <work-dir>          print a work's tree as JSON
  diglot <command> --help        help for a command
`

const help: Record<string, string> = {
  build: `Usage: diglot build [content-dir] [--format html,epub,pdf] [--out DIR]

Check the content (default ./content), then build each edition format
(default: every registered format) into DIR (default ./dist).
Dates in the output come from SOURCE_DATE_EPOCH, so builds are reproducible.
  --format LIST    comma-separated formats: ${Object.keys(formats).join(', ')}
  --out DIR        output folder (default dist)
  --templates DIR  folder whose html/, epub/, pdf/ files override the editions' own
                   (default: templates/ beside the content, when there is one)
  --jobs N         threads and formats at once (default: the machine's cores; 1: one after another)
  --watch          stay up: rebuild what changed when a source or template file is saved
  --serve          with --watch: serve the output on 127.0.0.1 with live reload
  --port N         port for --serve (default 4173; 0: any free port)
`,
  preview: `Usage: diglot preview [content-dir] [--format html] [--out DIR] [--port N]

Build the HTML edition (or --format LIST) into DIR (default ./dist), serve DIR
on http://127.0.0.1:PORT/ (default 4173), and rebuild what changed whenever a
source or template file is saved; open pages reload. Same as
\`diglot build --watch --serve --format html\`. Ctrl-C stops.
`,
  check: `Usage: diglot check [content-dir]

Validate every work in content-dir (default ./content), or one work folder.
Prints each problem as file:line:col: message [rule]; exits 1 if there is an error.
`,
  ast: `Usage: diglot ast <work-dir> [--positions]

Print the work's Diglot tree (docs/ast.md) as JSON on stdout.
  --positions   keep source positions on nodes
`
}

/** A whole-number option (at least `min`), its default when absent, undefined when malformed. */
function number(value: unknown, fallback: number, min: number): number | undefined {
  if (typeof value !== 'string') return fallback
  const parsed = Number(value)
  return Number.isInteger(parsed) && parsed >= min ? parsed : undefined
}

/** Run the CLI with arguments (without `node` and the script). Returns the exit code. */
export async function main(
  argv: readonly string[],
  output: Output = processOutput()
): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    output.out(usage)
    return command === undefined ? 1 : 0
  }
  if (command === '--version') {
    output.out('0.1.0')
    return 0
  }
  const text = help[command]
  if (text === undefined) {
    output.error(`diglot: unknown command \`${command}\`\n\n${usage}`)
    return 2
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        help: {type: 'boolean', short: 'h'},
        positions: {type: 'boolean'},
        format: {type: 'string'},
        out: {type: 'string'},
        templates: {type: 'string'},
        jobs: {type: 'string'},
        watch: {type: 'boolean'},
        serve: {type: 'boolean'},
        port: {type: 'string'}
      }
    })
  } catch (error) {
    output.error(`diglot ${command}: ${(error as Error).message}\n\n${text}`)
    return 2
  }
  if (parsed.values['help']) {
    output.out(text)
    return 0
  }
  const [target] = parsed.positionals
  switch (command) {
    case 'preview':
    case 'build': {
      const preview = command === 'preview'
      const list =
        typeof parsed.values['format'] === 'string'
          ? parsed.values['format']
              .split(',')
              .map((name) => name.trim())
              .filter(Boolean)
          : preview
            ? ['html']
            : Object.keys(formats)
      const templates = parsed.values['templates']
      const jobs = number(parsed.values['jobs'], defaultJobs(), 1)
      const port = number(parsed.values['port'], 4173, 0)
      if (jobs === undefined || port === undefined) {
        output.error(`diglot ${command}: --jobs and --port take a whole number\n\n${text}`)
        return 2
      }
      const options = {
        formats: list,
        outDir: typeof parsed.values['out'] === 'string' ? parsed.values['out'] : 'dist',
        templatesDir: typeof templates === 'string' ? templates : undefined,
        jobs
      }
      if (preview || parsed.values['watch'] === true) {
        const {watch} = await import('./watch.js')
        return watch(
          target ?? 'content',
          {...options, serve: preview || parsed.values['serve'] === true ? {port} : undefined},
          output
        )
      }
      return build(target ?? 'content', options, output)
    }
    case 'check':
      return check(target ?? 'content', output)
    case 'ast':
      if (target === undefined) {
        output.error(`diglot ast: give a work folder\n\n${text}`)
        return 2
      }
      return ast(target, {positions: parsed.values['positions'] === true}, output)
    default:
      return 2
  }
}
