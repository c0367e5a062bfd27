/**
 * Timing helpers shared by the suites: warm up, then take the median of runs.
 */
import {performance} from 'node:perf_hooks'

/** Median milliseconds of `runs` calls of `fn` after `warmup` calls. */
export async function median(fn, {runs = 15, warmup = 3} = {}) {
  for (let index = 0; index < warmup; index++) await fn()
  const times = []
  for (let index = 0; index < runs; index++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return {
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times[times.length - 1],
    runs
  }
}

/** A Markdown table row of a measurement. */
export function row(label, m) {
  return `| ${label} | ${m.median.toFixed(1)} ms | ${m.min.toFixed(1)}–${m.max.toFixed(1)} ms | ${m.runs} |`
}

export const tableHead = '| subject | median | range | runs |\n|---|---|---|---|'

/**
 * Measure two subjects alternately (a, b, a, b, …) so that a change in machine
 * load hits both alike. Returns the two measurements.
 */
export async function compare(a, b, {runs = 15, warmup = 3} = {}) {
  for (let index = 0; index < warmup; index++) {
    await a()
    await b()
  }
  const times = [[], []]
  for (let index = 0; index < runs; index++) {
    for (const [slot, fn] of [a, b].entries()) {
      const start = performance.now()
      await fn()
      times[slot].push(performance.now() - start)
    }
  }
  return times.map((list) => {
    list.sort((x, y) => x - y)
    return {
      median: list[Math.floor(list.length / 2)],
      min: list[0],
      max: list[list.length - 1],
      runs
    }
  })
}
