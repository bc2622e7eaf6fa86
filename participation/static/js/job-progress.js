/* Progress of a background job without reloading: polls /api/jobs/<id> and updates the <progress>.
   Without JavaScript the page refreshes itself instead (meta refresh inside <noscript>). */
(function () {
  "use strict";
  var box = document.querySelector(".job-progress[data-job-url]");
  if (!box || !box.getAttribute("data-job-url") || !window.fetch) { return; }
  var bar = box.querySelector("progress");
  var message = box.querySelector(".job-message");
  var url = box.getAttribute("data-job-url");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) { window.setTimeout(poll, 3000); return; }
        bar.value = job.progress;
        bar.textContent = job.progress + " %";
        if (job.message) { message.textContent = job.message; }
        if (job.status === "done" || job.status === "failed") { window.location.reload(); return; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
}());
