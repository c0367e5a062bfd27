/**
 * Problems found in a source: each is a VFileMessage with a file, a place,
 * a rule id and what to do about it. Errors stop a build; warnings don't.
 */
import {VFile} from 'vfile'
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

/** Every rule checked on a source, with its severity (the renderers own the rules of their editions). */

/** A rule id of `@diglot/core`. */
export type RuleId = keyof typeof sourceRules

/** How bad a broken rule is: an `error` stops a build, a `warning` doesn't. */
export type Severity = 'error' | 'warning'

/** Where each rule of core is documented (the README's rule table). */
export const rulesUrl = 'https://www.npmjs.com/package/@diglot/core#rules'

/** A problem found in a source or an edition: a VFileMessage with a file, a place, a rule id and `source: 'diglot'`. */
export type DiglotMessage = VFileMessage & {ruleId: string}

/** Where a message points: a point or a range (`position`) of a file. */
export type Place = Point | Position

/** Makes a message for one of a table's rules. */
export type MessageMaker<Id extends string> = (
  file: string,
  place: Place | undefined,
  ruleId: Id,
  reason: string,
  options?: MessageOptions
) => DiglotMessage

/** What else a message may say. */
export interface MessageOptions {
  /** A related place, e.g. the first definition of a note defined twice (a message of its own, with its file and place). */
  cause?: VFileMessage | undefined
  /** Where the rule is documented (default: the rule table of the package that owns the rule). */
  url?: string | undefined
}

/** A related place, given as the `cause` of a message: `reason` at `place` in `file` (default: the message's own file). */
export function relatedPlace(
  reason: string,
  place: Point | Position | undefined,
  file?: string
): VFileMessage {
  const cause = new VFileMessage(reason, {place: place ?? {line: 1, column: 1}, source: 'diglot'})
  if (file !== undefined) cause.file = file
  return cause
}

/** Fill in what every Diglot message carries: rule id, source, severity, documentation. */
function finish(
  message: VFileMessage,
  ruleId: string,
  severity: Severity,
  url: string
): DiglotMessage {
  message.ruleId = ruleId
  message.source = 'diglot'
  message.fatal = severity === 'error'
  message.url = url
  if (message.cause instanceof VFileMessage && !message.cause.file)
    message.cause.file = message.file
  return message as DiglotMessage
}

/**
 * A message maker for a table of rules (each renderer has its own: `pdf-*`,
 * `epub-*`, `html-*`), so that a rule's severity and documentation live with the
 * package that checks it.
 *
 * @param table Each rule id with its severity.
 * @param url Where the rules are documented.
 * @returns `(file, place, ruleId, reason, options?) => DiglotMessage`.
 */
export function messageMaker<Id extends string>(
  table: Readonly<Record<Id, Severity>>,
  url: string
): MessageMaker<Id> {
  return function make(
    file: string,
    place: Point | Position | undefined,
    ruleId: Id,
    reason: string,
    options: MessageOptions = {}
  ): DiglotMessage {
    const message = new VFileMessage(reason, {
      place: place ?? {line: 1, column: 1},
      ...(options.cause ? {cause: options.cause} : {})
    })
    message.file = file
    return finish(message, ruleId, table[ruleId], options.url ?? url)
  }
}

/**
 * Make a message for a rule of core.
 *
 * @param file Path of the file, as the user should see it.
 * @param place Where in the file (a point or a position); 1:1 when unknown.
 * @param ruleId The rule broken.
 * @param reason What is wrong and what to do about it.
 * @param options A related place (`cause`), a documentation `url`.
 */
export const createMessage = messageMaker(sourceRules, rulesUrl)

/**
 * `file:line:col: reason [rule]`, the format of every message Diglot prints, on
 * one line; control characters (an ESC from a source) are shown escaped.
 */
export function formatMessage(message: VFileMessage): string {
  const line = message.line ?? 1
  const column = message.column ?? 1
  const severity = message.fatal ? '' : 'warning: '
  return printable(
    `${message.file}:${line}:${column}: ${severity}${message.reason} [${message.ruleId ?? 'diglot'}]`
  ).replace(/\n/g, '\\n')
}

/**
 * A message as plain data, to send to another thread: a structured clone of
 * an Error (which a VFileMessage is) keeps only its message and stack, and
 * the file, place, rule and severity would be lost.
 */
export interface MessageData {
  reason: string
  /** Every other field of the message (file, place, line, column, ruleId, fatal, url, …). */
  fields: Record<string, unknown>
  /** A related place (`cause`), itself as data. */
  cause?: MessageData | undefined
}

/** A message as plain data (`messageFromData` makes it a message again, field for field). */
export function messageToData(message: VFileMessage): MessageData {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(message))
    if (key !== 'cause' && key !== 'stack' && typeof value !== 'function') fields[key] = value
  const {cause} = message
  return {
    reason: message.reason,
    fields,
    ...(cause instanceof VFileMessage ? {cause: messageToData(cause)} : {})
  }
}

/** A message again, from `messageToData`'s data (another thread's message). */
export function messageFromData(data: MessageData): DiglotMessage {
  const message = new VFileMessage(data.reason)
  Object.assign(message, data.fields)
  if (data.cause) message.cause = messageFromData(data.cause)
  return message as DiglotMessage
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

/**
 * Collects messages for one source file, on its VFile (`file.message`): the
 * messages of a file given as a VFile stay on that file.
 */
export class Reporter {
  /** The file the messages are on. */
  readonly vfile: VFile
  constructor(file: string | VFile) {
    this.vfile = typeof file === 'string' ? new VFile(file === '' ? {} : {path: file}) : file
  }
  /** Path of the file, as shown in messages. */
  get file(): string {
    return this.vfile.path ?? ''
  }
  /** Every message reported on the file (the VFile's own list). */
  get messages(): DiglotMessage[] {
    return this.vfile.messages as DiglotMessage[]
  }
  report(
    place: Point | Position | undefined,
    ruleId: RuleId,
    reason: string,
    options: MessageOptions = {}
  ): void {
    const message = this.vfile.message(reason, {
      place: place ?? {line: 1, column: 1},
      ruleId,
      source: 'diglot',
      ...(options.cause ? {cause: options.cause} : {})
    })
    message.file = this.file
    finish(message, ruleId, sourceRules[ruleId], options.url ?? rulesUrl)
  }
}
