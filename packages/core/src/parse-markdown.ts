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

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkEmailLiteralsOnTree)
  .use(remarkDirective)
  .use(remarkFrontmatter, ['yaml'])
const processor = parser().freeze()

/**
 * The Diglot parser with extra remark plugins (syntax extensions change the
 * parse; transforms run before Diglot's own).
 */
export function markdownProcessor(remarkPlugins: PluggableList = []): Processor<Root, Root, Root> {
  return (remarkPlugins.length === 0
    ? processor
    : parser().use(remarkPlugins).freeze()) as unknown as Processor<Root, Root, Root>
}
