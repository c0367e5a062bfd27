import {describe, it, expect} from 'vitest'
import {
  readFileSync,
  readdirSync,
  existsSync,
  mkdtempSync,
  cpSync,
  writeFileSync,
  rmSync
} from 'node:fs'
import {createHash} from 'node:crypto'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {checkFidelity, matchStream, markdownStreams, letters, parseLines} from './fidelity.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const contentDir = path.join(root, 'content')
const fixtures = path.join(here, 'fixtures')

/** @param {string} file */
const workDirsWith = (file) =>
  existsSync(contentDir)
    ? readdirSync(contentDir, {withFileTypes: true})
        .filter((d) => d.isDirectory() && existsSync(path.join(contentDir, d.name, file)))
        .map((d) => d.name)
        .sort()
    : []

/** Copy a fixture to a temporary directory, optionally overwriting some of its files. */
function variant(/** @type {string} */ name, /** @type {Record<string, string>} */ files) {
  const dir = mkdtempSync(path.join(tmpdir(), `fidelity-${name}-`))
  cpSync(path.join(fixtures, name), dir, {recursive: true})
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text)
  return dir
}

/** @param {import('./fidelity.js').FidelityResult} r */
function describeFailures(r) {
  const rel = path.relative(root, r.seedPath)
  const lines = [
    `${r.work}: ${r.unaccounted.length} of ${r.seedWords} seed words unaccounted in ${path.relative(root, r.markdownPath)}, ` +
      `${r.notAccountedInMeta.length} furniture words missing from their metadata file`,
    ...r.configErrors.map((e) => `fidelity.yaml: ${e}`),
    ...r.unaccounted.slice(0, 50).map((u) => `${rel}:${u.line}: "${u.word}" (${u.stream})`),
    ...r.notAccountedInMeta
      .slice(0, 50)
      .map((u) => `${rel}:${u.line}: "${u.word}" (not in ${u.accountedIn})`)
  ]
  if (r.unaccounted.length > 50)
    lines.push(
      `… and ${r.unaccounted.length - 50} more (run: node test/fidelity/cli.js content/${r.work})`
    )
  return lines.join('\n')
}

describe('fidelity of the content to its seed texts', () => {
  const works = workDirsWith('fidelity.yaml')
  if (works.length === 0) {
    it.skip('no content/*/fidelity.yaml yet', () => {})
    return
  }
  for (const work of works) {
    it(`content/${work}: every seed word is in the Markdown, in order`, () => {
      const r = checkFidelity(path.join(contentDir, work))
      const report = describeFailures(r)
      expect(r.configErrors, report).toEqual([])
      expect(r.unaccounted.length, report).toBe(0)
      expect(r.notAccountedInMeta.length, report).toBe(0)
      expect(r.seedWords).toBeGreaterThan(0)
    }, 60_000)
  }
})

describe('provenance: seed files match the sha256 in work.yaml', () => {
  const works = workDirsWith('work.yaml').filter((work) => {
    const meta = parseYaml(readFileSync(path.join(contentDir, work, 'work.yaml'), 'utf8'))
    return meta?.source?.file && meta?.source?.sha256
  })
  if (works.length === 0) {
    it.skip('no content/*/work.yaml with source.file and source.sha256 yet', () => {})
    return
  }
  for (const work of works) {
    it(`content/${work}`, () => {
      const meta = parseYaml(readFileSync(path.join(contentDir, work, 'work.yaml'), 'utf8'))
      const file = path.join(contentDir, work, meta.source.file)
      expect(existsSync(file), `${file} is missing`).toBe(true)
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex')
      expect(sha, `${path.relative(root, file)}: sha256 differs from work.yaml source.sha256`).toBe(
        String(meta.source.sha256).toLowerCase()
      )
    })
  }
})

describe('fidelity engine', () => {
  it('passes a faithful rebuild (page number, running head, hyphen break, split paragraph with a footnote between, entity)', () => {
    const r = checkFidelity(path.join(fixtures, 'ok'))
    expect(r.configErrors).toEqual([])
    expect(r.unaccounted).toEqual([])
    expect(r.notAccountedInMeta).toEqual([])
    expect(r.streamWords.notes).toBeGreaterThan(0)
    expect(r.seedWords).toBe(r.streamWords.body + r.streamWords.notes)
    // "CIIS Report" ×2, the cover title (5 words) and the page number "12"
    expect(r.furnitureWords).toBe(10)
  })

  it('reports exactly the word deleted from the Markdown, with its seed line', () => {
    const r = checkFidelity(path.join(fixtures, 'deleted-word'))
    expect(r.configErrors).toEqual([])
    expect(r.unaccounted).toEqual([{word: 'cultural', line: 12, stream: 'body'}])
    expect(r.notAccountedInMeta).toEqual([])
  })

  it('reports a word deleted from a footnote definition in the notes stream', () => {
    const md = readFileSync(path.join(fixtures, 'ok', 'en.md'), 'utf8').replace(
      'Yu Keping & Fukuyama',
      'Yu Keping &'
    )
    const dir = variant('ok', {'en.md': md})
    try {
      expect(checkFidelity(dir).unaccounted).toEqual([
        {word: 'Fukuyama', line: 14, stream: 'notes'}
      ])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('reports furniture words that work.yaml does not account for', () => {
    const yaml = readFileSync(path.join(fixtures, 'ok', 'work.yaml'), 'utf8').replace(
      'A Small Report on Harmony',
      'A Report on Harmony'
    )
    const dir = variant('ok', {'work.yaml': yaml})
    try {
      const r = checkFidelity(dir)
      expect(r.unaccounted).toEqual([])
      expect(r.notAccountedInMeta).toEqual([{word: 'Small', line: 2, accountedIn: 'work.yaml'}])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('flags furniture text that is not on its line, and furniture without a reason', () => {
    const yaml = readFileSync(path.join(fixtures, 'ok', 'fidelity.yaml'), 'utf8')
      .replace('text: "CIIS Report"', 'text: "CIIS Reports"')
      .replace('{ line: 10, why: page number }', '{ line: 10 }')
    const dir = variant('ok', {'fidelity.yaml': yaml})
    try {
      const r = checkFidelity(dir)
      expect(r.configErrors).toHaveLength(2)
      // the running head was not removed, so its words are unaccounted
      expect(r.unaccounted.map((u) => u.word)).toEqual(['CIIS', 'Report'])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('tolerates footnote definitions in another order and long editorial insertions', () => {
    const md = readFileSync(path.join(fixtures, 'ok', 'en.md'), 'utf8')
    const [text, n1, n2] = md.split(/\n(?=\[\^)/)
    const editorial = `\n:::editorial\n${'The editor inserted a long explanation here. '.repeat(30)}\n:::\n`
    const dir = variant('ok', {
      'en.md': `${text.replace('\n\nThe concept', `${editorial}\nThe concept`)}\n${n2}\n${n1}`
    })
    try {
      const r = checkFidelity(dir)
      expect(r.unaccounted).toEqual([])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('matches on letters only: hyphen breaks, footnote labels, directive labels; not directive names', () => {
    const s = markdownStreams(
      'Un:sic[tyl]ed word:pb{n=3} ynty-\nmaq[^1] :gap[lost]\n\n[^1]: Note *one*.\n'
    )
    expect(s.body.text).toBe('untyledwordyntymaq1lost')
    expect(s.notes.text).toBe('1noteone')
    expect(letters('Asia²² “ынты-мақ”')).toBe('asia22ынтымақ')
  })

  it('does not let a deleted common word drag the cursor forward', () => {
    const words = 'one of the best days of the year'
      .split(' ')
      .map((w, i) => ({word: w, key: w, line: i + 1}))
    const md = 'one the best days of the year'.replace(/ /g, '')
    expect(matchStream(words, md).map((i) => words[i].word)).toEqual(['of'])
  })

  it('parses line specs', () => {
    expect(parseLines('3-5, 9')).toEqual([3, 4, 5, 9])
    expect(parseLines(['1', 7])).toEqual([1, 7])
    expect(parseLines('5-3')).toBeNull()
  })

  // (What it costs is the benchmark's to say; this checks the result on a large input.)
  it('finds every missing word in a large input', () => {
    const sentence = 'The harmonious world is a world of lasting peace and common prosperity'
    const seedWords = []
    for (let i = 0; i < 3000; i++)
      for (const w of `${sentence} ${i}`.split(' '))
        seedWords.push({word: w, key: letters(w), line: i + 1})
    const md = seedWords.map((w) => w.key).join('')
    expect(matchStream(seedWords, md)).toEqual([])
    // one word missing every 100 lines
    const holed = seedWords.filter((_, i) => i % 1300 !== 7)
    expect(matchStream(seedWords, holed.map((w) => w.key).join('')).length).toBe(
      Math.ceil((seedWords.length - 7) / 1300)
    )
  })
})
