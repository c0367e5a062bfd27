/**
 * What must be undone when the process is interrupted (SIGINT, SIGTERM): a
 * browser to kill, a profile or staging folder to remove. Whoever starts such a
 * thing registers its undoing here; the CLI runs them all on a signal, then exits.
 */

type Cleanup = () => unknown

const cleanups = new Set<Cleanup>()

/** Register `cleanup`; returns a function that unregisters it (call it once the thing is undone normally). */
export function onCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup)
  return () => {
    cleanups.delete(cleanup)
  }
}

/** Run every registered cleanup (latest first), each at most `timeoutMs`; never throws. */
export async function runCleanups(timeoutMs = 5000): Promise<void> {
  const list = [...cleanups].reverse()
  cleanups.clear()
  for (const cleanup of list) {
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([
        Promise.resolve().then(cleanup),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs)
        })
      ])
    } catch {
      // Cleaning up is best effort; the next cleanup still runs.
    } finally {
      if (timer) clearTimeout(timer)
    }
  }
}
