/**
 * SIGINT, SIGTERM and SIGHUP end a build quietly: every registered cleanup runs
 * (the browser is killed, its profile and the staging folder are removed), then
 * the process exits 128 + the signal's number (130, 143, 129), with no message.
 */
import {runCleanups} from '@diglot/core'

const exitCodes = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const

let stopping = false

/** True once a signal has been received: what fails after it is the interruption, not a bug. */
export function isStopping(): boolean {
  return stopping
}

/** Install the handlers (once, in the `diglot` process). */
export function installSignalHandlers(): void {
  for (const [signal, code] of Object.entries(exitCodes)) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      void runCleanups().finally(() => process.exit(code))
    })
  }
}
