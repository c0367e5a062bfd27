/**
 * Nest alignments into sections: a heading alignment opens a section that runs
 * to the next heading of the same or a higher rank.
 */
import type {Alignment, Section, Segment, SectionContent} from './types.js'

/** Group a flat list of alignments into sections (and blocks before the first heading). */
export function buildSections(alignments: readonly Alignment[]): SectionContent[] {
  const top: SectionContent[] = []
  const stack: Section[] = []
  for (const alignment of alignments) {
    if (alignment.blockType === 'heading') {
      const depth = headingDepth(alignment.children)
      while (stack.length > 0 && (stack[stack.length - 1] as Section).depth >= depth) stack.pop()
      const section: Section = {type: 'section', id: alignment.id, depth, children: [alignment]}
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(section)
      else top.push(section)
      stack.push(section)
    } else {
      const parent = stack[stack.length - 1]
      if (parent) parent.children.push(alignment)
      else top.push(alignment)
    }
  }
  return top
}

function headingDepth(segments: readonly Segment[]): Section['depth'] {
  for (const segment of segments) {
    const block = segment.children[0]
    if (block?.type === 'heading') return block.depth
  }
  return 1
}
