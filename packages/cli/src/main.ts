/**
 * The `diglot` command line.
 */
import {parseArgs} from 'node:util'
import {check} from './check.js'
import {ast} from './ast.js'
import {build, formats} from './build.js'
import {processOutput, type Output} from './output.js'

const usage = `diglot: bilingual scholarly editions from one source

Usage:
  diglot build [content-dir]     build every edition into dist/ (default ./content)
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
  --templates DIR  templates folder (default: templates/ beside the content)
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

/** Run the CLI with arguments (without `node` and the script). Returns the exit code. */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
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
        templates: {type: 'string'}
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
    case 'build': {
      const list = typeof parsed.values['format'] === 'string' ? parsed.values['format'].split(',').map((name) => name.trim()).filter(Boolean) : Object.keys(formats)
      const templates = parsed.values['templates']
      return build(target ?? 'content', {
        formats: list,
        outDir: typeof parsed.values['out'] === 'string' ? parsed.values['out'] : 'dist',
        templatesDir: typeof templates === 'string' ? templates : undefined
      }, output)
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
