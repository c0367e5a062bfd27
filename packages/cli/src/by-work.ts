/**
 * A format whose files depend on one work each (`byWork`, the EPUB: a book
 * holds one work) is built on several threads: the largest works here,
 * others on worker threads, each thread building the tree with only its
 * works. The files are the same bytes as one build of the whole tree
 * (`parallel.test.ts`).
 */
import {
  works as worksOf,
  type EditionFormat,
  type EditionOptions,
  type EditionResult,
  type Root,
  type Work
} from '@diglot/core'
import {fromThread, planLanes, runOnThread, threadsAvailable, type ThreadAnswer} from './threads.js'

/**
 * What a worker costs before it builds, in characters of a work's tree as JSON.
 * Measured on the EPUB (both works, 5 alternating runs, loaded machine): a
 * worker that builds the article's book adds ~1.3 s of CPU (its own start,
 * WebAssembly compiles, fonts and a cold JIT), about what ~650 000 characters of
 * tree take to build; counted at 1 000 000, the two works of `content/` stay on
 * one thread and several large works spread.
 */
export const WORKER_START = 1_000_000

/** A tree with only some of a tree's works (and everything else it holds: the glossary). */
export function onlyWorks(tree: Root, keep: readonly Work[]): Root {
  return {
    ...tree,
    children: tree.children.filter((child) => child.type !== 'work' || keep.includes(child))
  }
}

/** Build `format` of `tree`, its works spread over up to `threads` threads when it builds by work. */
export async function buildByWork(
  format: EditionFormat,
  tree: Root,
  options: EditionOptions,
  threads: number,
  startCost = WORKER_START
): Promise<EditionResult> {
  const works = worksOf(tree)
  if (!format.byWork || threads <= 1 || works.length <= 1 || !threadsAvailable)
    return format.build(tree, options)
  const lanes = planLanes(
    works.map((work) => JSON.stringify(work).length),
    Math.min(threads, works.length),
    startCost
  )
  const byLane = lanes.map((lane) => lane.map((index) => works[index] as Work))
  const elsewhere = byLane
    .slice(1)
    .filter((lane) => lane.length > 0)
    .map(async (lane): Promise<[Work[], EditionResult]> => {
      for (const work of lane) options.progress(work.id, format.name)
      const subtree = onlyWorks(tree, lane)
      const request = {
        kind: 'format' as const,
        format: format.name,
        tree: subtree,
        outDir: options.outDir,
        templatesDir: options.templatesDir,
        sourceDateEpoch: options.sourceDateEpoch
      }
      // A thread that cannot start leaves its works to this one.
      const result = await runOnThread<ThreadAnswer<EditionResult>>(request).then(
        (answer) => fromThread<EditionResult>(answer),
        () => format.build(subtree, options)
      )
      return [lane, result]
    })
  for (const settled of elsewhere) settled.catch(() => {}) // (awaited below)
  const here = byLane[0] ?? []
  const results: Array<[Work[], EditionResult]> =
    here.length > 0 ? [[here, await format.build(onlyWorks(tree, here), options)]] : []
  results.push(...(await Promise.all(elsewhere)))
  // Each thread's files and messages, threads in the order of their first work (the same whichever finishes first).
  const at = (work: Work | undefined): number => (work ? works.indexOf(work) : -1)
  results.sort((a, b) => at(a[0][0]) - at(b[0][0]))
  return {
    files: results.flatMap(([, result]) => result.files),
    messages: results.flatMap(([, result]) => result.messages)
  }
}
