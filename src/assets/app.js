// @ts-check
/*
 * Progressive enhancement for every page, the way govuk-frontend does it: this script marks <body> with
 * `js-enabled` (styles for scripted pages hang on that), registers the service worker, and starts one init per
 * element that carries `data-module="app-…"`, handing it that element. An init finds its parts inside its element
 * by `data-*` attributes, never by styling classes, so restyling a page cannot break a script. Without this script
 * every page still works: quick exit is then a plain link to /weg, a form a plain form post.
 * No HTML is built from strings (Trusted Types are enforced by the CSP).
 * Page-specific scripts (passkey.js, the verifier) start their own modules the same way.
 */
(function () {
  'use strict';

  document.body.classList.add('js-enabled');

  /**
   * Keeps /nu (what to do right now) available without a connection. The CSP enforces Trusted Types, so the
   * worker's URL passes through the one allowed policy, which accepts nothing but that URL.
   */
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

  /**
   * app-quick-exit: the bar with the quick-exit link. A click, or Shift pressed three times (each within five
   * seconds of the last; Shift used as a modifier does not count), blanks the page, asks the server to forget
   * the visit and replaces this page in history. Parts: `data-quick-exit-link`, `data-quick-exit-dot` (one per
   * press), `data-quick-exit-status` (a live region); texts and the exit URL in the element's `data-*`.
   * @param {HTMLElement} element
   */
  function initQuickExit(element) {
    var PRESSES_NEEDED = 3;
    var PRESS_WINDOW_MS = 5000;
    var link = element.querySelector('[data-quick-exit-link]');
    if (!(link instanceof HTMLAnchorElement)) return;
    var status = element.querySelector('[data-quick-exit-status]');
    var dots = element.querySelectorAll('[data-quick-exit-dot]');
    var texts = element.dataset;
    var exitUrl = texts.exitUrl || 'https://www.google.nl/';

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

    function leave() {
      if (leaving) return;
      leaving = true;
      overlay = document.createElement('div');
      overlay.className = 'app-quick-exit-overlay';
      document.body.appendChild(overlay);
      announce(texts.textLeaving || '');
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

    link.addEventListener('click', function (event) {
      event.preventDefault();
      leave();
    });

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
      announce((PRESSES_NEEDED - presses === 1 ? texts.textOne : texts.textTwo) || '');
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
  }

  /**
   * app-idle: two minutes before a signed-in session would time out, shows the element (hidden until then) with
   * its one form, "stay logged in" (WCAG 2.2.1). The form is sent in the background; should that fail, it is
   * submitted as a plain form. The deadline is in `data-idle-until` (ISO time).
   * @param {HTMLElement} element
   */
  function initIdleWarning(element) {
    var form = element.querySelector('form');
    var deadline = Date.parse(element.dataset.idleUntil || '');
    if (!form || isNaN(deadline)) return;
    var extendForm = form;
    /** @type {number | undefined} */
    var warnTimer;
    function schedule() {
      window.clearTimeout(warnTimer);
      warnTimer = window.setTimeout(
        function () {
          element.hidden = false;
          var button = element.querySelector('button');
          if (button) button.focus();
        },
        Math.max(0, deadline - Date.now() - 120000),
      );
    }
    extendForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var token = /** @type {HTMLInputElement | null} */ (extendForm.querySelector('input[name="_csrf"]'));
      fetch(extendForm.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': token ? token.value : '' },
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('not extended'));
        })
        .then(function (body) {
          deadline = Date.parse(body.idleUntil);
          element.hidden = true;
          schedule();
        })
        .catch(function () {
          extendForm.submit();
        });
    });
    schedule();
  }

  /**
   * app-print: a button that opens the browser's print dialog. It only makes sense with JavaScript (its styling
   * hides it without); the browser's own print still works.
   * @param {HTMLElement} element
   */
  function initPrintButton(element) {
    element.addEventListener('click', function () {
      window.print();
    });
  }

  /**
   * app-busy-form: a form that takes a while (an export of a large journal) says so in its live region
   * (`data-busy-status`) while it is being sent, with the text in `data-busy-message`. Without JavaScript the
   * browser's own loading indicator is all there is.
   * @param {HTMLElement} element
   */
  function initBusyForm(element) {
    element.addEventListener('submit', function () {
      var live = element.querySelector('[data-busy-status]');
      if (live instanceof HTMLElement) live.textContent = element.dataset.busyMessage || '';
    });
  }

  /**
   * app-export-progress: asks how far the export is (`data-status-url`, same origin, never cached) every few
   * seconds and updates the <progress> bar and the status text (`data-export-text`); when the export is no longer
   * running (ready, failed or gone) it loads the page again, which then says what to do. A failed request waits
   * and tries again. Without JavaScript the page's "look again" link does the same by hand.
   * @param {HTMLElement} element
   */
  function initExportProgress(element) {
    var url = element.dataset.statusUrl;
    if (!url || !window.fetch) return;
    var statusUrl = url;
    var bar = element.querySelector('progress');
    var text = element.querySelector('[data-export-text]');
    var check = function () {
      window
        .fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
        .then(function (response) {
          if (response.ok) return response.json();
          // Signed out meanwhile (404) or the form expired (403): the page itself says what to do.
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

  /**
   * app-error-summary: the summary of a form's problems takes focus, so screen readers and keyboard users start
   * there.
   * @param {HTMLElement} element
   */
  function initErrorSummary(element) {
    element.focus();
  }

  /**
   * app-live-preview: the CMS's draft form (ADR 0033). While the editor types, the form's fields (with its CSRF
   * token) are posted to `data-preview-url` (same origin, after a pause of 600 ms) and the answer — the preview
   * rendered by the server with the public page's own views — replaces what `[data-preview-body]` holds inside
   * the element `data-preview-target` names. The answer is parsed by XMLHttpRequest as a document (no HTML is
   * built from strings here; Trusted Types stay on) and its nodes are imported. Without JavaScript the form's
   * "show preview" button does the same with a page load.
   * @param {HTMLElement} element
   */
  function initLivePreview(element) {
    var url = element.dataset.previewUrl;
    var target = document.getElementById(element.dataset.previewTarget || '');
    var body = target && target.querySelector('[data-preview-body]');
    if (
      !url ||
      !(element instanceof window.HTMLFormElement) ||
      !(body instanceof HTMLElement) ||
      !window.URLSearchParams
    ) {
      return;
    }
    var form = element;
    var previewUrl = url;
    var slot = body;
    /** @type {number | undefined} */
    var timer;
    var refresh = function () {
      var request = new window.XMLHttpRequest();
      request.open('POST', previewUrl);
      request.responseType = 'document';
      request.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      request.onload = function () {
        var answer = request.responseXML;
        var fragment = answer && answer.querySelector('[data-preview-fragment]');
        // Signed out or the form expired (4xx without a fragment): the preview stays; saving says what to do.
        if (!fragment) return;
        slot.replaceChildren(document.importNode(fragment, true));
      };
      var fields = new window.URLSearchParams();
      new window.FormData(form).forEach(function (value, name) {
        if (typeof value === 'string') fields.append(name, value);
      });
      request.send(fields.toString());
    };
    form.addEventListener('input', function () {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 600);
    });
  }

  /** @type {Record<string, (element: HTMLElement) => void>} */
  var modules = {
    'app-quick-exit': initQuickExit,
    'app-idle': initIdleWarning,
    'app-print': initPrintButton,
    'app-busy-form': initBusyForm,
    'app-export-progress': initExportProgress,
    'app-error-summary': initErrorSummary,
    'app-live-preview': initLivePreview,
  };

  registerServiceWorker();

  var elements = document.querySelectorAll('[data-module]');
  for (var i = 0; i < elements.length; i += 1) {
    var element = elements[i];
    var name = element.getAttribute('data-module') || '';
    // A module this script does not know belongs to a page-specific script (passkey.js, the verifier).
    if (!Object.prototype.hasOwnProperty.call(modules, name) || !(element instanceof HTMLElement)) continue;
    try {
      modules[name](element);
    } catch {
      // One module that fails leaves the others working; the page works without it.
    }
  }
})();
