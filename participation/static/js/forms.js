/* Every page's forms (they work without it): an error summary takes the focus so a phone scrolls to it,
   and free-text fields show how many characters are left once the limit is near. */
(function () {
  "use strict";

  function nearLimit(limit) { return Math.max(50, Math.round(limit * 0.1)); }

  function updateCounter(field, counter) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    var left = limit - field.value.length;
    counter.hidden = left > nearLimit(limit);
    counter.textContent = counter.getAttribute("data-template").replace("{count}", String(Math.max(left, 0)));
    counter.classList.toggle("at-limit", left <= 0);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
    var counters = document.querySelectorAll("[data-counter-for]");
    for (var i = 0; i < counters.length; i++) {
      var field = document.getElementById(counters[i].getAttribute("data-counter-for"));
      if (!field || !field.getAttribute("maxlength")) { continue; }
      updateCounter(field, counters[i]);
      field.addEventListener("input", updateCounter.bind(null, field, counters[i]));
    }
  });
})();
