/**
 * The rules the print edition checks, with their severity; their messages.
 */
import {messageMaker, type DiglotMessage} from '@diglot/core'

/** Each rule of the print edition with its severity. */
export const pdfRules = {
  'pdf-overflow': 'warning',
  'pdf-missing-glyph': 'warning',
  'pdf-font-error': 'warning',
  'pdf-note-page': 'warning',
  'pdf-text-lost': 'warning',
  'pdf-request-blocked': 'warning'
} as const

/** A rule id of the print edition. */
export type PdfRuleId = keyof typeof pdfRules

const make = messageMaker(pdfRules, 'https://www.npmjs.com/package/@diglot/pdf#rules')

/** A warning from the pdf checks, about the output file. */
export function pdfMessage(file: string, ruleId: PdfRuleId, reason: string): DiglotMessage {
  return make(file, undefined, ruleId, reason)
}
