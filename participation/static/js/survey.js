/* Progressive enhancement of survey forms (they work without it):
   show a conditional question only when its condition is met, and ignore a second click on submit. */
(function () {
  "use strict";

  function conditionMet(form, block) {
    var name = block.getAttribute("data-show-if");
    var wanted = block.getAttribute("data-show-if-option");
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    if (!inputs.length) { return true; }  /* the condition lies on another page: the server decided */
    for (var i = 0; i < inputs.length; i++) {
      if ((inputs[i].checked || inputs[i].type === "hidden") && inputs[i].value === wanted) { return true; }
    }
    return false;
  }

  function updateConditions(form) {
    var blocks = form.querySelectorAll("[data-show-if]");
    for (var i = 0; i < blocks.length; i++) {
      var show = conditionMet(form, blocks[i]);
      blocks[i].hidden = !show;
      /* hidden questions send nothing, so a stale answer never counts */
      var fields = blocks[i].querySelectorAll("input, textarea, select");
      for (var j = 0; j < fields.length; j++) { fields[j].disabled = !show; }
      var note = blocks[i].querySelector(".condition-note");
      if (note) { note.hidden = true; }
    }
  }

  function preventDoubleSubmit(form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sent")) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "1");
      var buttons = form.querySelectorAll("[data-once]");
      for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-disabled", "true"); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (form.querySelector("[data-show-if]")) {
        updateConditions(form);
        form.addEventListener("change", updateConditions.bind(null, form));
      }
      preventDoubleSubmit(form);
    }
    /* a page restored with the back button may be sent again (the server stores it only once) */
    window.addEventListener("pageshow", function () {
      var sentForms = document.querySelectorAll("form[data-sent]");
      for (var k = 0; k < sentForms.length; k++) { sentForms[k].removeAttribute("data-sent"); }
    });
  });
})();
