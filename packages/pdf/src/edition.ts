/**
 * The pdf edition format. (Being built: see its issue.)
 */
import type {EditionFormat} from '@diglot/core'

/** Builds the pdf edition of every work. */
export const pdfEdition: EditionFormat = {
  name: 'pdf',
  async build() {
    throw new Error('the pdf edition is not implemented yet')
  }
}
