/**
 * The rules the EPUB edition checks, with their severity; their messages.
 */
import {messageMaker, type MessageMaker} from '@diglot/core'

/** Each rule of the EPUB edition with its severity. */
export const epubRules = {
  'epub-missing-glyph': 'error'
} as const

/** A rule id of the EPUB edition. */
export type EpubRuleId = keyof typeof epubRules

/** A message for a rule of the EPUB edition (documented in the package README, “Rules”). */
export const epubMessage: MessageMaker<EpubRuleId> = messageMaker(
  epubRules,
  'https://www.npmjs.com/package/@diglot/epub#rules'
)
