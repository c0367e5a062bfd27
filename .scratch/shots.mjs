import puppeteer from 'puppeteer'
const dist = process.argv[2] ?? '/tmp/i14dist'
const b = await puppeteer.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run']})
const jobs = (process.argv[3] ?? 'harmonious-world,world-dream').split(',')
for (const work of jobs) for (const width of [1280, 375]) for (const theme of ['light','dark']) {
  const p = await b.newPage()
  await p.emulateMediaFeatures([{name:'prefers-color-scheme', value: theme}])
  await p.setViewport({width, height: 900})
  const hash = process.argv[4] ?? ''
  await p.goto(`file://${dist}/${work}/index.html${hash}`, {waitUntil:'load'})
  await p.evaluate(() => document.fonts.ready)
  await new Promise(r => setTimeout(r, 300))
  if (!hash) await p.evaluate(() => document.querySelector('#text .alignment:nth-of-type(3), #text .section .alignment:nth-child(4)')?.scrollIntoView())
  const info = await p.evaluate(() => {
    const para = [...document.querySelectorAll('.segment-original p')].sort((a,b)=>b.textContent.length-a.textContent.length)[0]
    const lh = parseFloat(getComputedStyle(para).lineHeight)
    const lines = Math.round(para.getBoundingClientRect().height / lh)
    return {chars: Math.round(para.textContent.replace(/\u00ad/g,'').length / lines), width: Math.round(para.getBoundingClientRect().width)}
  })
  console.log(work, width, theme, JSON.stringify(info))
  await p.screenshot({path: `/tmp/i14shots/${work}-${width}-${theme}.png`})
  await p.close()
}
await b.close()
