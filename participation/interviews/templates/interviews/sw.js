/* Service worker of the interview pages: keeps the empty forms and their assets for use without a network.
   Records (/interviews/records/…) and every other page stay out of the cache: a shared device keeps no
   interview. The list page names the person's records, so only its copy without them (SHELL) is kept.
   When the network says the person is logged out, the cache is emptied. */
"use strict";
var CACHE = {{ cache|tojson }};
var PRECACHE = {{ assets|tojson }};
var SCOPE_PATH = {{ scope|tojson }};
var STATIC_PATH = {{ static_path|tojson }};
var FORMS_PATH = {{ forms_path|tojson }};
var SHELL = {{ shell|tojson }};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

var FORM_PAGE = new RegExp("^" + FORMS_PATH.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\d+/record$");

function keepsOffline(url) {
  return url.pathname.indexOf(STATIC_PATH) === 0 || FORM_PAGE.test(url.pathname) || url.pathname + url.search === SHELL;
}

function isListPage(url) { return url.pathname === SCOPE_PATH; }

function loggedOut(response) {
  return response.redirected && new URL(response.url).pathname.indexOf("/login") !== -1;
}

function keep(request, response) {
  if (loggedOut(response)) { return caches.delete(CACHE); }
  if (!response.ok || response.redirected || response.type !== "basic") { return Promise.resolve(); }
  return caches.open(CACHE).then(function (cache) { return cache.put(request, response); });
}

function offlineCopy(request, url) {
  return caches.match(request).then(function (cached) {
    if (cached) { return cached; }
    if (request.mode !== "navigate") { return Response.error(); }
    /* a form asked for in a language that was not kept: the same form in another language */
    var similar = url.pathname.indexOf(FORMS_PATH) === 0 ? caches.match(request, { ignoreSearch: true })
      : Promise.resolve(null);
    return similar.then(function (form) { return form || caches.match(SHELL); })
      .then(function (page) { return page || Response.error(); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (isListPage(url) && !keepsOffline(url)) {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(loggedOut(response) ? caches.delete(CACHE)
        : fetch(SHELL, { credentials: "same-origin" }).then(function (shell) { return keep(SHELL, shell); })
          .catch(function () { return null; }));
      return response;
    }).catch(function () { return offlineCopy(new Request(SHELL), new URL(SHELL, self.location.origin)); }));
    return;
  }
  if (!keepsOffline(url)) { return; }
  event.respondWith(fetch(request).then(function (response) {
    event.waitUntil(keep(request, response.clone()));
    return response;
  }).catch(function () { return offlineCopy(request, url); }));
});
