/* Diglot – the small, progressive script of the HTML edition.
 * Without it the page is complete: both languages, notes after their block,
 * glossary links to the glossary page. With it:
 *  - a view switch (original / both / translation) kept in the URL (?view=);
 *  - sidenotes placed beside their call on wide screens, never overlapping;
 *  - notes as inline toggles on narrow screens (keyboard: Enter, Escape);
 *  - glossary terms open a popover with every form and the note;
 *  - the place named in the URL (#page-34, a paragraph, a note) stays in view
 *    while notes are laid out and fonts arrive, until the reader scrolls;
 *  - "Cite this" gives the link of the paragraph or page named in the URL.
 */
(function () {
  'use strict'
  var root = document.documentElement
  root.classList.remove('no-js')
  root.classList.add('js')

  var WIDE = '(min-width: 70rem)'
  var views = ['original', 'both', 'translation']

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn)
    else fn()
  }

  // ------------------------------------------------------------ view switch
  function currentView() {
    var view = new URLSearchParams(window.location.search).get('view')
    return views.indexOf(view) >= 0 ? view : 'both'
  }

  function applyView(view) {
    if (view === 'both') root.removeAttribute('data-view')
    else root.setAttribute('data-view', view)
    var buttons = document.querySelectorAll('.view-switch button')
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-view') === view))
  }

  function setView(view) {
    var url = new URL(window.location.href)
    if (view === 'both') url.searchParams.delete('view')
    else url.searchParams.set('view', view)
    try {
      window.history.replaceState(null, '', url.href)
    } catch (error) {
      /* some file:// contexts refuse; the view still applies */
    }
    applyView(view)
    layoutNotes()
  }

  if (document.body || document.readyState !== 'loading') applyView(currentView())

  // ------------------------------------------------------ the URL's place
  /** The element the URL names, kept in view across layouts until the reader moves. */
  var anchor = null

  function hashTarget() {
    var id = window.location.hash.slice(1)
    if (!id) return null
    try {
      id = decodeURIComponent(id)
    } catch (error) {
      return null
    }
    return document.getElementById(id)
  }

  function keepAnchor() {
    if (!anchor || !anchor.isConnected) return
    var shown = anchor.offsetParent !== null || anchor.getClientRects().length > 0
    if (shown) anchor.scrollIntoView({block: 'start'})
  }

  function releaseAnchor() {
    anchor = null
  }

  // ---------------------------------------------------------------- notes
  function isWide() {
    return window.matchMedia(WIDE).matches
  }

  /** How far (px) a sidenote may be pushed below its call before its block's notes go inline. */
  var MAX_DRIFT = 320

  /**
   * Place each sidenote beside its call; push it down below the previous one
   * on the same side. Where notes are so dense that one would drift far from
   * its call, that block's notes are set inline after the block instead.
   */
  function layoutNotes() {
    var boxes = document.querySelectorAll('.sidenotes')
    var text = document.getElementById('text')
    if (!isWide()) {
      for (var i = 0; i < boxes.length; i++) {
        boxes[i].classList.remove('sidenotes-inline')
        var reset = boxes[i].querySelectorAll('.note')
        for (var r = 0; r < reset.length; r++) reset[r].style.top = ''
      }
      if (text) text.style.paddingBottom = ''
      return
    }
    for (var b = 0; b < boxes.length; b++) boxes[b].classList.remove('sidenotes-inline')
    var sides = {}
    var lowest = 0
    for (var j = 0; j < boxes.length; j++) {
      var box = boxes[j]
      if (box.offsetParent === null) continue // hidden (other view)
      var scrollY = window.scrollY
      var boxRect = box.getBoundingClientRect()
      var boxTop = boxRect.top + scrollY
      var side = Math.round(boxRect.left)
      var last = sides[side] === undefined ? -Infinity : sides[side]
      var notes = box.querySelectorAll('.note')
      var placed = []
      var inline = false
      for (var k = 0; k < notes.length; k++) {
        var note = notes[k]
        var back = note.querySelector('.note-backlink')
        var call = back && document.getElementById(back.getAttribute('href').slice(1))
        var wanted = call && call.offsetParent !== null ? call.getBoundingClientRect().top + scrollY - 2 : boxTop
        var top = Math.max(wanted, last)
        if (top - wanted > MAX_DRIFT) {
          inline = true
          break
        }
        placed.push([note, top])
        last = top + note.offsetHeight + 8
      }
      if (inline) {
        box.classList.add('sidenotes-inline')
        for (var m = 0; m < notes.length; m++) notes[m].style.top = ''
        continue
      }
      for (var p = 0; p < placed.length; p++) placed[p][0].style.top = Math.round(placed[p][1] - boxTop) + 'px'
      sides[side] = last
      if (last > lowest) lowest = last
    }
    if (text) {
      text.style.paddingBottom = ''
      var bottom = text.getBoundingClientRect().bottom + window.scrollY
      if (lowest > bottom) text.style.paddingBottom = Math.ceil(lowest - bottom + 16) + 'px'
    }
    keepAnchor()
  }

  function noteFor(link) {
    var id = decodeURIComponent(link.getAttribute('href').slice(1))
    return document.getElementById(id)
  }

  function closeNote(note, focusCall) {
    note.classList.remove('open')
    if (focusCall) {
      var back = note.querySelector('.note-backlink')
      var call = back && document.getElementById(back.getAttribute('href').slice(1))
      if (call) call.focus()
    }
  }

  function onNoteref(event, link) {
    var note = noteFor(link)
    if (!note) return
    if (isWide()) {
      // Highlight the sidenote beside the call without moving the page (the URL
      // still names the note); scroll only when the note is off-screen.
      event.preventDefault()
      var active = document.querySelectorAll('.is-active')
      for (var i = 0; i < active.length; i++) active[i].classList.remove('is-active')
      note.classList.add('is-active')
      link.classList.add('is-active')
      releaseAnchor()
      try {
        window.history.pushState(null, '', '#' + encodeURIComponent(note.id))
      } catch (error) {
        /* file:// may refuse; the highlight is what matters */
      }
      // A note off-screen (set inline after a dense block) comes as far into view as it can
      // while the call stays in view.
      var rect = note.getBoundingClientRect()
      var callRect = link.getBoundingClientRect()
      var margin = 8
      if (rect.bottom > window.innerHeight) window.scrollBy(0, Math.max(0, Math.min(rect.bottom - window.innerHeight + margin, callRect.top - margin)))
      else if (rect.top < 0) window.scrollBy(0, Math.min(0, Math.max(rect.top - margin, callRect.bottom - window.innerHeight + margin)))
      note.setAttribute('tabindex', '-1')
      note.focus({preventScroll: true})
      return
    }
    event.preventDefault()
    if (note.classList.contains('open')) {
      note.classList.remove('open')
      return
    }
    note.classList.add('open')
    note.setAttribute('tabindex', '-1')
    note.focus()
  }

  // ------------------------------------------------------- term popovers
  var glossary = null
  var popover = null
  var opener = null

  function glossaryData() {
    if (glossary) return glossary
    var script = document.getElementById('diglot-glossary')
    try {
      glossary = script ? JSON.parse(script.textContent) : {entries: {}, languages: {}}
    } catch (error) {
      glossary = {entries: {}, languages: {}}
    }
    return glossary
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag)
    for (var key in attributes) node.setAttribute(key, attributes[key])
    if (text != null) node.textContent = text
    return node
  }

  function langAttr(lang) {
    return lang === 'pinyin' ? 'zh-Latn-pinyin' : lang
  }

  function ensurePopover() {
    if (popover) return popover
    popover = element('div', {class: 'term-popover', role: 'dialog', 'aria-labelledby': 'term-popover-title', popover: 'auto', id: 'term-popover', lang: 'en'})
    // Closed by Escape or a click elsewhere: focus goes back to the term.
    popover.addEventListener('toggle', function (event) {
      if (event.newState === 'closed' && opener) {
        var back = opener
        opener = null
        if (popover.contains(document.activeElement) || document.activeElement === document.body) back.focus()
      }
    })
    // Tabbing out closes it; focus goes on to the next stop after the term (or back to the term).
    popover.addEventListener('focusout', function (event) {
      var next = event.relatedTarget
      if (!next || popover.contains(next)) return
      opener = null
      if (popover.matches(':popover-open')) popover.hidePopover()
    })
    return popover
  }

  function openTerm(link) {
    var data = glossaryData()
    var id = link.getAttribute('data-entry')
    var entry = data.entries[id]
    if (!entry || typeof HTMLElement.prototype.showPopover !== 'function') return false
    var box = ensurePopover()
    if (box.matches(':popover-open')) {
      opener = null
      box.hidePopover()
    }
    // Right after its term in the DOM: the next Tab from the term's place goes through it.
    link.after(box)
    box.textContent = ''
    var close = element('button', {type: 'button', class: 'popover-close', 'aria-label': 'Close'}, '×')
    close.addEventListener('click', function () { box.hidePopover() })
    box.appendChild(close)
    var forms = entry.forms || {}
    var langs = Object.keys(forms)
    var context = link.closest('[lang]')
    var contextLang = context ? context.getAttribute('lang') : 'en'
    var titleLang = forms[contextLang] ? contextLang : forms.en ? 'en' : langs[0]
    langs.sort(function (a, b) { return (b === contextLang) - (a === contextLang) })
    var title = element('h2', {id: 'term-popover-title'})
    title.appendChild(element('span', {lang: langAttr(titleLang)}, (forms[titleLang] || [id])[0]))
    title.appendChild(document.createTextNode(' (' + String(entry.kind).toLowerCase() + ')'))
    box.appendChild(title)
    var list = element('dl')
    for (var i = 0; i < langs.length; i++) {
      var lang = langs[i]
      list.appendChild(element('dt', {}, data.languages[lang] || lang))
      var dd = element('dd')
      dd.appendChild(element('span', {lang: langAttr(lang)}, forms[lang].join(', ')))
      list.appendChild(dd)
    }
    box.appendChild(list)
    var notes = entry.note || {}
    var noteLangs = Object.keys(notes)
    for (var j = 0; j < noteLangs.length; j++) box.appendChild(element('p', {lang: noteLangs[j]}, notes[noteLangs[j]]))
    var more = element('p')
    more.appendChild(element('a', {href: link.getAttribute('href')}, 'All occurrences in the glossary'))
    box.appendChild(more)
    opener = link
    box.showPopover()
    var rect = link.getBoundingClientRect()
    var width = box.offsetWidth
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))
    var top = rect.bottom + 6
    if (top + box.offsetHeight > window.innerHeight - 8) top = Math.max(8, rect.top - box.offsetHeight - 6)
    box.style.left = left + 'px'
    box.style.top = top + 'px'
    close.focus()
    return true
  }

  // ----------------------------------------------------------- cite this
  function updateCitation() {
    var locator = document.querySelector('[data-cite-locator]')
    var target = hashTarget()
    if (!locator || !target) return
    var label = null
    if (target.classList.contains('alignment')) label = '¶ ' + target.getAttribute('data-n')
    else if (target.classList.contains('pb')) label = 'p. ' + target.getAttribute('data-page')
    if (!label) return
    locator.textContent = label + ': '
    var shown = window.location.href
    try {
      shown = decodeURI(shown)
    } catch (error) {
      /* keep it encoded */
    }
    locator.appendChild(element('a', {href: window.location.href}, shown))
  }

  // --------------------------------------------------------------- wiring
  ready(function () {
    applyView(currentView())
    var switcher = document.querySelector('.view-switch')
    if (switcher) {
      switcher.hidden = false
      switcher.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-view]')
        if (button) setView(button.getAttribute('data-view'))
      })
    }

    document.addEventListener('click', function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      var link = event.target.closest && event.target.closest('a')
      if (!link) return
      if (link.classList.contains('noteref')) onNoteref(event, link)
      else if (link.classList.contains('note-backlink') && !isWide()) {
        var note = link.closest('.note')
        if (note) note.classList.remove('open')
      } else if (link.classList.contains('term')) {
        if (openTerm(link)) event.preventDefault()
      }
    })

    // The reader moving the page lets go of the URL's place.
    window.addEventListener('wheel', releaseAnchor, {passive: true})
    window.addEventListener('touchmove', releaseAnchor, {passive: true})
    window.addEventListener('mousedown', releaseAnchor)
    window.addEventListener('hashchange', function () {
      anchor = hashTarget()
      updateCitation()
    })

    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') releaseAnchor()
      if (event.key !== 'Escape') return
      var note = document.activeElement && document.activeElement.closest && document.activeElement.closest('.note.open')
      if (note) closeNote(note, true)
    })

    anchor = hashTarget()
    // Open the note named in the URL on narrow screens.
    if (anchor && !isWide() && anchor.classList.contains('note')) anchor.classList.add('open')
    updateCitation()
    layoutNotes()
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(layoutNotes)
    window.addEventListener('load', function () {
      layoutNotes()
      // Late reflows (images, fonts) after load: the URL's place once more.
      requestAnimationFrame(keepAnchor)
    })
    var pending = 0
    window.addEventListener('resize', function () {
      cancelAnimationFrame(pending)
      pending = requestAnimationFrame(layoutNotes)
    })
  })
})()
