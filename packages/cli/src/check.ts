/**
 * `diglot check [content-dir]`: validate every work; print messages; exit 1 on errors.
 */
import {formatMessage, hasErrors} from '@diglot/core'
import {readContent, readWork} from '@diglot/core/fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import type {Output} from './output.js'
import {parallelWorkBuilder} from './parse-pool.js'
import {startWorkerEarly, stopEarlyWorker} from './threads.js'

/** Check a content folder (or a single work folder). Returns the exit code. */
export async function check(target: string, output: Output): Promise<number> {
  const isWork = await exists(path.join(target, 'work.yaml'))
  // A worker loads its modules while the content is read (ended unused if the works are small).
  if (!isWork) startWorkerEarly()
  const {tree, messages} = isWork
    ? await readWork(target)
    : await readContent(target, {buildWorks: parallelWorkBuilder()}).finally(stopEarlyWorker)
  for (const message of messages) output.error(formatMessage(message))
  const works = tree.children.filter((child) => child.type === 'work').length
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.length - errors
  output.info(`${works} work(s) checked: ${errors} error(s), ${warnings} warning(s)`)
  return hasErrors(messages) ? 1 : 0
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
