/**
 * Points (line, column, offset) of a source text by character offset: the
 * line starts are found once, each point by bisection.
 */
import type {Point} from 'unist'

/** A function giving the point of an offset in `source`. */
export function pointsOf(source: string): (offset: number) => Point {
  const starts = [0]
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1))
    starts.push(at + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (starts[low] as number) + 1, offset}
  }
}
