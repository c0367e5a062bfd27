import {availableFaces, glyphSet} from '../packages/html/dist/index.js'
import {readFileSync} from 'node:fs'
const faces = await availableFaces()
let t=Date.now(); for (const f of faces.slice(0,40)) glyphSet(readFileSync(f.file)); console.log('woff2', faces.length, Date.now()-t)
t=Date.now(); for (const f of faces.slice(0,40)) glyphSet(readFileSync(f.file.replace(/woff2$/,'woff'))); console.log('woff', Date.now()-t)
