/**
 * The rules the HTML edition checks, with their severity; their messages.
 */
import {messageMaker, type MessageMaker} from '@diglot/core'

/** Each rule of the HTML edition with its severity. */
export const htmlRules = {
  'html-missing-glyph': 'error'
} as const

/** A rule id of the HTML edition. */
export type HtmlRuleId = keyof typeof htmlRules

/** A message for a rule of the HTML edition (documented in the package README, “Rules”). */
export const htmlMessage: MessageMaker<HtmlRuleId> = messageMaker(
  htmlRules,
  'https://www.npmjs.com/package/@diglot/html#rules'
)
