/* Progressive enhancement of the prioritisation form (it works without it): the points line turns into a
   live count of the points left, kept in view on a phone. The server checks the budget either way. */
(function () {
  "use strict";
  var form = document.querySelector(".priority-form");
  if (!form) { return; }
  var budget = parseInt(form.getAttribute("data-budget"), 10) || 0;
  var live = form.querySelector(".points-status");
  var inputs = form.querySelectorAll("[data-points]");

  function given() {
    var sum = 0;
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "checkbox") { sum += input.checked ? 1 : 0; continue; }
      var value = parseInt(input.value, 10);
      if (!isNaN(value) && value > 0) { sum += value; }
    }
    return sum;
  }

  function update() {
    var left = budget - given();
    var template = left >= 0 ? live.getAttribute("data-template-left") : live.getAttribute("data-template-over");
    live.textContent = template.replace("__N__", String(Math.abs(left)));
    live.classList.toggle("error", left < 0);
  }

  form.classList.add("counting");
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("input", update);
    inputs[i].addEventListener("change", update);
  }
  if (!live.classList.contains("error")) { update(); }  /* a server message stays until the next change */
})();
