// Progressive enhancement: while an export runs, reload the list every few seconds.
// Without JavaScript the "Stand aktualisieren" link does the same.
(function () {
  var list = document.getElementById("export-list");
  if (!list || !list.dataset.refresh) { return; }
  window.setTimeout(function () { window.location.replace(list.dataset.refresh); }, 3000);
}());
