/**
 * Whether the transforms keep what they make of each text between parses
 * (`rememberSetBlocks`): `diglot build --watch` parses a changed work again,
 * and most of its texts are the same as last time.
 */
export const textMemory = {on: false}

/** A bounded memo: `make(key)` once per key while remembering is on (forgotten whole when full). */
export function memoWhileRemembering<T>(
  make: (key: string) => T,
  limit = 50_000
): (key: string) => T {
  const known = new Map<string, T>()
  return (key) => {
    if (!textMemory.on) {
      if (known.size > 0) known.clear()
      return make(key)
    }
    let value = known.get(key)
    if (value === undefined) {
      value = make(key)
      if (known.size >= limit) known.clear()
      known.set(key, value)
    }
    return value
  }
}
