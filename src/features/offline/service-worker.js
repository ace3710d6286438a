// @ts-check
/*
 * The service worker keeps the "right now" page (/nu) and the files it needs available without a connection.
 * It stores nothing personal beyond the last help-finder result (so a parent without
 * signal still sees whom to call): /nu, the last /hulp result and fingerprinted static files.
 * Other pages go to the network; when there is none, a page request gets the cached /nu instead of an error.
 * The kept /nu follows the visitor's chosen language (followLanguage).
 * The server fills in the two values below (src/features/offline/offline.routes.ts).
 */
'use strict';

var VERSION = '__VERSION__';
/** @type {string[]} */
var PRECACHE = JSON.parse('__PRECACHE__');
var CACHE = 'niet-mijn-kind-' + VERSION;
var RIGHT_NOW = '/nu';
// The last help-finder result, kept so a parent without signal can still see whom to call. Only one is kept;
// quick exit (Clear-Site-Data) removes it.
var LAST_HELP = '/hulp?laatste-resultaat';

/**
 * Keeps the offline /nu in the language the visitor chose (every page says which in X-Language): when a page
 * arrives in another language than the kept copy, /nu is fetched again with the visitor's cookies, so it comes
 * in that language. Only one copy is kept, the one a parent would want when the connection is gone.
 * @param {Response} response
 */
function followLanguage(response) {
  var language = response.headers.get('x-language');
  if (!response.ok || !language) return Promise.resolve();
  return caches.open(CACHE).then(function (cache) {
    return cache.match(RIGHT_NOW).then(function (cached) {
      if (cached && cached.headers.get('x-language') === language) return undefined;
      return fetch(RIGHT_NOW, { credentials: 'same-origin' }).then(function (fresh) {
        if (fresh.ok && fresh.headers.get('x-language') === language) return cache.put(RIGHT_NOW, fresh);
        return undefined;
      });
    });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(PRECACHE);
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('niet-mijn-kind-') === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname === RIGHT_NOW && request.mode === 'navigate') {
    // Network first, so the page is current; the copy is refreshed each time it is seen online.
    event.respondWith(
      fetch(request)
        .then(function (response) {
          if (response.ok) {
            var copy = response.clone();
            event.waitUntil(
              caches.open(CACHE).then(function (cache) {
                return cache.put(RIGHT_NOW, copy);
              }),
            );
          }
          return response;
        })
        .catch(function () {
          return caches.match(RIGHT_NOW).then(function (cached) {
            return cached || Response.error();
          });
        }),
    );
    return;
  }

  if (url.pathname === '/hulp' && request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then(function (response) {
          // Only a real result replaces the kept one: not the empty form, a "which one?" or an unknown place.
          event.waitUntil(followLanguage(response).catch(function () {}));
          if (response.ok && response.headers.get('x-help-result') === 'found') {
            var copy = response.clone();
            event.waitUntil(
              caches.open(CACHE).then(function (cache) {
                return cache.put(LAST_HELP, copy);
              }),
            );
          }
          return response;
        })
        .catch(function () {
          return caches
            .match(LAST_HELP)
            .then(function (cached) {
              return cached || caches.match(RIGHT_NOW);
            })
            .then(function (cached) {
              return cached || Response.error();
            });
        }),
    );
    return;
  }

  if (request.mode === 'navigate') {
    // Other pages are never cached; without a connection, show the emergency page rather than an error.
    event.respondWith(
      fetch(request)
        .then(function (response) {
          event.waitUntil(followLanguage(response).catch(function () {}));
          return response;
        })
        .catch(function () {
          return caches.match(RIGHT_NOW).then(function (cached) {
            return cached || Response.error();
          });
        }),
    );
    return;
  }

  if (PRECACHE.indexOf(url.pathname) !== -1) {
    event.respondWith(
      caches.match(url.pathname).then(function (cached) {
        return cached || fetch(request);
      }),
    );
  }
});
