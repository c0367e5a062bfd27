/**
 * Where the CLI writes: messages to stderr, results to stdout; progress lines
 * only on a terminal (quiet and plain in CI).
 */
export interface Output {
  /** A result (stdout). */
  out(text: string): void
  /** A summary line (stderr). */
  info(text: string): void
  /** A problem (stderr). */
  error(text: string): void
  /** A transient progress line; shown only on a terminal. */
  progress(text: string): void
}

/** The process's output. */
export function processOutput(): Output {
  const tty = process.stderr.isTTY === true && !process.env['CI']
  let transient = false
  const clear = (): void => {
    if (transient) {
      process.stderr.write('\r\u001B[K')
      transient = false
    }
  }
  return {
    out: (text) => {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    },
    info: (text) => {
      clear()
      process.stderr.write(`${text}\n`)
    },
    error: (text) => {
      clear()
      process.stderr.write(`${text}\n`)
    },
    progress: (text) => {
      if (!tty) return
      clear()
      process.stderr.write(text)
      transient = true
    }
  }
}
