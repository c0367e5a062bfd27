/**
 * The print edition's own handlers for the shared hast: each note at its call
 * as Paged.js needs it, heading alignments with their running heads; decided
 * from the Diglot tree (no class of the HTML is read back).
 */
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {toHast} from '@diglot/html'
import {printHandlers} from '../src/document/handlers.js'
import {parse} from '../../html/test/helpers.js'

const bilingual = () =>
  parse({
    kk: '# Ху Цзиньтао\n\nМәтін.[^1] Әрі қарай.\n\n[^1]: Ескерту.\n',
    en: '# Hu Jintao\n\nText.[^tr-1] Further.\n\n[^tr-1]: A translator’s note.\n'
  })

describe('print handlers', () => {
  it('put each note right after its call, its id and mark where Paged.js leaves them, with a side label', () => {
    const {work} = bilingual()
    const out = toHtml(toHast(work, {target: 'print', handlers: printHandlers(work).handlers}))
    expect(out).toContain(
      '</a></sup><span lang="kk" class="footnote note-author" data-note-id="note-kk-1" data-mark="1"><span class="note-p"><span class="note-mark">'
    )
    expect(out).toMatch(
      /<span class="note-side" aria-hidden="true">kk<\/span> Ескерту\.<\/span><\/span>/
    )
    expect(out).toMatch(
      /data-note-id="note-en-tr-1" data-mark="T1"><span class="note-p"><span class="note-mark">.*?<\/span><span class="note-side" aria-hidden="true">en<\/span> <span class="note-kind">Translator’s note: <\/span>/
    )
    expect(out).not.toContain('<aside')
  })

  it('give a heading alignment its running head (the translation’s) and depth', () => {
    const {work} = bilingual()
    const out = toHtml(toHast(work, {target: 'print', handlers: printHandlers(work).handlers}))
    expect(out).toMatch(
      /class="alignment alignment-heading"[^>]*data-running-head="Hu Jintao" data-depth="1"/
    )
  })
})
