/**
 * Problems found in a source: each is a VFileMessage with a file, a place,
 * a rule id and what to do about it. Errors stop a build; warnings don't.
 */
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import {printable} from './limits.js'

/** The rules checked on a source (content folder), with their severity. */
export const sourceRules = {
  'utf8-invalid': 'error',
  'yaml-invalid': 'error',
  'meta-invalid': 'error',
  'glossary-invalid': 'error',
  'file-missing': 'error',
  'directive-unknown': 'error',
  'directive-invalid': 'error',
  'note-undefined': 'error',
  'note-unused': 'warning',
  'note-duplicate': 'error',
  'id-duplicate': 'error',
  'glossary-unknown-id': 'error',
  'align-missing-counterpart': 'error',
  'align-kind-mismatch': 'error',
  'translation-incomplete': 'warning',
  'untranslated-block': 'warning',
  'char-invalid': 'error',
  'limit-exceeded': 'error',
  'link-invalid': 'error',
  'image-unsupported': 'error',
  'definition-unsupported': 'error',
  'task-list-unsupported': 'error',
  'frontmatter-unsupported': 'warning',
  'frontmatter-invalid': 'error',
  'file-outside': 'error',
  'field-unknown': 'warning',
  'page-order': 'warning',
  'work-missing': 'warning',
  'content-empty': 'error'
} as const satisfies Record<string, 'error' | 'warning'>

/** The rules checked on a rendered edition (reported by the renderers), with their severity. */
export const editionRules = {
  'pdf-overflow': 'warning',
  'pdf-missing-glyph': 'warning',
  'pdf-font-error': 'warning',
  'pdf-note-page': 'warning',
  'pdf-text-lost': 'warning',
  'pdf-request-blocked': 'warning',
  'epub-missing-glyph': 'error',
  'html-missing-glyph': 'error'
} as const satisfies Record<string, 'error' | 'warning'>

/** Every rule Diglot checks, with its severity. */
export const rules = {...sourceRules, ...editionRules} as const

/** A rule id. */
export type RuleId = keyof typeof rules

/** A problem found in a source. */
export type DiglotMessage = VFileMessage & {ruleId: RuleId}

/**
 * Make a message.
 *
 * @param file Path of the file, as the user should see it.
 * @param place Where in the file (a point or a position); 1:1 when unknown.
 * @param ruleId The rule broken.
 * @param reason What is wrong and what to do about it.
 */
export function createMessage(
  file: string,
  place: Point | Position | undefined,
  ruleId: RuleId,
  reason: string
): DiglotMessage {
  const message = new VFileMessage(reason, {
    place: place ?? {line: 1, column: 1},
    ruleId,
    source: 'diglot'
  })
  message.file = file
  message.fatal = rules[ruleId] === 'error'
  return message as DiglotMessage
}

/**
 * `file:line:col: reason [rule]`, the format of every message Diglot prints, on
 * one line; control characters (an ESC from a source) are shown escaped.
 */
export function formatMessage(message: VFileMessage): string {
  const line = message.line ?? 1
  const column = message.column ?? 1
  const severity = message.fatal ? '' : 'warning: '
  return printable(`${message.file}:${line}:${column}: ${severity}${message.reason} [${message.ruleId ?? 'diglot'}]`).replace(/\n/g, '\\n')
}

/** True when any message is an error. */
export function hasErrors(messages: readonly VFileMessage[]): boolean {
  return messages.some((message) => message.fatal === true)
}

/** Sort messages by file, line, column (stable, for reproducible output). */
export function sortMessages<T extends VFileMessage>(messages: readonly T[]): T[] {
  return [...messages].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0)
  )
}

/** Collects messages for one source file. */
export class Reporter {
  readonly messages: DiglotMessage[] = []
  constructor(readonly file: string) {}
  report(place: Point | Position | undefined, ruleId: RuleId, reason: string): void {
    this.messages.push(createMessage(this.file, place, ruleId, reason))
  }
}
