/**
 * Ordinary text made EPUBs that epubcheck called FATAL (exit 0): a `<` in a
 * title raw in the cover's `alt`, an `&` cut to `&a` in the page-break source,
 * control characters in the OPF. One book with all of that in its metadata and
 * text (and a note called only from a note) must pass epubcheck with no error.
 */
import {mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../../packages/cli/src/main.js'
import {epubcheck} from '../../packages/epub/test/helpers.js'

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-hostile-epub-')))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('markup-like text in an EPUB', () => {
  it('is escaped everywhere: epubcheck finds no error', async () => {
    const work = path.join(dir, 'content', 'w')
    mkdirSync(work, {recursive: true})
    writeFileSync(
      path.join(work, 'work.yaml'),
      [
        'id: w',
        'languages: {original: en}',
        'title: {en: "Less < more & <script>x</script> \\"quoted\\""}',
        'subtitle: {en: "Tags <b>bold</b> & more"}',
        'authors:',
        '  - name: {en: "O\'Brien <i>&amp;</i>"}',
        'publisher: "A & B <Press>"',
        'series: "S <1> & 2"',
        'licence: "CC BY 4.0 <https://example.org/?a=1&b=2>"',
        `source: {description: "${'x'.repeat(197)} & more text after the cut"}`,
        ''
      ].join('\n')
    )
    writeFileSync(
      path.join(work, 'en.md'),
      ':pb{n=1}Text & a < b > c, "quoted" and \'single\'.[^1] See [the source](https://example.org/?a=1&b=2).\n\n[^1]: A note that calls another.[^2]\n\n[^2]: Called only from a note.\n'
    )
    const lines: string[] = []
    const sink = (text: string): void => {
      lines.push(text)
    }
    const code = await main(
      ['build', path.join(dir, 'content'), '--format', 'epub', '--out', path.join(dir, 'out')],
      {out: sink, info: sink, error: sink, progress: () => {}}
    )
    expect(lines.filter((line) => !/^epub: 1 file\(s\)/.test(line))).toEqual([])
    expect(code).toBe(0)
    const report = await epubcheck(path.join(dir, 'out', 'w.epub'))
    expect(report.messages).toEqual([])
    expect(report.errors + report.fatals + report.warnings).toBe(0)
  })
})
