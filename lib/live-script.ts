/**
 * The one inline script of both dashboards (and the emulator's Messenger view): everything works without it (plain
 * forms and links), it only adds live refresh and niceties.
 * - On every `change` event from `eventsPath` (a change-hub.ts stream) the page refetches itself and swaps in
 *   the new content of each `[data-live]` element, matched by id; open `<details>` stay open, forms outside live
 *   regions (the composer, with what is being typed) are left alone. Once more on the stream's `hello`: a write
 *   between the page's rendering and the stream's opening (a send failing within milliseconds) sends no `change`.
 * - `[data-refresh-in=ms]` asks for one refresh after that time (the typing indicator times out without a write).
 * - `[data-stick-bottom]` scroll containers stay scrolled to the end (the thread shows its newest message).
 * - `select[data-autosubmit]` submits its form on change.
 * Static text, inlined with dangerouslySetInnerHTML; it reads nothing but the page.
 */
export function liveScript(eventsPath: string): string {
  return `
(function () {
  'use strict';
  var busy = false, again = false, timer = null;
  function stick() {
    document.querySelectorAll('[data-stick-bottom]').forEach(function (el) { el.scrollTop = el.scrollHeight; });
  }
  function schedule() {
    clearTimeout(timer);
    var el = document.querySelector('[data-refresh-in]');
    if (el) timer = setTimeout(refresh, Number(el.getAttribute('data-refresh-in')) + 50);
  }
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { headers: { accept: 'text/html' } }).then(function (res) { return res.text(); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (el) {
          var fresh = next.getElementById(el.id);
          if (!fresh) return;
          el.querySelectorAll('details[id][open]').forEach(function (d) {
            var same = fresh.querySelector('#' + CSS.escape(d.id));
            if (same) same.setAttribute('open', '');
          });
          el.replaceWith(document.adoptNode(fresh));
        });
        document.documentElement.setAttribute('data-version', String(Number(document.documentElement.getAttribute('data-version') || 0) + 1));
        stick();
        schedule();
      })
      .catch(function () { /* the emulator stopped: keep what is shown */ })
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  if (window.EventSource) {
    var events = new EventSource(${JSON.stringify(eventsPath)});
    events.addEventListener('hello', refresh);
    events.addEventListener('change', refresh);
  }
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.matches && t.matches('select[data-autosubmit]') && t.form) t.form.requestSubmit();
  });
  stick();
  schedule();
})();
`
}
