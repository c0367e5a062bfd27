/**
 * `window.diglot.facing`: the facing-page layout as the Node side calls it
 * (`node/facing.ts`); the engine itself is `globalThis.diglotFacing` (`install.ts`).
 */
import type {DiglotPageApi} from '../api.js'
import {preloadFacingFaces} from '../fonts.js'
import type {FacingGlobal} from './install.js'

/** The engine, installed with the page script. */
const engine = (): FacingGlobal['diglotFacing'] =>
  (globalThis as unknown as FacingGlobal).diglotFacing

/** Time spent in each engine function (after `profile`). */
const times: Record<string, number> = {}

/** `window.diglot.facing`. */
export const facingBook: DiglotPageApi['facing'] = {
  preloadFonts: preloadFacingFaces,
  layout(lineHeight) {
    engine().layoutBook(lineHeight)
  },
  finish: (data) => engine().finishFacing(data),
  profile() {
    const wrapped = engine() as unknown as Record<string, unknown>
    for (const [name, value] of Object.entries(wrapped)) {
      if (typeof value !== 'function' || name.startsWith('layout')) continue
      const fn = value as (...args: unknown[]) => unknown
      wrapped[name] = (...args: unknown[]) => {
        const start = performance.now()
        try {
          return fn(...args)
        } finally {
          times[name] = (times[name] ?? 0) + performance.now() - start
        }
      }
    }
  },
  times: () => times
}
