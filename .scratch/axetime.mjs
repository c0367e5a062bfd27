import puppeteer from 'puppeteer'
import {AxePuppeteer} from '@axe-core/puppeteer'
const b = await puppeteer.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu'], protocolTimeout: 600000})
for (const f of ['world-dream/index.html','harmonious-world/index.html','glossary/index.html']) {
  const p = await b.newPage(); await p.setViewport({width:1280,height:900})
  await p.goto('file:///tmp/i14dist/'+f); await p.evaluate(() => document.fonts.ready)
  console.log(f, await p.evaluate(() => document.querySelectorAll('*').length))
  for (const opts of [{resultTypes:['violations']}, {resultTypes:['violations'], rules:{'color-contrast':{enabled:false}}}]) {
    const t = Date.now()
    const r = await new AxePuppeteer(p).options(opts).analyze()
    console.log(' ', JSON.stringify(opts.rules ?? {}), Date.now()-t, 'ms', r.violations.map(v=>v.id))
  }
  await p.close()
}
await b.close()
