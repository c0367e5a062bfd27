/**
 * Parsing without micromark constructs that cost time and cannot match (or
 * whose work is done elsewhere): a construct is dropped from an extension by
 * its name.
 */
import type {Data, Processor} from 'unified'

/** A micromark syntax extension (as remark-parse's `micromarkExtensions` holds them). */
type Extension = NonNullable<Data['micromarkExtensions']>[number]
type ConstructRecord = NonNullable<Extension['text']>
type Constructs = NonNullable<ConstructRecord[number]>
type Construct = Extract<Constructs, {tokenize: unknown}>

/** `extension` without the constructs called `name` in its `field` record (the others as they are). */
export function withoutConstructs(
  extension: Extension,
  field: 'flow' | 'text',
  name: string
): Extension {
  const record = extension[field]
  if (!record) return extension
  const kept: ConstructRecord = {}
  for (const [code, constructs] of Object.entries(record) as Array<[string, Constructs]>) {
    const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (construct: Construct) => construct.name !== name
    )
    // (The key of constructs tried at any character is `null`, as a string here.)
    if (list.length > 0) (kept as Record<string, Constructs>)[code] = list
  }
  return {...extension, [field]: kept}
}

/**
 * Whether a Markdown text may hold a GFM table: its delimiter row has a `|`,
 * or a `:` beside a cell's hyphens (`:-:`). Without either, the table
 * construct, tried at the start of every line (and reading the whole line),
 * cannot match.
 */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:')
}

/** A unified plugin, used after `remark-gfm`: no GFM tables (for texts that cannot hold one). */
export function remarkWithoutTables(this: Processor): undefined {
  const data = this.data()
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) =>
    withoutConstructs(extension, 'flow', 'table')
  )
}
