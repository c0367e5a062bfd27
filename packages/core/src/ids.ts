/**
 * Stable block ids. A heading's id is the slug of its original text; any other
 * block's id is a short hash of its original text. Both depend only on the block
 * itself, so they stay the same when other blocks change; repeats get `-1`, `-2`.
 */
import {slug as slugify} from 'github-slugger'
import {toString} from 'mdast-util-to-string'
import type {Nodes} from 'mdast'
import type {AlignedBlockType, Segment} from './types.js'

const prefixes: Record<AlignedBlockType, string> = {
  heading: 'h',
  paragraph: 'p',
  blockquote: 'q',
  list: 'l',
  table: 't',
  thematicBreak: 'hr',
  gap: 'gap',
  editorial: 'ed'
}

/** FNV-1a, 32 bit, as 7 base-36 digits: short, stable, dependency-free. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36).padStart(7, '0')
}

/** Makes unique stable ids for the blocks of one work. */
export class BlockIds {
  readonly #seen = new Map<string, number>()
  readonly #given = new Set<string>()

  /** Id for a block, from the first segment that has content. */
  next(blockType: AlignedBlockType, segments: readonly Segment[]): string {
    const block = segments.find((segment) => segment.children.length > 0)?.children[0]
    const text = block
      ? toString(block as Nodes)
          .replace(/\s+/g, ' ')
          .trim()
      : ''
    if (blockType === 'heading' && text) {
      const slug = slugify(text)
      return this.#unique(slug && /^\p{L}/u.test(slug) ? slug : `h-${slug || shortHash(text)}`)
    }
    return this.#unique(`${prefixes[blockType]}-${shortHash(text)}`)
  }

  #unique(id: string): string {
    // Count repeats of a base id, and never hand out an id twice (`x 1` vs a repeated `x`).
    let count = this.#seen.get(id) ?? 0
    let candidate = count === 0 ? id : `${id}-${count}`
    while (this.#given.has(candidate)) {
      count++
      candidate = `${id}-${count}`
    }
    this.#seen.set(id, count + 1)
    this.#given.add(candidate)
    return candidate
  }
}
