import {glyphSet} from '../packages/html/dist/index.js'
import {readFileSync, readdirSync} from 'node:fs'
const d = 'packages/html/node_modules/@fontsource/noto-serif/files/'
for (const f of readdirSync(d).filter(f => /400-normal\.woff$/.test(f) && /cyrillic/.test(f))) { const g = glyphSet(readFileSync(d+f)); console.log(f, g.has(0x4b1), g.has(0x20), g.has(0xa0)) }
