import puppeteer from 'puppeteer'
const b = await puppeteer.launch({executablePath:'/usr/bin/chromium', args:['--no-sandbox','--disable-gpu']})
const p = await b.newPage(); await p.setViewport({width:1280,height:900})
await p.goto('file:///tmp/i14dist/harmonious-world/index.html'); await p.evaluate(() => document.fonts.ready)
console.log(await p.evaluate(() => {
  const out = {}
  for (const side of ['original','translation']) {
    const para = [...document.querySelectorAll(`.segment-${side} p`)].sort((a,b)=>b.textContent.length-a.textContent.length)[0]
    const probe = document.createElement('span'); probe.style.whiteSpace='nowrap'; probe.textContent = para.textContent.replace(/\u00ad/g,''); para.appendChild(probe)
    const perChar = probe.getBoundingClientRect().width / probe.textContent.length; probe.remove()
    out[side] = {width: para.clientWidth, chars: +(para.clientWidth / perChar).toFixed(1)}
  }
  const n = document.querySelector('.sidenotes .note'); out.note = n && n.getBoundingClientRect().width
  return out
}))
await b.close()
