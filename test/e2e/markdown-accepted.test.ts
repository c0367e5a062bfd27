/**
 * Nothing accepted is lost (issue 10, item 5): one test per kind of Markdown
 * that was once lost without a word. Each runs the `diglot` command in-process
 * on a small content folder made here and checks what the user sees: the
 * message with file:line:col, or the text of each edition (HTML and EPUB here;
 * the PDF, slow, in one build for the notes and the GFM extras).
 */
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../../packages/cli/src/main.js'
import type {Output} from '../../packages/cli/src/output.js'
import {pages, squash} from '../../packages/pdf/test/poppler.js'

const startDir = process.cwd()
const made: string[] = []

afterAll(() => {
  process.chdir(startDir)
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

const oneLanguage =
  'id: w\nlanguages:\n  original: en\ntitle:\n  en: A title\nlicence: CC0-1.0\nsource:\n  description: A test.\n'
const twoLanguages =
  'id: w\nlanguages:\n  original: kk\n  translation: en\ntitle:\n  kk: Атау\n  en: A title\nlicence: CC0-1.0\nsource:\n  description: A test.\n'

/** A content folder with one work `w` of the given files, in a fresh folder that becomes the current one. */
function content(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'diglot-accepted-')))
  made.push(dir)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'content', name)), {recursive: true})
    writeFileSync(path.join(dir, 'content', name), text)
  }
  process.chdir(dir)
  return dir
}

/** Run `diglot …`: exit code and every line it printed on stderr. */
async function diglot(...args: string[]): Promise<{code: number; lines: string[]}> {
  const lines: string[] = []
  const output: Output = {
    out: () => {},
    info: (text) => lines.push(text),
    error: (text) => lines.push(text),
    progress: () => {}
  }
  const code = await main(args, output)
  return {code, lines: lines.join('\n').split('\n').filter(Boolean)}
}

/** Build HTML and EPUB; the text of the work's HTML page and EPUB chapters. */
async function htmlAndEpub(
  dir: string
): Promise<{code: number; lines: string[]; html: string; epub: string}> {
  const {code, lines} = await diglot('build', 'content', '--format', 'html,epub', '--out', 'out')
  if (code !== 0) return {code, lines, html: '', epub: ''}
  const html = readFileSync(path.join(dir, 'out', 'w', 'index.html'), 'utf8')
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'out', 'w.epub')))
  const chapters = Object.keys(zip.files)
    .filter((name) => /chapter-\d+\.xhtml$/.test(name))
    .sort()
  const epub = (
    await Promise.all(chapters.map((name) => zip.file(name)?.async('string') ?? ''))
  ).join('\n')
  return {code, lines, html: body(html), epub: body(epub)}
}

/** The markup of the text (from the first aligned block), without the page around it. */
function body(markup: string): string {
  const start = markup.indexOf('class="alignment')
  return start === -1 ? markup : markup.slice(start)
}

describe('nothing accepted is lost', () => {
  it('1. reference-style links resolve to their definitions; images and unused definitions are refused at their place', async () => {
    const dir = content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        'See [the site][ref], [Ref][] and [ref].\n\n[ref]: https://example.org/a "A title"\n'
    })
    const {code, html, epub} = await htmlAndEpub(dir)
    expect(code).toBe(0)
    for (const edition of [html, epub]) {
      expect(edition).toContain('<a href="https://example.org/a" title="A title">the site</a>')
      expect(edition).toContain('<a href="https://example.org/a" title="A title">Ref</a>')
      expect(edition).toContain('<a href="https://example.org/a" title="A title">ref</a>.')
      expect(edition).not.toContain('[ref]')
      expect(edition).not.toContain('example.org/a "A title"')
    }

    content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        'An image ![a map][map], a [bad link][js].\n\n[map]: https://example.org/map.png\n[js]: javascript:alert(1)\n[unused]: https://example.org/b\n[map]: https://example.org/other.png\n'
    })
    expect(await diglot('check', 'content')).toEqual({
      code: 1,
      lines: [
        'content/w/en.md:1:10: image `https://example.org/map.png` is refused: an edition never loads anything from outside its content folder (no remote or file: images); describe it in words [image-unsupported]',
        "content/w/en.md:1:27: link scheme `javascript:` is refused (`javascript:alert(1)`): a link may use http:, https:, mailto: or `#fragment`; other schemes can run code or read files in a reader's browser [link-invalid]",
        'content/w/en.md:5:1: `[unused]: …` is read as a link definition that no `[text][unused]` uses, so it would not be shown; for a note write `[^unused]: …`, to keep the text write `\\[unused]: …` [definition-unsupported]',
        'content/w/en.md:6:1: `[map]` is defined a second time (first at line 3), and only the first is used; remove this one, or write `\\[map]: …` to keep the text [definition-unsupported]',
        '1 work(s) checked: 4 error(s), 0 warning(s)'
      ]
    })
  })

  it('2. raw HTML and code blocks, inline or nested, are reported at their place; inline code is kept', async () => {
    content({
      'w/work.yaml': oneLanguage,
      'w/en.md': [
        'Water is H<sub>2</sub>O,<br> and `H<sub>2</sub>O` is code.',
        '',
        '> A quote with <i>HTML</i>.',
        '>',
        '> ```',
        '> code in a quote',
        '> ```',
        '',
        '- An item',
        '',
        '      code in a list',
        '',
        '<!-- a comment --> lost words <!-- another -->',
        '',
        'A call.[^1]',
        '',
        '[^1]: A note <span>with HTML</span>.',
        ''
      ].join('\n')
    })
    const html =
      'raw HTML is not part of the format and would not be shown; write Markdown or a directive, or escape the `<` as `\\<` (an HTML comment `<!-- … -->` is allowed and not shown) [directive-unknown]'
    const code =
      'code blocks are not part of the format; if this is prose indented by four spaces or more, remove the extra indentation (inline `code` is allowed) [directive-unknown]'
    expect(await diglot('check', 'content')).toEqual({
      code: 1,
      lines: [
        `content/w/en.md:1:11: ${html}`,
        `content/w/en.md:1:17: ${html}`,
        `content/w/en.md:1:25: ${html}`,
        `content/w/en.md:3:16: ${html}`,
        `content/w/en.md:3:23: ${html}`,
        `content/w/en.md:5:3: ${code}`,
        `content/w/en.md:11:3: ${code}`,
        'content/w/en.md:13:1: raw HTML is not part of the format; write Markdown or a directive (an HTML comment `<!-- … -->` is allowed and not shown) [directive-unknown]',
        `content/w/en.md:17:14: ${html}`,
        `content/w/en.md:17:29: ${html}`,
        '1 work(s) checked: 10 error(s), 0 warning(s)'
      ]
    })

    const dir = content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        'Inline `H<sub>2</sub>O` is code. <!-- a comment --> Text.\n\n<!-- one --> <!-- two -->\n'
    })
    const built = await htmlAndEpub(dir)
    expect(built.code).toBe(0)
    for (const edition of [built.html, built.epub]) {
      expect(edition).toMatch(
        /<code>H(&#x3C;|&lt;)sub>2(&#x3C;|&lt;)\/sub>O<\/code> is code\. +Text\./
      )
    }
  })

  it('3. a leading --- block that is not metadata is an error, metadata a warning', async () => {
    content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        '---\nThe first paragraph, which front matter would swallow: it has words.\n---\n\nText.\n'
    })
    expect(await diglot('check', 'content')).toEqual({
      code: 1,
      lines: [
        'content/w/en.md:1:1: this `---` … `---` block at the top of the file is read as front matter and would not be shown, but it is not YAML metadata (`key: value` lines): if it is text, write its `---` lines as `***` (thematic breaks) or remove them; metadata goes in work.yaml [frontmatter-invalid]',
        '1 work(s) checked: 1 error(s), 0 warning(s)'
      ]
    })
    content({
      'w/work.yaml': oneLanguage,
      'w/en.md': '---\ntitle: A title\nlang: en\n---\n\nText.\n'
    })
    expect(await diglot('check', 'content')).toEqual({
      code: 0,
      lines: [
        'content/w/en.md:1:1: warning: front matter (`---` … `---`) in a language file is not shown; put metadata in work.yaml [frontmatter-unsupported]',
        '1 work(s) checked: 0 error(s), 1 warning(s)'
      ]
    })
  })

  it('5. a link to a missing anchor is an error at its place; a link to a heading, a note or a page in a note builds in every edition', async () => {
    content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        '# Head\n\nSee [x](#nowhere), [y](#page-3-en) and [z](#note-en-2).[^1]\n\n[^1]: A note :pb{n=3}on page 3.\n\n[^2]: A note never called.\n'
    })
    const nowhere = (fragment: string): string =>
      `link to \`#${fragment}\` has no target in this work; link to a block id, a note (\`#note-en-1\`) or a source page (\`#page-20\`), or use a full https:// address [link-invalid]`
    expect(await diglot('check', 'content')).toEqual({
      code: 1,
      lines: [
        `content/w/en.md:3:5: ${nowhere('nowhere')}`,
        `content/w/en.md:3:20: ${nowhere('page-3-en')}`,
        `content/w/en.md:3:40: ${nowhere('note-en-2')}`,
        'content/w/en.md:7:1: warning: note `[^2]` is defined but never called; add a call `[^2]` in the text or remove the definition [note-unused]',
        '1 work(s) checked: 3 error(s), 1 warning(s)'
      ]
    })

    const dir = content({
      'w/work.yaml': twoLanguages,
      'w/kk.md': '# Бас\n\nМәтін.[^1]\n\n[^1]: Ескерту :pb{n=3}үшінші бетте.\n',
      'w/en.md':
        '# Бас\n\nSee [the heading](#бас), [the page](#page%2D3), [the note](#note-en-1) and [its page](#page-3-en).[^1]\n\n[^1]: A note :pb{n=3}on page 3.\n'
    })
    const {code, html, epub} = await htmlAndEpub(dir)
    expect(code).toBe(0)
    for (const edition of [html, epub]) {
      expect(edition).toContain('id="page-3-en"')
      expect(edition).toContain('id="page-3"')
      expect(edition).toMatch(/<a href="#%D0%B1%D0%B0%D1%81">the heading<\/a>/)
      expect(edition).toContain('<a href="#note-en-1">the note</a>')
    }
  })

  it('6. character references never crash a renderer', async () => {
    const dir = content({
      'w/work.yaml': oneLanguage,
      'w/en.md': 'Refs &#87654321; &#0; &#xD800; &amp; &copy; &#8212; end.\n'
    })
    const {code, html, epub} = await htmlAndEpub(dir)
    expect(code).toBe(0)
    // `&#87654321;` has more than 7 digits: it is text, not a reference; `&#0;` and `&#xD800;` name no character.
    for (const edition of [html, epub])
      expect(edition).toMatch(
        /Refs (&#x26;|&amp;)#87654321; \uFFFD \uFFFD (&#x26;|&amp;) © — end\./
      )
  })

  it('7. GFM extras: strikethrough, bare URLs and autolinks, tables are shown; task lists are refused', async () => {
    const dir = content({
      'w/work.yaml': oneLanguage,
      'w/en.md':
        'Struck ~~this~~, www.example.com, https://example.org/x and <https://example.org/y>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    })
    const {code, html, epub} = await htmlAndEpub(dir)
    expect(code).toBe(0)
    for (const edition of [html, epub]) {
      expect(edition).toContain(
        'Struck <del>this</del>, <a href="http://www.example.com">www.example.com</a>, <a href="https://example.org/x">https://example.org/x</a> and <a href="https://example.org/y">https://example.org/y</a>.'
      )
      expect(edition.replace(/\s+/g, '')).toContain(
        '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'
      )
    }
    content({'w/work.yaml': oneLanguage, 'w/en.md': '- [ ] to do\n- [x] done\n'})
    expect(await diglot('check', 'content')).toEqual({
      code: 1,
      lines: [
        'content/w/en.md:1:1: task list items (`[ ]`) are not part of the format; write `\\[ ]` to keep the brackets as text [task-list-unsupported]',
        'content/w/en.md:2:1: task list items (`[x]`) are not part of the format; write `\\[x]` to keep the brackets as text [task-list-unsupported]',
        '1 work(s) checked: 2 error(s), 0 warning(s)'
      ]
    })
  })

  it('4, 6 and 7 in the PDF: a note with a list and a quote prints whole at the page foot (facing pages and one column); the GFM extras, links, references and character references are shown', async () => {
    const note =
      '[^1]: First paragraph of the note.\n\n    - first item NOTELIST\n    - second item\n\n    > A quote in the note NOTEQUOTE.\n\n    Last paragraph of the note NOTELAST.\n'
    const text =
      'Text ~~struck~~ and https://example.org/x, `code`, [a link][ref], Refs &#87654321; &#0; &amp; end.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nLast paragraph BODYLAST.\n\n[ref]: https://example.org\n\n'
    const dir = content({
      'w/work.yaml': twoLanguages,
      'w/kk.md':
        '# Бас\n\nМәтін.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nСоңғы абзац.\n\n[^1]: Ескерту.\n\n    - тармақ\n',
      'w/en.md': `# Head\n\n${text}${note}`,
      'v/work.yaml': oneLanguage.replace('id: w', 'id: v'),
      'v/en.md': `# Head\n\n${text}${note}`
    })
    const {code, lines} = await diglot('build', 'content', '--format', 'pdf', '--out', 'out')
    expect(lines.filter((line) => !line.startsWith('pdf:'))).toEqual([])
    expect(code).toBe(0)
    for (const id of ['w', 'v']) {
      const texts = pages(path.join(dir, 'out', `${id}.pdf`))
      const page = squash(
        texts.find((candidate) => candidate.includes('First paragraph of the note')) ?? ''
      )
      // Body first, then the whole note below it on the same page (paragraph numbers may come between).
      const order = [
        'Textstruckandhttps://example.org/x,code,alink,Refs&#87654321;',
        'BODYLAST',
        'Firstparagraphofthenote',
        'firstitemNOTELIST',
        'NOTEQUOTE',
        'NOTELAST'
      ].map((part) => page.indexOf(part))
      expect(
        order.every((index) => index >= 0),
        `${id}: ${page}`
      ).toBe(true)
      expect(
        [...order].sort((a, b) => a - b),
        `${id}: ${page}`
      ).toEqual(order)
      expect(page).toContain('ab12')
      // (A paragraph number may fall between the words of a line.)
      expect(page).toMatch(/Refs&#87654321;\d*\uFFFD\d*&\d*end\./)
    }
  }, 300_000)
})
