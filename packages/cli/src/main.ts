/**
 * The `diglot` command line.
 */
import {parseArgs} from 'node:util'
import {check} from './check.js'
import {ast} from './ast.js'
import {processOutput, type Output} from './output.js'

const usage = `diglot: bilingual scholarly editions from one source

Usage:
  diglot check [content-dir]     validate every work (default ./content)
  diglot ast <work-dir>          print a work's tree as JSON
  diglot <command> --help        help for a command
`

const help: Record<string, string> = {
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
      options: {help: {type: 'boolean', short: 'h'}, positions: {type: 'boolean'}}
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
