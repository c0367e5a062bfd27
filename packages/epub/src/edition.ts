/**
 * The epub edition format. (Being built: see its issue.)
 */
import type {EditionFormat} from '@diglot/core'

/** Builds the epub edition of every work. */
export const epubEdition: EditionFormat = {
  name: 'epub',
  async build() {
    throw new Error('the epub edition is not implemented yet')
  }
}
