/**
 * Run mdast-util-to-hast over a Diglot node with the Diglot handlers: each
 * handler gets the Diglot context on `state.diglot`, and what it returns is
 * patched (positions) and given the node's `data.hName`/`hProperties`, as
 * mdast-util-to-hast's own handlers do.
 */
import {toHast as mdastToHast, type Handler, type Handlers, type State} from 'mdast-util-to-hast'
import type {ElementContent} from 'hast'
import type {Nodes as MdastNodes} from 'mdast'
import type {DiglotContext, DiglotState} from './state.js'

/** The context's handlers as mdast-util-to-hast handlers. */
function mdastHandlers(context: DiglotContext): Handlers {
  const result: Record<string, Handler> = {}
  for (const [type, handler] of Object.entries(context.handlers)) {
    result[type] = (state: State, node, parent) => {
      const diglotState = Object.assign(state, {diglot: context}) as DiglotState
      const output = handler(diglotState, node as never, parent)
      if (output && !Array.isArray(output) && output.type === 'element') {
        state.patch(node, output)
        return state.applyData(node, output)
      }
      return output
    }
  }
  return result as Handlers
}

/** Convert `node` (a Diglot node, or a root of a note's blocks) to hast content. */
export function convert(node: unknown, context: DiglotContext): ElementContent[] {
  const result = mdastToHast(node as MdastNodes, {
    handlers: mdastHandlers(context),
    allowDangerousHtml: false
  })
  return result.type === 'root' ? (result.children as ElementContent[]) : [result as ElementContent]
}
