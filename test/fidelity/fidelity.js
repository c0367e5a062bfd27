// The fidelity engine: proves that no word of a work's seed text was lost in its Markdown.
//
// See README.md beside this file for what is checked and for the fidelity.yaml format.
// Plain ESM with JSDoc types, so that it runs without a build step.

import {readFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {directive} from 'micromark-extension-directive'
import {directiveFromMarkdown} from 'mdast-util-directive'

/**
 * @typedef {'body' | 'notes'} StreamName
 *
 * @typedef SeedWord
 * @property {string} word   the word as written in the seed (after `normalise`)
 * @property {string} key    its comparison form: NFKC, lowercased, letters/digits/marks only
 * @property {number} line   1-based line number in the seed file
 *
 * @typedef Unaccounted
 * @property {string} word
 * @property {number} line
 * @property {StreamName} stream
 *
 * @typedef MetaMiss
 * @property {string} word
 * @property {number} line
 * @property {string} accountedIn
 *
 * @typedef MatchOptions
 * @property {number} [window]   how far (in letters of the Markdown stream) past the cursor a seed word may be found; default 400
 * @property {number} [gap]      max letters between consecutive words when confirming a candidate; default 12
 * @property {number} [confirm]  how many following seed words are used to confirm a candidate; default 4
 * @property {number} [resyncLetters] min letters of the exact phrase used to resynchronise beyond the window; default 40
 * @property {'none' | 'forward' | 'any'} [resync]  where a lost cursor may be resynchronised (per stream default: body forward, notes any)
 * @property {number} [anchorLetters] letters per anchor; default 24
 * @property {(message: string) => void} [trace]  called on every resynchronisation (debugging)
 *
 * @typedef FidelityOptions
 * @property {number} [window]
 * @property {number} [gap]
 * @property {number} [confirm]
 * @property {number} [resyncLetters]
 * @property {number} [anchorLetters]
 * @property {{body?: 'none' | 'forward' | 'any', notes?: 'none' | 'forward' | 'any'}} [resync]
 *
 * @typedef FidelityResult
 * @property {string} work            the work directory's name
 * @property {string} workDir         absolute path of the work directory
 * @property {string} seedPath        absolute path of the seed file
 * @property {string} markdownPath    absolute path of the Markdown file
 * @property {number} seedWords       seed words compared (body + notes, furniture excluded)
 * @property {{body: number, notes: number}} streamWords
 * @property {number} furnitureWords  words removed as furniture
 * @property {Unaccounted[]} unaccounted
 * @property {MetaMiss[]} notAccountedInMeta
 * @property {string[]} configErrors  problems with fidelity.yaml itself (furniture text not on its line, bad ranges, missing `why`…)
 * @property {string[]} warnings      harmless oddities (a normalise rule that never applies…)
 */

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu
const NON_WORD_RE = /[^\p{L}\p{N}\p{M}]+/gu

/**
 * The comparison form of a piece of text: NFKC (so that superscript footnote markers such as
 * `⁵` equal `5`, and compatibility forms equal their plain letters), lowercased, with every
 * character that is not a letter, digit or mark removed.
 * @param {string} s
 */
export function letters(s) {
  return s.normalize('NFKC').toLowerCase().normalize('NFC').replace(NON_WORD_RE, '')
}

/**
 * Parse "34-101", "150", 150, "3-5, 9" or an array of these into a sorted list of line numbers.
 * @param {unknown} spec
 * @returns {number[] | null}  null when the spec is malformed
 */
export function parseLines(spec) {
  if (spec === undefined || spec === null) return []
  if (Array.isArray(spec)) {
    /** @type {number[]} */
    const all = []
    for (const s of spec) {
      const r = parseLines(s)
      if (!r) return null
      all.push(...r)
    }
    return all
  }
  if (typeof spec === 'number') return Number.isInteger(spec) && spec > 0 ? [spec] : null
  if (typeof spec !== 'string') return null
  /** @type {number[]} */
  const out = []
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(part)
    if (!m) return null
    const a = Number(m[1])
    const b = m[2] === undefined ? a : Number(m[2])
    if (a < 1 || b < a) return null
    for (let i = a; i <= b; i++) out.push(i)
  }
  return out
}

/**
 * Count newlines in a string.
 * @param {string} s
 */
function newlines(s) {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Read and validate a work's fidelity.yaml.
 * @param {string} workDir
 */
export function readFidelityConfig(workDir) {
  const file = path.join(workDir, 'fidelity.yaml')
  const config = parseYaml(readFileSync(file, 'utf8')) ?? {}
  return config
}

/**
 * Apply the `normalise` rules to the seed text. A rule may be scoped to `line`/`lines`; a rule
 * whose `from` spans lines has its replacement padded with newlines so that line numbers stay
 * those of the seed file (the joined text is attributed to the first line).
 * @param {string} text
 * @param {any[]} rules
 * @param {string[]} errors
 * @param {string[]} warnings
 */
function applyNormalise(text, rules, errors, warnings) {
  for (const [i, rule] of rules.entries()) {
    if (!rule || typeof rule.from !== 'string' || rule.from === '' || typeof rule.to !== 'string') {
      errors.push(`normalise[${i}]: needs a non-empty string \`from\` and a string \`to\``)
      continue
    }
    const extra = newlines(rule.from) - newlines(rule.to)
    if (extra < 0) {
      errors.push(`normalise[${i}]: \`to\` may not add line breaks`)
      continue
    }
    const to = rule.to + '\n'.repeat(extra)
    const scope = rule.line ?? rule.lines
    let count = 0
    if (scope !== undefined) {
      const lines = parseLines(scope)
      if (!lines) {
        errors.push(`normalise[${i}]: malformed line range ${JSON.stringify(scope)}`)
        continue
      }
      if (extra > 0) {
        errors.push(`normalise[${i}]: a rule scoped to lines may not span lines`)
        continue
      }
      const arr = text.split('\n')
      for (const ln of lines) {
        if (ln > arr.length) continue
        const parts = arr[ln - 1].split(rule.from)
        count += parts.length - 1
        arr[ln - 1] = parts.join(to)
      }
      text = arr.join('\n')
    } else {
      const parts = text.split(rule.from)
      count = parts.length - 1
      text = parts.join(to)
    }
    if (count === 0)
      warnings.push(`normalise[${i}]: ${JSON.stringify(rule.from)} never occurs in the seed`)
  }
  return text
}

/**
 * Tokenise one line of text into seed words.
 * @param {string} text
 * @param {number} line
 * @param {SeedWord[]} out
 */
function tokenise(text, line, out) {
  for (const m of text.matchAll(WORD_RE)) {
    const key = letters(m[0])
    if (key) out.push({word: m[0], key, line})
  }
}

/**
 * The seed, prepared: normalised, furniture removed, split into body and notes streams.
 * @param {string} workDir
 * @param {any} config
 * @param {string[]} errors
 * @param {string[]} warnings
 */
export function readSeed(workDir, config, errors, warnings) {
  const seedPath = path.resolve(workDir, String(config.seed))
  let raw = readFileSync(seedPath, 'utf8')
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1)
  raw = raw.replace(/\r\n?/g, '\n')
  const text = applyNormalise(
    raw,
    Array.isArray(config.normalise) ? config.normalise : [],
    errors,
    warnings
  )
  const lines = text.split('\n')

  /** @type {Map<number, Array<{text?: string, accountedIn?: string}>>} */
  const furniture = new Map()
  const furnitureList = Array.isArray(config.furniture) ? config.furniture : []
  for (const [i, f] of furnitureList.entries()) {
    if (!f || typeof f !== 'object') {
      errors.push(`furniture[${i}]: must be a mapping`)
      continue
    }
    if (typeof f.why !== 'string' || !f.why.trim()) errors.push(`furniture[${i}]: says no \`why\``)
    const spec = f.line ?? f.lines
    const nums = parseLines(spec)
    if (!nums || nums.length === 0) {
      errors.push(`furniture[${i}]: needs \`line\` or \`lines\` (got ${JSON.stringify(spec)})`)
      continue
    }
    for (const n of nums) {
      if (n > lines.length) {
        errors.push(
          `furniture[${i}]: line ${n} is past the end of the seed (${lines.length} lines)`
        )
        continue
      }
      const entry = {}
      if (f.text !== undefined) entry.text = String(f.text)
      if (f.accountedIn !== undefined) entry.accountedIn = String(f.accountedIn)
      const list = furniture.get(n) ?? []
      list.push(entry)
      furniture.set(n, list)
    }
  }

  const noteLines = new Set()
  const notesSpec = config.notes ?? []
  const parsedNotes = parseLines(notesSpec)
  if (!parsedNotes) errors.push(`notes: malformed line ranges ${JSON.stringify(notesSpec)}`)
  else
    for (const n of parsedNotes) {
      if (n > lines.length)
        errors.push(`notes: line ${n} is past the end of the seed (${lines.length} lines)`)
      noteLines.add(n)
    }

  /** @type {SeedWord[]} */ const body = []
  /** @type {SeedWord[]} */ const notes = []
  /** @type {Map<string, SeedWord[]>} words that must be found in a metadata file, by file */
  const meta = new Map()
  let furnitureWords = 0

  for (let i = 0; i < lines.length; i++) {
    const ln = i + 1
    let line = lines[i]
    const entries = furniture.get(ln)
    if (entries) {
      /** @type {string[]} */ const removed = []
      let whole = null
      for (const e of entries) {
        if (e.text === undefined) {
          whole = e
          continue
        }
        const at = line.indexOf(e.text)
        if (at < 0) {
          errors.push(
            `furniture: text ${JSON.stringify(e.text)} is not on line ${ln} (${JSON.stringify(line.trim().slice(0, 80))})`
          )
          continue
        }
        line = `${line.slice(0, at)} ${line.slice(at + e.text.length)}`
        removed.push(e.text)
        if (e.accountedIn) addMeta(meta, e.accountedIn, e.text, ln)
      }
      if (whole) {
        if (whole.accountedIn) addMeta(meta, whole.accountedIn, line, ln)
        removed.push(line)
        line = ''
      }
      for (const r of removed) furnitureWords += (r.match(WORD_RE) ?? []).length
    }
    tokenise(line, ln, noteLines.has(ln) ? notes : body)
  }
  return {seedPath, lineCount: lines.length, body, notes, meta, furnitureWords}
}

/**
 * @param {Map<string, SeedWord[]>} meta
 * @param {string} file
 * @param {string} text
 * @param {number} line
 */
function addMeta(meta, file, text, line) {
  const list = meta.get(file) ?? []
  tokenise(text, line, list)
  meta.set(file, list)
}

/**
 * @typedef MdStream
 * @property {string} text  the stream's letters, concatenated
 */

/** Accumulates a stream's letter string. */
class StreamBuilder {
  constructor() {
    /** @type {string[]} */ this.parts = []
  }
  /** @param {string} s */
  add(s) {
    const l = letters(s)
    if (l) this.parts.push(l)
  }
  /** @returns {MdStream} */
  done() {
    return {text: this.parts.join('')}
  }
}

/**
 * The Markdown, as two letter streams: the body (everything but footnote definitions, footnote
 * calls contributing their label) and the notes (the definitions in document order, each
 * preceded by its label). Ordered list items contribute their number. Directive names and
 * attributes contribute nothing; their labels and content do.
 * @param {string} markdown
 * @returns {{body: MdStream, notes: MdStream}}
 */
export function markdownStreams(markdown) {
  const tree = fromMarkdown(markdown, {
    extensions: [gfmFootnote(), directive()],
    mdastExtensions: [gfmFootnoteFromMarkdown(), directiveFromMarkdown()]
  })
  const body = new StreamBuilder()
  const notes = new StreamBuilder()

  /**
   * @param {any} node
   * @param {StreamBuilder} out
   */
  function walk(node, out) {
    switch (node.type) {
      case 'footnoteDefinition':
        notes.add(String(node.label ?? node.identifier ?? ''))
        for (const child of node.children ?? []) walk(child, notes)
        return
      case 'footnoteReference':
        out.add(String(node.label ?? node.identifier ?? ''))
        return
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'html':
        out.add(String(node.value ?? ''))
        return
      case 'image':
      case 'imageReference':
        out.add(String(node.alt ?? ''))
        return
      case 'list':
        // an ordered list's numbers are printed: "3. Foo" in the seed may be item 3 of a list
        for (const [idx, child] of (node.children ?? []).entries()) {
          if (node.ordered) out.add(String((node.start ?? 1) + idx))
          walk(child, out)
        }
        return
      default:
        for (const child of node.children ?? []) walk(child, out)
    }
  }
  walk(tree, body)
  return {body: body.done(), notes: notes.done()}
}

/**
 * Search `needle` in `hay` starting at `from`, only where it starts no later than `until`.
 * Bounded, so a miss costs O(until - from), not O(hay).
 * @param {string} hay
 * @param {string} needle
 * @param {number} from
 * @param {number} until
 */
function indexWithin(hay, needle, from, until) {
  if (until < from) return -1
  if (until - from <= 48) {
    for (let q = from; q <= until; q++) if (hay.startsWith(needle, q)) return q
    return -1
  }
  if (until >= hay.length) return hay.indexOf(needle, from)
  const seg = hay.slice(from, until + needle.length)
  const at = seg.indexOf(needle)
  return at < 0 ? -1 : from + at
}

const P1 = 67108859 // primes below 2^26: two rolling hashes, combined into one safe integer
const P2 = 67108837
const B1 = 1000003
const B2 = 999983

/**
 * A hash of every substring of `len` code units of `text` (Rabin–Karp, two moduli), as an array
 * indexed by start offset. Equal substrings have equal hashes; callers verify real equality.
 * @param {string} text
 * @param {number} len
 */
function gramHashes(text, len) {
  const count = Math.max(0, text.length - len + 1)
  const out = new Float64Array(count)
  if (count === 0) return out
  let pow1 = 1
  let pow2 = 1
  for (let k = 1; k < len; k++) {
    pow1 = (pow1 * B1) % P1
    pow2 = (pow2 * B2) % P2
  }
  let h1 = 0
  let h2 = 0
  for (let i = 0; i < text.length; i++) {
    if (i >= len) {
      const c = text.charCodeAt(i - len)
      h1 = (h1 - ((c * pow1) % P1) + P1) % P1
      h2 = (h2 - ((c * pow2) % P2) + P2) % P2
    }
    const c = text.charCodeAt(i)
    h1 = (h1 * B1 + c) % P1
    h2 = (h2 * B2 + c) % P2
    if (i >= len - 1) out[i - len + 1] = h1 * 67108864 + h2
  }
  return out
}

/**
 * Every substring of `len` letters of `text`, by hash, mapped to its offset, or to -1 if the
 * hash occurs more than once (a repeated substring, or in rare cases a collision: either way
 * no anchor).
 * @param {Float64Array} hashes
 */
function uniqueGrams(hashes) {
  /** @type {Map<number, number>} */
  const map = new Map()
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]
    map.set(h, map.has(h) ? -1 : i)
  }
  return map
}

/**
 * Anchors: the `len` letters starting at a seed word, when they occur exactly once in the seed
 * stream and exactly once in the Markdown stream (as letters, wherever the words break). They
 * tie a seed word to a Markdown position with certainty, so that the matcher cannot drift on
 * repeated text (a table of contents, an abstract repeating the summary, a citation repeated in
 * another note).
 * @param {SeedWord[]} words
 * @param {string} mdText
 * @param {number} len
 * @returns {Array<{i: number, p: number}>}  sorted by seed index
 */
export function findAnchors(words, mdText, len) {
  const seedText = words.map((w) => w.key).join('')
  const seedHashes = gramHashes(seedText, len)
  const inSeed = uniqueGrams(seedHashes)
  const inMd = uniqueGrams(gramHashes(mdText, len))
  /** @type {Array<{i: number, p: number}>} */
  const anchors = []
  let pos = 0
  for (let i = 0; i < words.length; pos += words[i].key.length, i++) {
    if (pos + len > seedText.length) break
    const h = seedHashes[pos]
    if (inSeed.get(h) !== pos) continue
    const p = inMd.get(h)
    if (p === undefined || p < 0) continue
    if (!mdText.startsWith(seedText.slice(pos, pos + len), p)) continue // a hash collision
    anchors.push({i, p})
  }
  return anchors
}

/**
 * The longest subsequence of anchors whose Markdown positions increase (patience sorting,
 * O(a log a)): the anchors that agree on one order. The others (text the seed repeats
 * elsewhere, or reordered) are dropped.
 * @param {Array<{i: number, p: number}>} anchors  sorted by seed index
 */
export function monotoneAnchors(anchors) {
  /** @type {number[]} */ const tails = [] // index into anchors of the smallest tail of each length
  /** @type {number[]} */ const prev = new Array(anchors.length)
  for (let x = 0; x < anchors.length; x++) {
    const p = anchors[x].p
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (anchors[tails[mid]].p < p) lo = mid + 1
      else hi = mid
    }
    prev[x] = lo > 0 ? tails[lo - 1] : -1
    tails[lo] = x
  }
  /** @type {Array<{i: number, p: number}>} */ const out = []
  for (let x = tails.length ? tails[tails.length - 1] : -1; x >= 0; x = prev[x])
    out.push(anchors[x])
  return out.reverse()
}

/**
 * Match a stream of seed words against a Markdown stream, in order.
 *
 * 1. Anchors (see findAnchors) fix the position of many seed words with certainty. For the
 *    body (`resync: 'forward'`) only the longest run of anchors in one order is kept, so the
 *    body must follow the seed's order; for the notes (`resync: 'any'`) every anchor is kept,
 *    since the seed may print note definitions out of order.
 * 2. Between anchors, each seed word is looked for from a cursor, within `window` letters and
 *    never past the next anchor. A candidate right at the cursor is taken; one further on must be
 *    confirmed by the following seed words (at least half of the next `confirm` words found one
 *    after the other, each within `gap` letters of the previous), so that a deleted common word
 *    does not drag the cursor to some later "the"; and any candidate is refused if the Markdown
 *    at the cursor goes on with one of the following seed words instead (the word was dropped).
 * 3. Failing that, the exact phrase starting at the word (at least `resyncLetters` letters) is
 *    looked for beyond the window, up to the next anchor (or, for `any`, anywhere, provided the
 *    phrase occurs once in each stream).
 * A word found nowhere is unaccounted, and the cursor stays where it was.
 *
 * Cost: O(n log n) for the anchors, O(words × window) for the matching, plus the length of the
 * current segment per resynchronisation attempt.
 *
 * @param {SeedWord[]} words
 * @param {string | MdStream} md  a letter string (no anchors) or a stream from markdownStreams
 * @param {MatchOptions} [options]
 * @returns {number[]} indexes (into words) of the unaccounted words
 */
export function matchStream(words, md, options = {}) {
  const W = options.window ?? 400
  const G = options.gap ?? 12
  const K = options.confirm ?? 4
  const R = options.resyncLetters ?? 40
  const resync = options.resync ?? 'forward'
  const text = typeof md === 'string' ? md : md.text
  const n = words.length

  /** @type {Array<{i: number, p: number}>} */
  let anchors = []
  if (typeof md !== 'string' && resync !== 'none') {
    anchors = findAnchors(words, md.text, options.anchorLetters ?? 24)
    if (resync === 'forward') anchors = monotoneAnchors(anchors)
  }

  /** @type {number[]} */ const missing = []
  /** @type {string | undefined} the seed stream's letters, built on first need */
  let seedText
  let cursor = 0
  let limit = Infinity // the next anchor's position: no word before it may be matched past it

  /**
   * How many of the next K words follow the candidate, each within G letters of the last one found.
   * @param {number} i @param {number} end
   */
  function confirmation(i, end) {
    let pos = end
    let hits = 0
    const stop = Math.min(n, i + 1 + K)
    for (let j = i + 1; j < stop; j++) {
      const k = words[j].key
      const q = indexWithin(text, k, pos, pos + G)
      if (q >= 0) {
        hits++
        pos = q + k.length
      }
    }
    const checked = stop - i - 1
    return {hits, need: Math.ceil(checked / 2)}
  }

  /**
   * Does the Markdown at the cursor go on with one of the next few seed words (starting no later
   * than `maxQ`, and confirmed by its own followers)? Then word i was dropped.
   * @param {number} i @param {number} maxQ
   */
  function laterWordAt(i, maxQ) {
    for (let j = i + 1; j < Math.min(n, i + 4); j++) {
      const key = words[j].key
      const q = indexWithin(text, key, cursor, maxQ)
      if (q < 0) continue
      const {hits, need} = confirmation(j, q + key.length)
      if (hits >= need && hits > 0) return true
    }
    return false
  }

  /** @param {number} i */
  function local(i) {
    const key = words[i].key
    const last = Math.min(cursor + W, limit - key.length)
    let from = cursor
    while (from <= last) {
      const p = indexWithin(text, key, from, last)
      if (p < 0) return -1
      const {hits, need} = confirmation(i, p + key.length)
      if (p === cursor) {
        // right at the cursor: taken, unless it is only the start of a later word ("in" of
        // "international" after "Pacem in Maribus" was dropped)
        if (hits >= need || !laterWordAt(i, cursor)) return p
        return -1
      }
      if (hits >= need) {
        // further on: refused if the Markdown before it goes on with the next seed words
        if (laterWordAt(i, Math.min(p - 1, cursor + G))) return -1
        return p
      }
      from = p + 1
    }
    return -1
  }

  /** @param {number} i */
  function phraseAt(i) {
    let phrase = ''
    let j = i
    while (j < n && (phrase.length < R || j - i < 3)) phrase += words[j++].key
    // near the end of a stream, accept a shorter phrase only if it is long enough to be telling
    if (phrase.length < Math.min(R, 16)) return ''
    return phrase
  }

  /** @param {number} i */
  function far(i) {
    if (resync === 'none') return -1
    const phrase = phraseAt(i)
    if (!phrase) return -1
    if (resync === 'any') {
      // anywhere, but only if the phrase occurs once in the Markdown stream and once in the seed
      // stream: notes repeat whole citations, and a dropped word must not send the cursor to
      // another note that happens to have the same words
      const p = text.indexOf(phrase)
      if (p < 0 || text.indexOf(phrase, p + 1) >= 0) return -1
      seedText ??= words.map((w) => w.key).join('')
      const q = seedText.indexOf(phrase)
      if (seedText.indexOf(phrase, q + 1) >= 0) return -1
      return p
    }
    return indexWithin(text, phrase, cursor, limit - phrase.length)
  }

  let a = 0
  for (let i = 0; i < n; i++) {
    while (a < anchors.length && anchors[a].i < i) a++
    if (a < anchors.length && anchors[a].i === i) {
      cursor = anchors[a].p + words[i].key.length
      continue
    }
    limit = a < anchors.length && anchors[a].p >= cursor ? anchors[a].p : Infinity
    let p = local(i)
    if (p < 0) {
      p = far(i)
      if (p >= 0)
        options.trace?.(
          `word ${i} ${JSON.stringify(words[i].word)} (line ${words[i].line}): resynchronised ${cursor} → ${p}`
        )
    }
    if (p < 0) {
      missing.push(i)
      continue
    }
    cursor = p + words[i].key.length
  }
  return missing
}

/**
 * All string values of a YAML document (keys excluded), concatenated as letters.
 * @param {unknown} value
 * @param {string[]} out
 */
function yamlStrings(value, out) {
  if (typeof value === 'string') out.push(letters(value))
  else if (typeof value === 'number') out.push(letters(String(value)))
  else if (Array.isArray(value)) for (const v of value) yamlStrings(v, out)
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) yamlStrings(v, out)
  return out
}

/**
 * Check one work.
 * @param {string} workDir  e.g. content/world-dream
 * @param {FidelityOptions} [options]
 * @returns {FidelityResult}
 */
export function checkFidelity(workDir, options = {}) {
  workDir = path.resolve(workDir)
  /** @type {string[]} */ const configErrors = []
  /** @type {string[]} */ const warnings = []
  const config = readFidelityConfig(workDir)
  if (typeof config.seed !== 'string')
    throw new Error(`${path.join(workDir, 'fidelity.yaml')}: \`seed\` is required`)
  if (typeof config.markdown !== 'string')
    throw new Error(`${path.join(workDir, 'fidelity.yaml')}: \`markdown\` is required`)
  for (const key of Object.keys(config)) {
    if (!['seed', 'markdown', 'furniture', 'notes', 'normalise'].includes(key))
      warnings.push(`fidelity.yaml: unknown key \`${key}\``)
  }

  const seed = readSeed(workDir, config, configErrors, warnings)
  const markdownPath = path.resolve(workDir, config.markdown)
  const md = markdownStreams(readFileSync(markdownPath, 'utf8'))

  const base = {
    window: options.window,
    gap: options.gap,
    confirm: options.confirm,
    resyncLetters: options.resyncLetters,
    anchorLetters: options.anchorLetters
  }
  /** @type {Unaccounted[]} */
  const unaccounted = []
  for (const stream of /** @type {StreamName[]} */ (['body', 'notes'])) {
    const words = seed[stream]
    const resync = options.resync?.[stream] ?? (stream === 'notes' ? 'any' : 'forward')
    for (const i of matchStream(words, md[stream], {...base, resync})) {
      unaccounted.push({word: words[i].word, line: words[i].line, stream})
    }
  }
  unaccounted.sort((a, b) => a.line - b.line)

  /** @type {MetaMiss[]} */
  const notAccountedInMeta = []
  for (const [file, words] of seed.meta) {
    const metaPath = path.resolve(workDir, file)
    if (!existsSync(metaPath)) {
      configErrors.push(`furniture: accountedIn ${file} does not exist`)
      continue
    }
    const src = readFileSync(metaPath, 'utf8')
    const hay = /\.ya?ml$/i.test(file) ? yamlStrings(parseYaml(src), []).join('') : letters(src)
    for (const w of words) {
      if (!hay.includes(w.key))
        notAccountedInMeta.push({word: w.word, line: w.line, accountedIn: file})
    }
  }

  return {
    work: path.basename(workDir),
    workDir,
    seedPath: seed.seedPath,
    markdownPath,
    seedWords: seed.body.length + seed.notes.length,
    streamWords: {body: seed.body.length, notes: seed.notes.length},
    furnitureWords: seed.furnitureWords,
    unaccounted,
    notAccountedInMeta,
    configErrors,
    warnings
  }
}
