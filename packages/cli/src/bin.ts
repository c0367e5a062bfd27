#!/usr/bin/env node
import {main} from './main.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`diglot: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the command you ran.\n`)
    process.exitCode = 70
  }
)
