import {deflateSync, inflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {markArtifacts, markUntagged, operations} from '../src/node/artifacts.js'

describe('content-stream operations', () => {
  it('reads operands and operators, strings and dictionaries included', () => {
    const ops = operations('/NonStruct <</MCID 3 >>BDC\nBT (a \\) b) Tj [(x) -20 (y)] TJ ET\nEMC')
    expect(ops.map((op) => op.operator)).toEqual(['BDC', 'BT', 'Tj', 'TJ', 'ET', 'EMC'])
    expect(ops[0]?.operands).toContain('/MCID 3')
  })
})

describe('artifacts', () => {
  it('wraps untagged text objects and paths, and leaves tagged content alone', () => {
    const content = [
      'q',
      'BT',
      '/F1 10 Tf',
      '<0001> Tj',
      'ET',
      'Q',
      '/P <</MCID 0 >>BDC',
      'BT',
      '<0002> Tj',
      'ET',
      'EMC',
      '0 0 10 1 re',
      'f',
      '0 0 5 5 re',
      'W n'
    ].join('\n')
    const marked = markUntagged(content)
    expect(marked).toBe(
      [
        'q',
        '/Artifact BMC',
        'BT',
        '/F1 10 Tf',
        '<0001> Tj',
        'ET',
        'EMC',
        'Q',
        '/P <</MCID 0 >>BDC',
        'BT',
        '<0002> Tj',
        'ET',
        'EMC',
        '/Artifact BMC',
        '0 0 10 1 re',
        'f',
        '0 0 5 5 re',
        'W n',
        'EMC'
      ].join('\n')
    )
  })

  it('marks text inside a text object that also holds tagged content, within the object', () => {
    const marked = markUntagged(
      ['BT', '/P <</MCID 0 >>BDC', '<0002> Tj', 'EMC', '<0003> Tj', 'ET'].join('\n')
    )
    expect(marked).toBe(
      [
        'BT',
        '/P <</MCID 0 >>BDC',
        '<0002> Tj',
        'EMC',
        '/Artifact BMC',
        '<0003> Tj',
        'EMC',
        'ET'
      ].join('\n')
    )
  })

  it('rewrites a file: content streams marked, Aside elements made Notes with IDs, the cross-reference table right', async () => {
    const stream = deflateSync(Buffer.from('BT\n<0001> Tj\nET', 'latin1'))
    const objects = [
      '<</Type /Catalog /Pages 2 0 R>>',
      '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      '<</Type /Page /Parent 2 0 R /Contents 4 0 R>>',
      `<</Filter /FlateDecode\n/Length ${stream.length}>> stream\n${stream.toString('latin1')}\nendstream`,
      '<</Type /StructElem\n/S /Aside\n/P 6 0 R>>',
      '<</Type /StructTreeRoot\n/K 5 0 R>>'
    ]
    let body = '%PDF-1.4\n'
    const offsets: number[] = []
    objects.forEach((object, index) => {
      offsets.push(body.length)
      body += `${index + 1} 0 obj\n${object}\nendobj\n`
    })
    const xref = body.length
    body += `xref\n0 7\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<</Size 7\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
    const out = Buffer.from(
      await markArtifacts(new Uint8Array(Buffer.from(body, 'latin1')))
    ).toString('latin1')
    expect(out).toContain('/S /Note\n/ID (note-0001)\n')
    expect(out).toContain('/IDTree <</Names [(note-0001) 5 0 R]>>')
    const start = Number(/startxref\n(\d+)/.exec(out)?.[1])
    const entries = out.slice(start).split('\n').slice(2, 9)
    for (let number = 1; number <= 6; number++)
      expect(out.slice(Number(entries[number]?.slice(0, 10)))).toMatch(
        new RegExp(`^${number} 0 obj`)
      )
    const object4 = out.slice(Number(entries[4]?.slice(0, 10)))
    const length = Number(/\/Length (\d+)/.exec(object4)?.[1])
    const data = object4.slice(
      object4.indexOf('stream\n') + 7,
      object4.indexOf('stream\n') + 7 + length
    )
    expect(inflateSync(Buffer.from(data, 'latin1')).toString('latin1')).toBe(
      '/Artifact BMC\nBT\n<0001> Tj\nET\nEMC'
    )
  })
})
