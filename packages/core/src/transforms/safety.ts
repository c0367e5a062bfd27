/**
 * What a language file may not contain, checked on the parsed Markdown before
 * any other transform: nesting beyond the limit, links with a scheme other than
 * http(s) and mailto, images, raw inline HTML, nested code blocks, task lists
 * and front matter. Every refusal names
 * its place. The walk is iterative, so no input can overflow the stack here.
 */
import type {Nodes, Parent, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {isMap, isScalar, parseDocument} from 'yaml'
import type {Reporter} from '../messages.js'
import {MAX_EMPHASIS_RUNS, MAX_NESTING, lineNesting} from '../limits.js'

/** Schemes a link may use (besides `#fragment` within the work). */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:'])

/** Nodes that do not count as a level of nesting (they always come with one that does). */
const transparent = new Set(['listItem', 'paragraph', 'root', 'tableRow', 'tableCell', 'table'])

/**
 * Refuse, before parsing, lines that nest containers beyond the limit.
 * Returns false when the file must not be parsed.
 */
export function checkLineNesting(text: string, reporter: Reporter): boolean {
  let line = 1
  let start = 0
  while (start <= text.length) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    // Only the line's start matters; bounded so that a huge line costs little.
    const depth = lineNesting(text.slice(start, stop))
    if (depth > MAX_NESTING) {
      reporter.report(
        {line, column: 1},
        'limit-exceeded',
        `this line nests block quotes or lists ${depth >= 4 * MAX_NESTING ? `at least ${4 * MAX_NESTING}` : depth} levels deep; at most ${MAX_NESTING} are allowed (docs/format.md, Limits)`
      )
      return false
    }
    if (end === -1) break
    start = end + 1
    line++
  }
  return checkEmphasisRuns(text, reporter)
}

/** Refuse a paragraph with more emphasis delimiter runs than the limit (parsing them is quadratic). */
function checkEmphasisRuns(text: string, reporter: Reporter): boolean {
  if (text.length < MAX_EMPHASIS_RUNS) return true
  let line = 1
  let blockLine = 1
  let runs = 0
  const pattern = /\n[ \t]*\n|\n|[*_]+/g
  for (const match of text.matchAll(pattern)) {
    const token = match[0]
    if (token.startsWith('\n')) {
      line += token.split('\n').length - 1
      if (token.length > 1 && token.trim() === '' && token.split('\n').length > 2) {
        runs = 0
        blockLine = line
      }
      continue
    }
    runs++
    if (runs > MAX_EMPHASIS_RUNS) {
      reporter.report(
        {line: blockLine, column: 1},
        'limit-exceeded',
        `this paragraph has more than ${MAX_EMPHASIS_RUNS} runs of \`*\` or \`_\`; at most ${MAX_EMPHASIS_RUNS} are allowed (docs/format.md, Limits): escape literal ones as \`\\*\` or split the paragraph`
      )
      return false
    }
  }
  return true
}

/**
 * True when raw HTML is only comments (`<!-- a --> <!-- b -->`), which are allowed and not
 * shown; text between two comments (`<!-- a --> words <!-- b -->`) is not a comment.
 */
export function isHtmlComment(value: string): boolean {
  return /^(?:\s*<!--(?:(?!-->)[\s\S])*-->)+\s*$/.test(value)
}

/**
 * True when front matter reads as metadata: a YAML mapping whose keys are names
 * (`title: …`), not a paragraph that happens to hold a colon.
 */
function isMetadata(value: string): boolean {
  if (value.trim() === '') return true
  const document = parseDocument(value)
  if (document.errors.length > 0 || !isMap(document.contents)) return false
  return document.contents.items.every(
    (pair) => isScalar(pair.key) && /^[A-Za-z_][\w.-]*$/.test(String(pair.key.value))
  )
}

/** A link's target: where it may point, or why not. */
function classifyUrl(url: string): {ok: true; fragment?: string} | {ok: false; reason: string} {
  const trimmed = url.trim()
  if (trimmed.startsWith('#')) return {ok: true, fragment: decodeFragment(trimmed.slice(1))}
  let parsed: URL | undefined
  try {
    // The WHATWG parser, as browsers read it: leading spaces and controls, tabs and newlines inside are dropped.
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (!parsed) {
    return {
      ok: false,
      reason: `relative link \`${shortUrl(url)}\` points outside the edition; use a full https:// address or a \`#fragment\` of this work`
    }
  }
  if (!allowedSchemes.has(parsed.protocol)) {
    return {
      ok: false,
      reason: `link scheme \`${parsed.protocol}\` is refused (\`${shortUrl(url)}\`): a link may use http:, https:, mailto: or \`#fragment\`; other schemes can run code or read files in a reader's browser`
    }
  }
  return {ok: true}
}

function decodeFragment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function shortUrl(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}…` : url
}

/** A link to a `#fragment`, to be checked once the work's ids are known. */
export interface FragmentLink {
  fragment: string
  place: Point | undefined
}

/**
 * Check a parsed language file. Returns false when its nesting is too deep (the
 * tree is then emptied so that no later transform recurses into it), and
 * collects the `#fragment` links for a later check.
 */
export function checkTree(tree: Root, reporter: Reporter, fragments: FragmentLink[]): boolean {
  const stack: Array<{node: Nodes; depth: number; top: boolean}> = [
    {node: tree, depth: 0, top: false}
  ]
  while (stack.length > 0) {
    const {node, depth, top} = stack.pop() as {node: Nodes; depth: number; top: boolean}
    const level = transparent.has(node.type) ? depth : depth + 1
    if (level > MAX_NESTING) {
      reporter.report(
        node.position,
        'limit-exceeded',
        `block quotes, lists and inline marks nest more than ${MAX_NESTING} levels deep here; at most ${MAX_NESTING} are allowed (docs/format.md, Limits)`
      )
      tree.children = []
      return false
    }
    checkNode(node, top, reporter, fragments)
    if ('children' in node) {
      const children = (node as Parent).children as RootContent[]
      for (let index = children.length - 1; index >= 0; index--)
        stack.push({node: children[index] as Nodes, depth: level, top: node === tree})
    }
  }
  return true
}

function checkNode(node: Nodes, top: boolean, reporter: Reporter, fragments: FragmentLink[]): void {
  const place = node.position?.start
  switch (node.type) {
    case 'link': {
      const verdict = classifyUrl(node.url)
      if (!verdict.ok) reporter.report(place, 'link-invalid', verdict.reason)
      else if (verdict.fragment !== undefined) fragments.push({fragment: verdict.fragment, place})
      break
    }
    case 'image':
    case 'imageReference': {
      const url = node.type === 'image' ? node.url : ''
      const remote = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)
      reporter.report(
        place,
        'image-unsupported',
        remote
          ? `image \`${shortUrl(url)}\` is refused: an edition never loads anything from outside its content folder (no remote or file: images); describe it in words`
          : 'images are not supported yet: describe the image in words (or escape the `!` as `\\!` if this is text)'
      )
      break
    }
    case 'definition':
    case 'linkReference':
      // Resolved before this check (transforms/references.ts); an unused definition is reported there.
      break
    case 'html':
      // (A block of HTML at the top of the file is reported by the alignment.)
      if (!top && !isHtmlComment(node.value)) {
        reporter.report(
          place,
          'directive-unknown',
          'raw HTML is not part of the format and would not be shown; write Markdown or a directive, or escape the `<` as `\\<` (an HTML comment `<!-- … -->` is allowed and not shown)'
        )
      }
      break
    case 'code':
      // (A code block at the top of the file is reported by the alignment.)
      if (!top)
        reporter.report(
          place,
          'directive-unknown',
          'code blocks are not part of the format; if this is prose indented by four spaces or more, remove the extra indentation (inline `code` is allowed)'
        )
      break
    case 'listItem':
      if (typeof node.checked === 'boolean') {
        reporter.report(
          place,
          'task-list-unsupported',
          `task list items (\`[${node.checked ? 'x' : ' '}]\`) are not part of the format; write \`\\[${node.checked ? 'x' : ' '}]\` to keep the brackets as text`
        )
      }
      break
    case 'yaml':
      if (isMetadata(node.value))
        reporter.report(
          place,
          'frontmatter-unsupported',
          'front matter (`---` … `---`) in a language file is not shown; put metadata in work.yaml'
        )
      else
        reporter.report(
          place,
          'frontmatter-invalid',
          'this `---` … `---` block at the top of the file is read as front matter and would not be shown, but it is not YAML metadata (`key: value` lines): if it is text, write its `---` lines as `***` (thematic breaks) or remove them; metadata goes in work.yaml'
        )
      break
    default:
      break
  }
}
