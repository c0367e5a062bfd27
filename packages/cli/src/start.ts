/**
 * The `diglot` command, run by `bin.ts` once V8 is set up: signal handlers,
 * `main`, the exit code, and an internal error as one line.
 */
import {main} from './main.js'
import {installSignalHandlers, isStopping} from './signals.js'

installSignalHandlers()

main(process.argv.slice(2)).then(
  (code) => {
    if (!isStopping()) process.exitCode = code
  },
  (error: unknown) => {
    // After SIGINT/SIGTERM, what fails is the interruption: the signal handler exits quietly.
    if (isStopping()) return
    const io =
      error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string'
        ? (error as NodeJS.ErrnoException)
        : undefined
    if (io) {
      // A file system refusal (disk full, permissions) is the machine's, not a bug.
      process.stderr.write(`diglot: ${io.syscall ?? 'i/o'} failed: ${oneLine(io.message)}\n`)
      process.exitCode = 2
      return
    }
    process.stderr.write(
      `diglot: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\nPlease report this with the command you ran.\n`
    )
    process.exitCode = 70
  }
)

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim()
}
