/** Links between the files of the book. */
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import type {Page} from './types.js'

/** Give every `#id` link the file that holds the id; returns the file of every id. */
export function resolveLinks(pages: Page[]): Map<string, string> {
  const fileOf = new Map<string, string>()
  const walk = (node: HastRoot | ElementContent, visitor: (element: Element) => void): void => {
    if (node.type === 'element') visitor(node)
    if ('children' in node)
      for (const child of node.children) walk(child as ElementContent, visitor)
  }
  for (const page of pages) {
    walk(page.tree, (element) => {
      const id = element.properties['id']
      if (typeof id === 'string') fileOf.set(id, page.filename)
    })
  }
  for (const page of pages) {
    walk(page.tree, (element) => {
      const href = element.properties['href']
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
      // The Markdown's link address is percent-encoded (`#бас` is `#%D0%B1…`); ids are not.
      const file = fileOf.get(href.slice(1)) ?? fileOf.get(decodedFragment(href))
      if (!file)
        throw new Error(
          `epub: link to #${href.slice(1)} in ${page.filename} has no target in the book`
        )
      if (file !== page.filename) element.properties['href'] = `${file}${href}`
    })
  }
  return fileOf
}

/** The id a `#fragment` address names, as a browser finds it (percent-decoded). */
function decodedFragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1))
  } catch {
    return href.slice(1)
  }
}
