#!/usr/bin/env python3
"""Writes test/hostile/cases/<name>/case.yaml (JSON, which is YAML) and small files.

Kept for the record of how the cases were made; the cases folder is the source of truth.
"""
import json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')

def work_yaml(id='w', langs=('en',), extra='', title=None):
    lines = [f'id: {id}', 'languages:', f'  original: {langs[0]}']
    if len(langs) > 1: lines.append(f'  translation: {langs[1]}')
    lines += ['title:', f'  {langs[0]}: {title or "A title"}', 'licence: CC0-1.0', 'source:', '  description: A hostile case.']
    return '\n'.join(lines) + '\n' + extra

def mini(en, extra='', id='w', title=None):
    return {f'content/{id}/work.yaml': work_yaml(id, extra=extra, title=title), f'content/{id}/en.md': en}

cases = {}
def case(name, about, **spec):
    assert name not in cases, name
    cases[name] = dict(about=about, **spec)

OK_EN = 'A plain paragraph.\n'
CANARY = 'CANARY-7f3a secret text from outside the content folder\n'

# 1. Files outside the content folder; work ids
case('symlink-md-outside', 'a language file that links out of the content folder is refused, and never published',
     files={**mini(OK_EN), 'outside/secret.md': CANARY}, symlinks={'content/w/en.md': '../../outside/secret.md'},
     steps=[{'args': ['check', 'content'], 'exit': 1}, {'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 1}],
     outputs={'absent': ['out/w', 'out/index.html']})
case('symlink-md-absolute', 'an absolute link to a file elsewhere is refused',
     files={**mini(OK_EN), 'outside/secret.md': CANARY}, symlinks={'content/w/en.md': '/etc/hostname'}, exit=1)
case('symlink-glossary-outside', 'a glossary.yaml linked from elsewhere is refused',
     files={**mini(OK_EN), 'outside/glossary.yaml': 'entries:\n  - id: canary\n    kind: term\n    forms: {en: [plain]}\n'},
     symlinks={'content/glossary.yaml': '../outside/glossary.yaml'}, exit=1)
case('symlink-work-folder-outside', 'a work folder linked from elsewhere is refused; the other work still builds',
     files={**mini(OK_EN), 'outside/evil/work.yaml': work_yaml('evil'), 'outside/evil/en.md': CANARY},
     symlinks={'content/evil': '../outside/evil'},
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out/evil', 'out/w']})
case('symlink-work-yaml-outside', 'a work.yaml linked from elsewhere is refused',
     files={**mini(OK_EN), 'outside/work.yaml': work_yaml('w')}, symlinks={'content/w/work.yaml': '../../outside/work.yaml'}, exit=1)
case('symlink-inside-allowed', 'a link that stays inside the content folder is followed',
     files={**mini('x'), 'content/shared/en.txt': 'Shared text.\n'}, symlinks={'content/w/en.md': '../shared/en.txt'},
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0}], outputs={'contains': {'out/w/index.html': ['Shared text.']}})
case('symlink-dangling', 'a link to nothing is reported at the file',
     files=mini(OK_EN), symlinks={'content/w/en.md': 'missing.md'}, exit=1)
case('md-is-folder', 'a folder where a language file goes is reported, not a crash',
     files={'content/w/work.yaml': work_yaml(), 'content/w/en.md/keep.txt': 'x'}, exit=1)
case('glossary-is-folder', 'a folder named glossary.yaml is an error',
     files={**mini(OK_EN), 'content/glossary.yaml/keep.txt': 'x'}, exit=1)
case('work-id-glossary', 'a work whose id is `glossary` would be overwritten by the glossary page: refused',
     files=mini(OK_EN, id='glossary'), steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out/glossary']})
case('work-id-assets', 'a work whose id is `assets` collides with the shared assets folder: refused',
     files=mini(OK_EN, id='assets'), exit=1)
case('work-id-unsafe', 'a work id must be a safe slug',
     files={'content/w/work.yaml': work_yaml('../w'), 'content/w/en.md': OK_EN}, exit=1)
case('file-too-large', 'a language file over the size limit is refused with a size error',
     files={'content/w/work.yaml': work_yaml()}, generate=[{'path': 'content/w/en.md', 'unit': 'Words of a very long work. ' * 40 + '\n\n', 'times': 8000}], exit=1, maxMs=20000)

# 2. Links
for name, link, about in [
    ('link-javascript', '[click](javascript:alert(1))', 'a javascript: link'),
    ('link-javascript-case', '[click](JaVaScRiPt:alert(1))', 'a javascript: link in mixed case'),
    ('link-javascript-space', '[click](< javascript:alert(1)>)', 'a javascript: link with a leading space'),
    ('link-javascript-entity', '[click](&#x6A;avascript:alert(1))', 'a javascript: link written with a character reference'),
    ('link-javascript-tab', '[click](java&#9;script:alert(1))', 'a javascript: link with a tab inside the scheme'),
    ('link-javascript-autolink', '<javascript:alert(1)>', 'a javascript: autolink'),
    ('link-vbscript', '[click](vbscript:msgbox(1))', 'a vbscript: link'),
    ('link-data-html', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'a data:text/html link'),
    ('link-file', '[passwd](file:///etc/passwd)', 'a file: link'),
    ('link-relative', '[other](../other/index.html)', 'a relative link points outside the edition'),
    ('link-fragment-missing', '[see](#nowhere)', 'a fragment with no target in the work'),
]:
    case(name, f'{about} is an error at its place; nothing is built',
         files=mini(f'Text with {link} in it.\n'), steps=[{'args': ['build', 'content', '--format', 'html,epub', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out/w', 'out/w.epub']})
case('link-many-in-one-page', 'every bad link of a page is reported, each at its own column',
     files=mini('[a](javascript:a) [b](JAVASCRIPT:b) [c](vbscript:c) <javascript:d> [e](data:text/html,x) [f](file:///x)\n'), exit=1)
case('link-in-note', 'a bad link inside a note is reported too',
     files=mini('Text.[^1]\n\n[^1]: See [this](javascript:alert(1)).\n'), exit=1)
case('link-reference-definition', 'a reference-style link to a bad definition is reported (the definition itself is refused)',
     files=mini('Text [click][x].\n\n[x]: javascript:alert(1)\n'), exit=1)
case('link-allowed', 'http, https, mailto and fragments to a note or a source page are kept',
     files=mini(':pb{n=7}Visit [the site](https://example.org/a?b=1&c=2), [plain](http://example.org), [mail](mailto:ed@example.org), [the note](#note-en-1) and [page 7](#page-7).[^1]\n\n[^1]: A note.\n'),
     steps=[{'args': ['build', 'content', '--format', 'html,epub', '--out', 'out'], 'exit': 0}],
     outputs={'contains': {'out/w/index.html': ['href="https://example.org/a?b=1&#x26;c=2"', 'href="mailto:ed@example.org"', 'href="#note-en-1"', 'href="#page-7"']}})

# 3. Images
case('image-remote', 'a remote image is refused (nothing is fetched)', files=mini('Look: ![a chart](http://127.0.0.1:9/chart.png)\n'),
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out/w']})
case('image-file-scheme', 'a file: image is refused', files=mini('![secret](file:///etc/passwd)\n'), exit=1)
case('image-protocol-relative', 'a protocol-relative image is refused', files=mini('![x](//evil.example/x.png)\n'), exit=1)
case('image-local', 'local images are not supported yet, and say so', files={**mini('![a map](map.png)\n'), 'content/w/map.png': 'not really a png'}, exit=1)
case('image-in-note', 'an image inside a note is reported', files=mini('Text.[^1]\n\n[^1]: ![x](https://example.org/x.png)\n'), exit=1)
case('image-reference', 'a reference-style image is reported', files=mini('![x][img]\n\n[img]: https://example.org/x.png\n'), exit=1)

# 4. Escaping, control characters, task lists
case('control-char-md', 'U+0001 in a language file is an error at its line and column', files=mini('Line one.\n\nLine \u0001two.\n'), exit=1)
case('escape-sequence-md', 'an ESC sequence in a language file is an error, and never reaches the terminal', files=mini('Red \u001b[31mtext\u001b[0m here.\n'), exit=1)
case('nul-md', 'a NUL character is an error', files=mini('Null\u0000 here.\n'), exit=1)
case('noncharacter-md', 'U+FFFF (a noncharacter, not allowed in XML) is an error', files=mini('Odd \uffff here.\n'), exit=1)
case('control-char-yaml', 'a control character in work.yaml is an error at its place', files={'content/w/work.yaml': work_yaml(title='Bad \u0007 title'), 'content/w/en.md': OK_EN}, exit=1)
case('control-char-yaml-escape', 'a control character written as a YAML escape is an error', files={'content/w/work.yaml': work_yaml(title='"Bad \\u0001 title"'), 'content/w/en.md': OK_EN}, exit=1)
case('lone-surrogate-yaml', 'an unpaired surrogate written as a YAML escape is an error', files={'content/w/work.yaml': work_yaml(title='"Half \\uD800 pair"'), 'content/w/en.md': OK_EN}, exit=1)
case('control-char-glossary', 'a control character in glossary.yaml is an error', files={**mini(OK_EN), 'content/glossary.yaml': 'entries:\n  - id: x\n    kind: term\n    forms: {en: ["bad\u0002form"]}\n'}, exit=1)
case('task-list', 'a GFM task list would give invalid XHTML (`<input>`): reported', files=mini('- [ ] to do\n- [x] done\n'),
     steps=[{'args': ['build', 'content', '--format', 'epub', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out/w.epub']})
case('markup-in-metadata', 'every metadata string reaches the EPUB escaped (`<`, `&`, quotes in titles, names, source)',
     files={'content/w/work.yaml': work_yaml(extra='subtitle: {en: "Tags <b>bold</b> & \\"quotes\\""}\nauthors:\n  - name: {en: "O\'Brien <script>alert(1)</script>"}\npublisher: "A & B <Press>"\nseries: "S <1> & 2"\n', title='"Less < more & <script>x</script>"'), 'content/w/en.md': 'Text & a < b > c text.\n'},
     steps=[{'args': ['build', 'content', '--format', 'html,epub', '--out', 'out'], 'exit': 0}],
     outputs={'contains': {'out/w.epub!OEBPS/cover.xhtml': ['Less &#x3C; more &#x26; &#x3C;script>x&#x3C;/script>'], 'out/w.epub!OEBPS/content.opf': ['Less &lt; more &amp; &lt;script&gt;']},
              'lacks': {'out/w.epub!OEBPS/content.opf': ['<script>', '<b>'], 'out/w.epub!OEBPS/cover.xhtml': ['<script>'], 'out/w/index.html': ['<script>alert', '<b>bold']}})
case('ampersand-truncated-description', 'an `&` where the page-break source is cut (character 200) is never cut into `&a`',
     files={'content/w/work.yaml': work_yaml().replace('description: A hostile case.', 'description: "' + 'x' * 197 + ' & more text after the cut"'), 'content/w/en.md': ':pb{n=1}Text.\n'},
     steps=[{'args': ['build', 'content', '--format', 'epub', '--out', 'out'], 'exit': 0}],
     outputs={'lacks': {'out/w.epub!OEBPS/content.opf': ['&a<', '&am<', '& <', '&<']}, 'contains': {'out/w.epub!OEBPS/content.opf': ['property="pageBreakSource"']}})
case('replacement-patterns', 'text like `$&`, `$\'` and `{{body}}` (template and replace() patterns) is kept as text',
     files=mini('Costs $& and $\' and {{body}} and $1.\n', title='"Title $& {{title}}"'),
     steps=[{'args': ['build', 'content', '--format', 'html,epub', '--out', 'out'], 'exit': 0}],
     outputs={'contains': {'out/w/index.html': ['Costs $&#x26; and $\' and {{body}} and $1.', 'Title $&#x26; {{title}}'], 'out/w.epub!OEBPS/chapter-001.xhtml': ['Costs $&#x26; and $\' and {{body}} and $1.']}})
case('directive-attributes-markup', 'markup in directive attributes is escaped: a bad language tag is refused',
     files=mini(':lang[text]{lang="en\\"><script>alert(1)</script>"}\n'), exit=1)

# 5. Text that would vanish
case('note-called-from-note', 'a note called only from inside another note is shown in every edition',
     files=mini('Text.[^1]\n\n[^1]: First note, see also.[^2]\n\n[^2]: NESTED-NOTE-TEXT only called from a note.\n'),
     steps=[{'args': ['build', 'content', '--format', 'html,epub', '--out', 'out'], 'exit': 0}],
     outputs={'contains': {'out/w/index.html': ['NESTED-NOTE-TEXT'], 'out/w.epub!OEBPS/chapter-001.xhtml': ['NESTED-NOTE-TEXT']}})
case('ibid-definition', '`[1]: Ibid.` is a link definition in Markdown and would vanish: reported',
     files=mini('Text.\n\n[1]: Ibid.\n'), exit=1)
case('work-yml-misnamed', 'a work.yml is not read: a warning names it, and with no work left the check fails',
     files={'content/w/work.yml': work_yaml(), 'content/w/en.md': OK_EN}, exit=1)
case('markdown-without-work-yaml', 'a folder with Markdown but no work.yaml is named; the other works still count',
     files={**mini(OK_EN), 'content/draft/en.md': OK_EN}, exit=0)
case('inline-html', 'inline HTML would be dropped: reported', files=mini('Text <b>bold</b> and <br> here.\n'), exit=1)
case('html-in-blockquote', 'HTML inside a block quote would be dropped: reported', files=mini('> <div>quoted</div>\n'), exit=1)
case('html-comment-allowed', 'an HTML comment is allowed and not shown', files=mini('Text <!-- a comment --> here.\n\n<!-- a block comment -->\n'), exit=0)
case('front-matter', 'front matter in a language file is not shown: a warning', files=mini('---\ntitle: ignored\n---\n\nText.\n'), exit=0)
case('empty-content', 'a build of a folder with no work exits 1', files={'content/README.md': 'Nothing here yet.\n'},
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 1}], outputs={'absent': ['out']})

# 6. Limits
case('nested-quotes-3000', '3,000 nested `>` on one line is a limit error, not a stack overflow',
     files={'content/w/work.yaml': work_yaml()}, generate=[{'path': 'content/w/en.md', 'unit': '>', 'times': 3000, 'tail': ' deep\n'}], exit=1, maxMs=10000)
case('nested-quotes-lines', '150 levels of block quotes built up line by line', files={'content/w/work.yaml': work_yaml(), 'content/w/en.md': ''.join('>' * i + ' level\n' for i in range(1, 151))}, exit=1, maxMs=10000)
case('list-markers-10000', '10,000 `- ` on one line is a limit error at once (it made the parser run for minutes)',
     files={'content/w/work.yaml': work_yaml()}, generate=[{'path': 'content/w/en.md', 'unit': '- ', 'times': 10000, 'tail': 'x\n'}], exit=1, maxMs=10000)
case('thematic-break-dashes', 'a thematic break of many dashes is not nesting', files={'content/w/work.yaml': work_yaml()}, generate=[{'path': 'content/w/en.md', 'head': 'Text.\n\n', 'unit': '- ', 'times': 500, 'tail': '\n'}], exit=0, maxMs=10000)
case('nested-lists-indented', '150 levels of lists by indentation', files={'content/w/work.yaml': work_yaml(), 'content/w/en.md': ''.join('  ' * i + '- item\n' for i in range(150))}, exit=1, maxMs=10000)
case('emphasis-runs', '5,000 emphasis runs in a paragraph (quadratic to parse) are refused',
     files={'content/w/work.yaml': work_yaml()}, generate=[{'path': 'content/w/en.md', 'unit': '*a ', 'times': 5000, 'tail': 'b' + ' c*' * 5000 + '\n'}], exit=1, maxMs=10000)
case('nested-inline', '150 nested inline marks are a limit error at their place',
     files={'content/w/work.yaml': work_yaml(), 'content/w/en.md': ''.join('*a _b ' for _ in range(75)) + 'x' + ''.join(' c_ d*' for _ in range(75)) + '\n'}, exit=1, maxMs=10000)
case('notes-chain', 'a chain of 300 notes, each called only from the one before, keeps every note (10,000 notes: scaling.test.ts)',
     files={'content/w/work.yaml': work_yaml(), 'content/w/en.md': 'Text.[^1]\n\n' + ''.join(f'[^{i}]: Note {i}, see the next.[^{i + 1}]\n\n' for i in range(1, 300)) + '[^300]: Note 300 ends the chain.\n'},
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0}], maxMs=60000,
     outputs={'contains': {'out/w/index.html': ['Note 1, see the next.', 'Note 300 ends the chain.']}})
case('licence-2mb', 'a 2 MB licence is refused with a size error (it crashed the cover)',
     files={'content/w/en.md': OK_EN}, generate=[{'path': 'content/w/work.yaml', 'head': work_yaml().replace('licence: CC0-1.0\n', '') + 'licence: ', 'unit': 'All rights reserved. ', 'times': 100000, 'tail': '\n'}], exit=1, maxMs=20000)
case('title-too-long', 'a 20,000-character title is refused', files={'content/w/en.md': OK_EN, 'content/w/work.yaml': work_yaml(title='T' * 20000)}, exit=1)
case('yaml-alias-bomb', 'a YAML alias bomb is refused, not expanded', files={'content/w/en.md': OK_EN, 'content/w/work.yaml': work_yaml() + 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n'}, exit=1, maxMs=10000)

# 7. Exit codes: usage and output mistakes exit 2 with one line, before anything is written
case('out-is-file', '--out naming an existing file: exit 2, one line', files={**mini(OK_EN), 'dist': 'a file'}, args=['build', 'content', '--out', 'dist'], exit=2, outputs={'contains': {'dist': ['a file']}})
case('out-under-file', '--out under a file: exit 2', files={**mini(OK_EN), 'dist': 'a file'}, args=['build', 'content', '--out', 'dist/x'], exit=2)
case('out-empty', '--out "": exit 2', files=mini(OK_EN), args=['build', 'content', '--out', ''], exit=2)
case('out-proc', '--out /proc/x: exit 2 at once (it hung)', files=mini(OK_EN), args=['build', 'content', '--out', '/proc/diglot-x'], exit=2, maxMs=10000)
case('out-inside-content', '--out inside the content folder is refused: exit 2, nothing written', files=mini(OK_EN), args=['build', 'content', '--format', 'html', '--out', 'content/dist'], exit=2, outputs={'absent': ['content/dist']})
case('out-is-content', '--out content (49 files written into the source) is refused', files=mini(OK_EN), args=['build', 'content', '--format', 'html', '--out', 'content'], exit=2, outputs={'absent': ['content/index.html']})
case('out-link-into-content', '--out through a link into the content folder is refused', files=mini(OK_EN), symlinks={'alias': 'content/w'}, args=['build', 'content', '--format', 'html', '--out', 'alias/dist'], exit=2, outputs={'absent': ['content/w/dist']})
case('templates-missing', '--templates naming a missing folder: exit 2', files=mini(OK_EN), args=['build', 'content', '--templates', 'nope', '--out', 'out'], exit=2, outputs={'absent': ['out']})
case('format-empty', '--format "": exit 2', files=mini(OK_EN), args=['build', 'content', '--format', '', '--out', 'out'], exit=2, outputs={'absent': ['out']})
case('format-unknown', 'an unknown format: exit 2 naming it', files=mini(OK_EN), args=['build', 'content', '--format', 'html,docx', '--out', 'out'], exit=2, outputs={'absent': ['out']})
case('content-missing', 'a content folder that does not exist is named', files={}, args=['check', 'no-such-content'], exit=1)

# 8. Outputs: atomic, and a manifest that removes only its own stale files
case('manifest-removes-stale', 'the outputs of a removed work are removed by the next build; a file the build did not write is kept',
     files={**mini(OK_EN), **mini(OK_EN, id='gone'), 'out/notes.txt': 'my own file\n'},
     steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0},
            {'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0, 'remove': ['content/gone'], 'files': {'out/gone/mine.txt': 'also mine\n'}}],
     outputs={'absent': ['out/gone/index.html'], 'exists': ['out/w/index.html', 'out/notes.txt', 'out/gone/mine.txt', 'out/.diglot-manifest.json']})
case('manifest-per-format', 'building one format never removes another format\'s outputs',
     files=mini(OK_EN), steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0}, {'args': ['build', 'content', '--format', 'epub', '--out', 'out'], 'exit': 0}],
     outputs={'exists': ['out/w/index.html', 'out/w.epub']})
case('manifest-hostile', 'a manifest naming files outside the output folder removes nothing there',
     files={**mini(OK_EN), 'precious.txt': 'keep me\n', 'out/.diglot-manifest.json': '{"formats": {"html": ["../precious.txt", "/etc/hostname", "x/../../precious.txt"]}}\n'},
     args=['build', 'content', '--format', 'html', '--out', 'out'], exit=0, outputs={'exists': ['precious.txt', 'out/w/index.html']})
case('no-staging-left', 'a finished build leaves no staging folder', files=mini(OK_EN), args=['build', 'content', '--format', 'html', '--out', 'out'], exit=0,
     outputs={'none': ['.diglot-staging'], 'contains': {'out/.diglot-manifest.json': ['"w/index.html"']}})

# 9. Messages
case('escape-in-folder-name', 'control characters in a file name are shown escaped in messages',
     files={**mini(OK_EN), 'content/d\u001b[31mraft/en.md': OK_EN}, exit=0)
case('templates-announced', 'templates found beside the content are announced',
     files={**mini(OK_EN)}, templates=True, steps=[{'args': ['build', 'content', '--format', 'html', '--out', 'out'], 'exit': 0}])

# 10. Fields, glossary, page markers
case('field-misspelt', 'a misspelt field warns with the closest known field', files={'content/w/work.yaml': work_yaml(langs=('en', 'kk'), extra='translation:\n  staus: partial\n'), 'content/w/en.md': OK_EN, 'content/w/kk.md': 'Мәтін.\n'}, exit=0)
case('field-unknown-far', 'an unknown field far from any known one lists the known fields', files={'content/w/work.yaml': work_yaml(extra='print:\n  colour: red\n'), 'content/w/en.md': OK_EN}, exit=0)
case('glossary-field-unknown', 'an unknown glossary field warns; `indexAs` is known', files={**mini('Hu Jintao spoke.\n'), 'content/glossary.yaml': 'entries:\n  - id: hu-jintao\n    kind: person\n    forms: {en: [Hu Jintao]}\n    indexAs: {en: "Hu, Jintao"}\n    notes: {en: misspelt}\n'}, exit=0)
case('translator-language-invalid', 'a translator language `zz-!!` is an error', files={'content/w/work.yaml': work_yaml(extra='translators:\n  - name: {en: Someone}\n    language: zz-!!\n'), 'content/w/en.md': OK_EN}, exit=1)
case('page-markers-out-of-order', 'page markers 50, 3, 3000 warn where the order breaks', files=mini(':pb{n=50}One.\n\n:pb{n=3}Two.\n\n:pb{n=3000}Three.\n'), exit=0)
case('term-without-glossary', 'a `:term` with no glossary is an error naming the id', files=mini(':term[Hu]{id=hu-jintao} spoke.\n'), exit=1)
case('glossary-invalid-used', 'an invalid glossary is an error', files={**mini(':term[Hu]{id=hu-jintao} spoke.\n'), 'content/glossary.yaml': 'entries: [\n'}, exit=1)
case('glossary-missing-explicit', 'a work folder checked alone with a broken glossary beside it', files={**mini(OK_EN), 'content/glossary.yaml': 'entries: 3\n'}, args=['check', 'content/w'], exit=1)

if os.path.isdir(CASES): shutil.rmtree(CASES)
for name, spec in cases.items():
    d = os.path.join(CASES, name)
    os.makedirs(d)
    with open(os.path.join(d, 'case.yaml'), 'w') as f:
        json.dump(spec, f, indent=2, ensure_ascii=True)
        f.write('\n')
print(len(cases), 'cases')
