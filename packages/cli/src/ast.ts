/**
 * `diglot ast <work-dir>`: print a work's tree as JSON.
 */
import {formatMessage, hasErrors, toJson} from '@diglot/core'
import {readWork} from '@diglot/core/fs'
import type {Output} from './output.js'

/** Print the tree of one work. Returns the exit code. */
export async function ast(
  workDir: string,
  options: {positions: boolean},
  output: Output
): Promise<number> {
  const {tree, messages} = await readWork(workDir)
  for (const message of messages) output.error(formatMessage(message))
  if (!tree.children.some((child) => child.type === 'work')) return 1
  output.out(toJson(tree, {positions: options.positions}))
  return hasErrors(messages) ? 1 : 0
}
