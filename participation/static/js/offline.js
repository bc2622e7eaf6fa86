/* Offline capture for interview and focus-group forms (progressive enhancement).
   While offline, a submitted form is kept in IndexedDB and listed as "not yet sent"; it is sent to
   /api/sync when the connection returns or the next page loads. Every record gets its own random id
   when it is saved (never one baked into a page the service worker may have kept), so the server stores
   it once however often it is sent. An entry leaves the outbox only when the server confirmed it as
   stored or as a true duplicate; on a conflict (the id already holds other content) it is kept and sent
   again under a new id. */
(function () {
  "use strict";
  var DB_NAME = "participation-offline";
  var STORE = "records";
  var BATCH = 50;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  var syncUrl = meta("sync-url");
  var recorder = meta("recorder");
  if (!syncUrl || !recorder || !window.indexedDB) { return; }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "client_id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  function myEntries() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (entries) {
      return (entries || []).filter(function (entry) { return entry.recorder === recorder; });
    });
  }

  function put(entry) { return withStore("readwrite", function (store) { return store.put(entry); }); }
  function remove(clientId) { return withStore("readwrite", function (store) { return store.delete(clientId); }); }

  /* The same entry under a fresh id, written before the old key is dropped so it is never missing. */
  function renew(entry) {
    var oldId = entry.client_id;
    entry.client_id = entry.record.client_id = newId();
    entry.status = "waiting";
    entry.errors = {};
    return put(entry).then(function () { return remove(oldId); });
  }

  var outbox = document.getElementById("outbox");

  function label(name) { return outbox ? outbox.getAttribute("data-label-" + name) : ""; }

  function announce(text) {
    var status = document.getElementById("outbox-status");
    if (status) { status.textContent = text; }
  }

  function render() {
    if (!outbox) { return Promise.resolve(); }
    return myEntries().then(function (entries) {
      var list = document.getElementById("outbox-list");
      list.textContent = "";
      entries.forEach(function (entry) {
        var item = document.createElement("li");
        item.className = "card outbox-entry";
        item.setAttribute("data-client-id", entry.client_id);
        var title = document.createElement("strong");
        title.textContent = entry.title;
        item.appendChild(title);
        if (entry.summary) {
          var summary = document.createElement("span");
          summary.className = "outbox-summary";
          summary.setAttribute("dir", "auto");
          summary.textContent = " · „" + entry.summary + "“";
          item.appendChild(summary);
        }
        var when = document.createElement("span");
        when.textContent = " · " + new Date(entry.saved_at).toLocaleString() +
          (entry.language ? " · " + entry.language : "") + " · " +
          (entry.status === "rejected" ? label("rejected") : label("waiting"));
        item.appendChild(when);
        Object.keys(entry.errors || {}).forEach(function (field) {
          var error = document.createElement("p");
          error.className = "error";
          error.textContent = entry.errors[field];
          item.appendChild(error);
        });
        if (entry.status === "rejected") {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "link-button";
          button.textContent = label("remove");
          button.addEventListener("click", function () { remove(entry.client_id).then(render); });
          item.appendChild(button);
        }
        list.appendChild(item);
      });
      outbox.hidden = entries.length === 0 && !document.getElementById("outbox-status").textContent;
      outbox.setAttribute("data-pending", String(entries.length));
    });
  }

  var syncing = false;

  function sync() {
    if (syncing || !navigator.onLine) { return Promise.resolve(); }
    syncing = true;
    var more = false;
    return myEntries().then(function (entries) {
      var waiting = entries.filter(function (entry) { return entry.status !== "rejected"; });
      if (waiting.length === 0) { return null; }
      more = waiting.length > BATCH;
      var batch = waiting.slice(0, BATCH);
      return fetch(syncUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": meta("csrf-token") },
        body: JSON.stringify({ records: batch.map(function (entry) { return entry.record; }) })
      }).then(function (response) {
        if (!response.ok) { throw new Error("sync failed: " + response.status); }
        return response.json();
      }).then(function (data) {
        var byId = {};
        var sent = false;
        batch.forEach(function (entry) { byId[entry.client_id] = entry; });
        return Promise.all(data.results.map(function (result) {
          var entry = byId[result.client_id];
          if (!entry) { return null; }
          if (result.status === "stored" || result.status === "duplicate") {
            sent = sent || result.status === "stored";
            return remove(entry.client_id);
          }
          if (result.status === "conflict") {  /* the id holds another record: keep this one, new id */
            more = true;
            return renew(entry);
          }
          if (result.code === "server_error") { return null; }
          entry.status = "rejected";
          entry.errors = result.errors || {};
          return put(entry);
        })).then(function () {
          return myEntries().then(function (left) { if (sent && left.length === 0) { announce(label("sent")); } });
        });
      });
    }).catch(function () { more = false; }).then(function () {
      syncing = false;
      return render().then(function () { if (more) { return sync(); } return null; });
    });
  }

  /* The first words of the first free-text answer, note or quote: enough to tell entries apart. */
  function firstWords(form) {
    var text = "";
    Array.prototype.some.call(form.querySelectorAll("textarea, input[type=text]"), function (field) {
      if (/^(q|note|quote)_/.test(field.name) && !field.classList.contains("number-input")) { text = field.value.trim(); }
      return text !== "";
    });
    var words = text.split(/\s+/);
    return words.slice(0, 8).join(" ") + (words.length > 8 ? " …" : "");
  }

  function capture(form) {
    var fields = fieldsOf(form);
    var clientId = newId();
    var language = form.querySelector('select[name="language"]');
    return {
      client_id: clientId, recorder: recorder, status: "waiting", errors: {}, saved_at: Date.now(),
      title: form.getAttribute("data-title") || "", summary: firstWords(form),
      language: language && language.selectedIndex >= 0 ? language.options[language.selectedIndex].text : "",
      record: { client_id: clientId, type: form.getAttribute("data-offline-record"),
                questionnaire_id: Number(form.getAttribute("data-questionnaire-id")), form: fields }
    };
  }

  var forms = document.querySelectorAll("form[data-offline-record]");
  var shownAgain = [];

  forms.forEach(function (form) {
    var formId = form.querySelector('input[name="client_id"]');
    if (formId && form.hasAttribute("data-shown-again")) { shownAgain.push(formId.value); }
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.name === "switch_language") { return; }  /* shows, saves nothing */
      if (navigator.onLine && formId) {
        /* Sent as a normal form under an id made now; a copy under that id is kept in case the connection
           drops on the way. If the post arrives, the next sync finds it stored ("duplicate") and removes it. */
        event.preventDefault();
        var backup = capture(form);
        formId.value = backup.client_id;
        put(backup).catch(function () { return null; }).then(function () { form.submit(); });
        return;
      }
      event.preventDefault();
      if (!form.reportValidity()) { return; }
      put(capture(form)).then(function () {
        form.reset();
        announce(label("saved"));
        return render();
      }).then(function () {
        if (outbox) { outbox.scrollIntoView(); }
      });
    });
  });

  document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
    form.addEventListener("submit", function () {
      if (window.caches) { caches.keys().then(function (keys) { keys.forEach(function (key) { caches.delete(key); }); }); }
    });
  });

  var worker = document.querySelector('meta[name="service-worker"]');
  if (worker && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(worker.getAttribute("content"), { scope: worker.getAttribute("data-scope") })
      .catch(function () { /* pages still work online without it */ });
  }

  /* The assigned forms (in every interview language) are kept right after login, so they open on a device
     that never showed them; each guide says "ready for offline" once all its pages are kept. */
  function keepForms() {
    var cards = document.querySelectorAll("[data-offline-urls]");
    if (!cards.length || !worker || !window.caches || !("serviceWorker" in navigator)) { return; }
    var cacheName = worker.getAttribute("data-cache");
    navigator.serviceWorker.ready.then(function () { return caches.open(cacheName); }).then(function (cache) {
      cards.forEach(function (card) {
        var urls = JSON.parse(card.getAttribute("data-offline-urls"));
        Promise.all(urls.map(function (url) { return keepPage(cache, url); })).then(
          function () { showOfflineStatus(card, "ready"); }, function () { showOfflineStatus(card, "missing"); });
      });
    }).catch(function () { return null; });
  }

  function keepPage(cache, url) {
    var fresh = navigator.onLine ? fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) { throw new Error("not kept: " + url); }
      return cache.put(url, response);
    }) : Promise.reject(new Error("offline"));
    return fresh.catch(function () {
      return cache.match(url).then(function (kept) { if (!kept) { throw new Error("not kept: " + url); } });
    });
  }

  function showOfflineStatus(card, state) {
    card.querySelectorAll("[data-offline-status]").forEach(function (element) {
      element.hidden = element.getAttribute("data-offline-status") !== state;
    });
  }

  /* Choosing the interview's language shows the guide in it: what was typed travels along in this tab. */
  var CARRY = "participation-carry";

  function fieldsOf(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrf_token" && name !== "client_id") { fields.push([name, value]); }
    });
    return fields;
  }

  /* Typed on this page while it was still loading (a slow phone): that text is newer than the carried one. */
  function changedSinceLoad(field) {
    if (field.options) {
      return Array.prototype.some.call(field.options, function (option) { return option.selected !== option.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }

  function restoreCarried(form) {
    var carried = null;
    try { carried = JSON.parse(sessionStorage.getItem(CARRY) || "null"); sessionStorage.removeItem(CARRY); }
    catch (error) { return; }
    if (!carried || carried.path !== location.pathname) { return; }
    carried.fields.forEach(function (pair) {
      if (pair[0] === "language") { return; }
      form.querySelectorAll('[name="' + CSS.escape(pair[0]) + '"]').forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") { field.checked = field.checked || field.value === pair[1]; }
        else if (!changedSinceLoad(field)) { field.value = pair[1]; }
      });
    });
  }

  forms.forEach(function (form) {
    var chooser = form.querySelector('select[name="language"]');
    var switchButton = form.querySelector('button[name="switch_language"]');
    if (!chooser || !switchButton) { return; }
    switchButton.hidden = true;  /* without JavaScript the button re-renders the form on the server */
    restoreCarried(form);
    chooser.addEventListener("change", function () {
      try { sessionStorage.setItem(CARRY, JSON.stringify({ path: location.pathname, fields: fieldsOf(form) })); }
      catch (error) { switchButton.click(); return; }
      location.assign(location.pathname + "?language=" + encodeURIComponent(chooser.value));
    });
  });
  keepForms();

  window.addEventListener("online", sync);
  Promise.all(shownAgain.map(remove)).catch(function () { return null; }).then(render).then(sync);
}());
