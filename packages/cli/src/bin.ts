#!/usr/bin/env node
/**
 * The `diglot` command's entry. V8 optimizes a function once it has run for
 * a budget of bytecode; a command lives for a second or two, and at V8's
 * default budget its background threads spend about as much CPU compiling
 * optimized code as the command spends running (0.45 s beside 0.6 s for
 * the HTML edition of the content). A budget six times larger optimizes only
 * the really hot code: measured in `BENCHMARKS.md` (see `docs/decisions.md`,
 * issue 16). Set before any other module is loaded, so that it applies to all
 * of them (and to the worker threads, which share the process's flags).
 */
import {setFlagsFromString} from 'node:v8'

setFlagsFromString('--interrupt-budget=400000')
await import('./start.js')
