/**
 * Chromium names the structure elements of a tagged PDF after its DOM node
 * counter (`/ID (node00000142)`, and table cells' `/Headers`), which now and
 * then differs between two prints of the same page. Numbered again in order of
 * first appearance, at the same width (so no byte offset moves), the same
 * source gives the same bytes.
 */
export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const ids = new Map<string, string>()
  let changed = false
  const result = text.replace(/\(node(\d+)\)/g, (_match, digits: string) => {
    let id = ids.get(digits)
    if (id === undefined) {
      const next = String(ids.size + 1).padStart(digits.length, '0')
      id = next.length === digits.length ? next : digits
      ids.set(digits, id)
    }
    if (id !== digits) changed = true
    return `(node${id})`
  })
  return changed ? new Uint8Array(Buffer.from(result, 'latin1')) : pdf
}
