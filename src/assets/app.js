// @ts-check
/*
 * Progressive enhancement for every page. Without this script everything still works: quick exit is then a
 * plain link to /weg. No HTML is built from strings (Trusted Types are enforced by the CSP).
 */
(function () {
  'use strict';

  document.body.classList.add('js-enabled');

  /**
   * Keeps /nu (what to do right now) available without a connection. The CSP enforces Trusted Types, so the
   * worker's URL passes through the one allowed policy, which accepts nothing but that URL.
   */
  /**
   * Polls the export's state (same origin, never cached) and shows it; reloads the page once the export is
   * no longer running. A failed request waits and tries again: the page's own link still works.
   * @param {HTMLElement} container
   */
  function watchExport(container) {
    var url = container.getAttribute('data-status-url');
    if (!url || !window.fetch) return;
    var bar = container.querySelector('progress');
    var text = container.querySelector('[data-export-text]');
    var check = function () {
      window
        .fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
        .then(function (response) {
          if (response.ok) return response.json();
          // Signed out meanwhile (404) or the form expired (403): the page itself says what to do now.
          return response.status === 404 || response.status === 403 ? { state: 'gone' } : null;
        })
        .then(function (state) {
          if (state && state.state === 'running') {
            if (bar && typeof state.percent === 'number') {
              bar.setAttribute('value', String(state.percent));
              bar.textContent = state.percent + '%';
            }
            if (text instanceof HTMLElement && typeof state.text === 'string' && text.textContent !== state.text) {
              text.textContent = state.text;
            }
            window.setTimeout(check, 1500);
          } else if (state) {
            window.location.reload();
          } else {
            window.setTimeout(check, 5000);
          }
        })
        .catch(function () {
          window.setTimeout(check, 5000);
        });
    };
    window.setTimeout(check, 1000);
  }

  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    /** @type {string | object} */
    var url = '/sw.js';
    var trustedTypes = /** @type {any} */ (window).trustedTypes;
    if (trustedTypes && trustedTypes.createPolicy) {
      var policy = trustedTypes.createPolicy('app-sw', {
        createScriptURL: function (/** @type {string} */ value) {
          if (value !== '/sw.js') throw new TypeError('Only the service worker may be loaded');
          return value;
        },
      });
      url = policy.createScriptURL('/sw.js');
    }
    navigator.serviceWorker.register(/** @type {string} */ (url), { scope: '/' }).catch(function () {
      // Without a worker the site still works; only the offline copy of /nu is missing.
    });
  }

  /** Two minutes before a signed-in session would time out, offer to stay logged in (WCAG 2.2.1). */
  function watchIdleTimeout() {
    var box = document.querySelector('[data-module="app-idle"]');
    if (!(box instanceof HTMLElement)) return;
    var idle = box;
    var form = idle.querySelector('form');
    var deadline = Date.parse(idle.dataset.idleUntil || '');
    if (!form || isNaN(deadline)) return;
    /** @type {number | undefined} */
    var warnTimer;
    function schedule() {
      window.clearTimeout(warnTimer);
      warnTimer = window.setTimeout(
        function () {
          idle.hidden = false;
          var button = idle.querySelector('button');
          if (button) button.focus();
        },
        Math.max(0, deadline - Date.now() - 120000),
      );
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var token = /** @type {HTMLInputElement | null} */ (form && form.querySelector('input[name="_csrf"]'));
      fetch('/account/verlengen', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': token ? token.value : '' },
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('not extended'));
        })
        .then(function (body) {
          deadline = Date.parse(body.idleUntil);
          idle.hidden = true;
          schedule();
        })
        .catch(function () {
          if (form) form.submit();
        });
    });
    schedule();
  }

  // A print button only makes sense with JavaScript; without it, the browser's own print still works.
  var printButtons = document.querySelectorAll('[data-module="app-print"]');
  for (var p = 0; p < printButtons.length; p += 1) {
    printButtons[p].addEventListener('click', function () {
      window.print();
    });
  }

  // A form that takes a while (an export of a large journal) says so in a live region while it is being made;
  // without JavaScript the browser's own loading indicator is all there is.
  var busyForms = document.querySelectorAll('form[data-busy-message]');
  for (var b = 0; b < busyForms.length; b += 1) {
    busyForms[b].addEventListener('submit', function (event) {
      var form = /** @type {HTMLFormElement} */ (event.currentTarget);
      var live = form.querySelector('[data-busy-status]');
      if (live instanceof HTMLElement) live.textContent = form.getAttribute('data-busy-message') || '';
    });
  }

  // The export's progress page asks how far the export is every few seconds and updates the bar and the
  // status text; when the export is ready (or failed, or gone) it loads the page again, which then offers the
  // download. Without JavaScript the page's "look again" link does the same by hand.
  var exportProgress = document.querySelector('[data-export-progress]');
  if (exportProgress instanceof HTMLElement) watchExport(exportProgress);

  // An error summary takes focus, so screen readers and keyboard users start there.
  var summary = document.querySelector('.app-error-summary');
  if (summary instanceof HTMLElement) summary.focus();

  registerServiceWorker();
  watchIdleTimeout();

  var PRESSES_NEEDED = 3;
  var PRESS_WINDOW_MS = 5000;

  var button = document.querySelector('[data-module="app-quick-exit"]');
  if (!(button instanceof HTMLAnchorElement)) return;
  var quickExit = button;
  var status = document.querySelector('[data-quick-exit-status]');
  var dots = quickExit.querySelectorAll('.app-quick-exit__dot');
  var exitUrl = quickExit.dataset.exitUrl || 'https://www.google.nl/';

  var presses = 0;
  /** @type {number | undefined} */
  var timer;
  var shiftAlone = false;
  var leaving = false;
  /** @type {HTMLElement | null} */
  var overlay = null;

  /** @param {string} text */
  function announce(text) {
    if (status) status.textContent = text;
  }

  function showPresses() {
    for (var index = 0; index < dots.length; index += 1) {
      dots[index].classList.toggle('app-quick-exit__dot--on', index < presses);
    }
  }

  function resetPresses() {
    presses = 0;
    window.clearTimeout(timer);
    showPresses();
    announce('');
  }

  /** Blanks the page at once, asks the server to forget this visit, then replaces this page in history. */
  function leave() {
    if (leaving) return;
    leaving = true;
    overlay = document.createElement('div');
    overlay.className = 'app-quick-exit-overlay';
    document.body.appendChild(overlay);
    announce(quickExit.dataset.textLeaving || '');
    var go = function () {
      window.location.replace(exitUrl);
    };
    try {
      var forget = fetch('/weg', { method: 'POST', credentials: 'same-origin', keepalive: true, redirect: 'manual' });
      // Leaving quickly matters more than hearing back: wait at most a moment for the server.
      Promise.race([
        forget,
        new Promise(function (resolve) {
          window.setTimeout(resolve, 400);
        }),
      ]).then(go, go);
    } catch {
      go();
    }
  }

  quickExit.addEventListener('click', function (event) {
    event.preventDefault();
    leave();
  });

  // Shift pressed three times, each within five seconds of the last; Shift used as a modifier does not count.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift') {
      if (!event.repeat) shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey);
      return;
    }
    shiftAlone = false;
    if (presses > 0) resetPresses();
  });

  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift' || !shiftAlone) return;
    shiftAlone = false;
    presses += 1;
    window.clearTimeout(timer);
    showPresses();
    if (presses >= PRESSES_NEEDED) {
      leave();
      return;
    }
    announce((PRESSES_NEEDED - presses === 1 ? quickExit.dataset.textOne : quickExit.dataset.textTwo) || '');
    timer = window.setTimeout(resetPresses, PRESS_WINDOW_MS);
  });

  // If the browser brings this page back from its cache, take the blank overlay away again.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    leaving = false;
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    overlay = null;
    resetPresses();
  });
})();
