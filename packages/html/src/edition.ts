/**
 * The html edition format. (Being built: see its issue.)
 */
import type {EditionFormat} from '@diglot/core'

/** Builds the html edition of every work. */
export const htmlEdition: EditionFormat = {
  name: 'html',
  async build() {
    throw new Error('the html edition is not implemented yet')
  }
}
