/**
 * The Markdown layer: CommonMark + GFM + directives + frontmatter, as mdast,
 * and the processor that runs extra remark plugins and the Diglot transforms.
 */
import {unified, type PluggableList, type Processor} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root} from 'mdast'
import {remarkEmailLiteralsOnTree} from './email-literals.js'
import {mayHoldTable, remarkWithoutTables} from './constructs.js'

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkEmailLiteralsOnTree)
  .use(remarkDirective)
  .use(remarkFrontmatter, ['yaml'])
type MarkdownProcessor = Processor<Root, Root, Root>

/** Each processor's twin without GFM tables (the same parse of a text that cannot hold one). */
const withoutTables = new WeakMap<MarkdownProcessor, MarkdownProcessor>()

function make(remarkPlugins: PluggableList, tables: boolean): MarkdownProcessor {
  const made = parser().use(remarkPlugins)
  return (tables ? made : made.use(remarkWithoutTables)).freeze() as unknown as MarkdownProcessor
}

const processor = make([], true)
withoutTables.set(processor, make([], false))

/**
 * The Diglot parser with extra remark plugins (syntax extensions change the
 * parse; transforms run before Diglot's own).
 */
export function markdownProcessor(remarkPlugins: PluggableList = []): MarkdownProcessor {
  if (remarkPlugins.length === 0) return processor
  const made = make(remarkPlugins, true)
  withoutTables.set(made, make(remarkPlugins, false))
  return made
}

/**
 * Parse `text` with `processor` (one of `markdownProcessor`'s): a text that
 * cannot hold a GFM table is parsed without trying one at every line.
 */
export function parseMarkdown(processor: MarkdownProcessor, text: string): Root {
  const lean = mayHoldTable(text) ? undefined : withoutTables.get(processor)
  return (lean ?? processor).parse(text)
}
