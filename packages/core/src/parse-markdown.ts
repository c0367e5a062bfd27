/**
 * The Markdown layer: CommonMark + GFM + directives + frontmatter, as mdast.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root} from 'mdast'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).freeze()

/** Parse one language file's Markdown into mdast. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}
