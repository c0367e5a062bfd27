/**
 * A Paged.js handler: words and text nodes split at a page break.
 *
 * * Paged.js finds no break when the first text node past the page starts
 *   past it: the node stays, pushed into a column right of the page, and its
 *   text is lost. The break goes before that node.
 * * A word split at a page break: Paged.js cuts it at the first letter below
 *   the page, not at a soft hyphen ("har\u00ADm-"), and keeps the soft hyphens
 *   before the hyphen it appends; the last line is then wider than it was
 *   laid out, wraps at a soft hyphen and its end is pushed out of the page
 *   (text lost). The cut is moved back to the word's last soft hyphen (or the
 *   word's start) and the soft hyphen before the appended hyphen dropped.
 */
import type {HandlerClass, Layout} from './types.js'

const letter = /[\p{L}\p{M}\p{N}\u00AD]/u

/** The handler class, on Paged.js's `Handler`. */
export function textBreaksHandler(Handler: HandlerClass): HandlerClass {
  return class TextBreaks extends Handler {
    onOverflow(
      overflow: Range | undefined,
      rendered: Element,
      bounds: DOMRect,
      layout: Layout
    ): Range | undefined {
      if (overflow || !layout.hasOverflow(rendered, bounds)) return overflow
      // Paged.js finds no break when the first text node past the page starts past it (its
      // break offset is 0, taken for none): the node stays, pushed into a column right of
      // the page, and its text is lost. Break before that node.
      const start = Math.floor(bounds.left)
      const end = Math.round(bounds.right + layout.gap)
      const vStart = Math.round(bounds.top)
      const vEnd = Math.round(bounds.bottom)
      const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT)
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        if (!(node.textContent ?? '').trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        let left = 0
        let top = 0
        for (const rect of range.getClientRects()) {
          if (rect.width > 0 && (!left || rect.left > left)) left = rect.left
          if (rect.height > 0 && (!top || rect.top > top)) top = rect.top
        }
        if (left < end && top < vEnd) continue
        if (layout.textBreak(node, start, end, vStart, vEnd) !== 0) return undefined
        const result = document.createRange()
        result.setStartBefore(node)
        result.setEndAfter(rendered.lastChild ?? node)
        return result
      }
      return undefined
    }

    onBreakToken(
      token: {node?: Node; offset?: number} | undefined,
      overflow: Range | undefined
    ): void {
      if (!token?.node || !overflow || token.node.nodeType !== Node.TEXT_NODE) return
      const container = overflow.startContainer
      if (container.nodeType !== Node.TEXT_NODE) return
      const text = container.textContent ?? ''
      const at = overflow.startOffset
      const offset = token.offset ?? 0
      if (
        at <= 0 ||
        at >= text.length ||
        text[at - 1] === '\u00AD' ||
        !letter.test(text[at - 1]!) ||
        !letter.test(text[at]!)
      )
        return
      if ((token.node.textContent ?? '').slice(offset, offset + 12) !== text.slice(at, at + 12))
        return
      let back = at
      while (back > 0 && text[back - 1] !== '\u00AD' && letter.test(text[back - 1]!)) back--
      if (back === 0 || offset - (at - back) < 0) return
      token.offset = offset - (at - back)
      overflow.setStart(container, back)
    }

    afterOverflowRemoved(_removed: DocumentFragment, rendered: Element): void {
      for (const element of rendered.querySelectorAll('.pagedjs_hyphen')) {
        let last: ChildNode | null = element.lastChild
        while (last && last.nodeType !== Node.TEXT_NODE) last = last.previousSibling
        if (last?.textContent?.endsWith('\u00AD-'))
          last.textContent = `${last.textContent.slice(0, -2)}-`
      }
    }
  }
}
