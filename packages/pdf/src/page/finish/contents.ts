/** What every finished book writes and reports, whatever laid it out. */

/** Write the folio of each contents entry's target into its slot; returns them by target. */
export function fillContents(folioOf: (element: Element | null) => string): Record<string, string> {
  const toc: Record<string, string> = {}
  for (const slot of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const target = slot.dataset['target'] ?? ''
    const folio = folioOf(document.getElementById(target))
    toc[target] = folio
    slot.textContent = folio
  }
  return toc
}

/** The font faces that failed to load. */
export function fontErrors(): string[] {
  const errors: string[] = []
  document.fonts.forEach((face) => {
    if (face.status === 'error') errors.push(`${face.family} ${face.weight} ${face.style}`)
  })
  return errors
}
