/* Service worker of the interview pages: keeps the empty forms and their assets for use without a network.
   Records (/interviews/records/…) and every other page stay out of the cache: a shared device keeps no
   interview. When the network says the person is logged out, the cache is emptied. */
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

var FORM_PAGE = new RegExp("^" + SCOPE_PATH.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(questionnaires/\\d+/record)?$");

function keepsOffline(url) {
  return url.pathname.indexOf(STATIC_PATH) === 0 || FORM_PAGE.test(url.pathname);
}

function loggedOut(response) {
  return response.redirected && new URL(response.url).pathname.indexOf("/login") !== -1;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (!keepsOffline(url)) { return; }
  event.respondWith(fetch(request).then(function (response) {
    if (loggedOut(response)) {
      event.waitUntil(caches.delete(CACHE));
    } else if (response.ok && !response.redirected && response.type === "basic") {
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
