/* Service worker of the interview pages: keeps the pages and their assets for use without a network. */
"use strict";
var CACHE = {{ cache|tojson }};
var PRECACHE = {{ assets|tojson }};
var SCOPE_PATH = {{ scope|tojson }};
var STATIC_PATH = {{ static_path|tojson }};
var FORMS_PATH = {{ forms_path|tojson }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf(SCOPE_PATH) !== 0 && url.pathname.indexOf(STATIC_PATH) !== 0) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !response.redirected && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (cached) {
      if (cached) { return cached; }
      if (request.mode !== "navigate") { return Response.error(); }
      /* a form asked for in a language that was not kept: the same form in another language */
      var similar = url.pathname.indexOf(FORMS_PATH) === 0 ? caches.match(request, { ignoreSearch: true })
        : Promise.resolve(null);
      return similar.then(function (form) { return form || caches.match(SCOPE_PATH); })
        .then(function (page) { return page || Response.error(); });
    });
  }));
});
