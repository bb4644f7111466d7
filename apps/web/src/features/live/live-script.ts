/**
 * `/assets/live.js`: served as a file of our own origin so the CSP can keep
 * forbidding inline scripts. It opens the stream named by the page's
 * `data-live-src` and swaps in the fragments the server renders (elements
 * replaced by id). Pages work the same without it; they just need a reload.
 */
export const LIVE_SCRIPT = `'use strict';
(function () {
  var status = document.querySelector('[data-live-src]');
  if (!status || typeof window.EventSource !== 'function') return;
  var source = new EventSource(status.getAttribute('data-live-src'));
  source.addEventListener('open', function () {
    status.setAttribute('data-live-state', 'open');
  });
  source.addEventListener('error', function () {
    status.setAttribute('data-live-state', 'reconnecting');
  });
  source.addEventListener('fragments', function (event) {
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    var fragments = (message && message.fragments) || [];
    for (var i = 0; i < fragments.length; i++) {
      var target = document.getElementById(fragments[i].id);
      if (target) target.outerHTML = fragments[i].html;
    }
    status.setAttribute('data-live-updated', String(Date.now()));
  });
})();
`;
