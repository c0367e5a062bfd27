/**
 * Serialize a Diglot tree to JSON, with the spec version, without positions
 * unless asked. Output is deterministic: the same source gives the same text.
 */
import type {Root} from './types.js'
import {SPEC_VERSION} from './types.js'

/** Options for `toJson`. */
export interface ToJsonOptions {
  /** Keep `position` on nodes (default false). */
  positions?: boolean | undefined
  /** Indentation (default 2). */
  space?: number | undefined
}

/** The tree as JSON text. */
export function toJson(tree: Root, options: ToJsonOptions = {}): string {
  const positions = options.positions ?? false
  const value = {...tree, specVersion: tree.specVersion || SPEC_VERSION}
  return JSON.stringify(
    value,
    (key, item: unknown) => (!positions && key === 'position' ? undefined : item),
    options.space ?? 2
  )
}

/** Read a tree back from `toJson` output, checking its spec version. */
export function fromJson(text: string): Root {
  const value = JSON.parse(text) as Partial<Root>
  if (value.type !== 'root' || typeof value.specVersion !== 'string')
    throw new TypeError('not a Diglot tree: expected `type: "root"` and a `specVersion`')
  const [major] = value.specVersion.split('.')
  if (major !== SPEC_VERSION.split('.')[0])
    throw new TypeError(
      `Diglot tree of spec ${value.specVersion} cannot be read by spec ${SPEC_VERSION}`
    )
  return value as Root
}
