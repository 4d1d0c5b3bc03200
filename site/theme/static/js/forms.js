// What the public forms share (consult.js, complaint.js, similar.js): the status line, and the
// API's field errors ({error: {message, fields}}) shown next to their fields in Chinese, with
// aria-invalid set and the first wrong field focused. Load it before the form's own script.
(function () {
  "use strict";

  function showStatus(el, text, kind, focus) {
    el.textContent = text;
    el.className = "consult-form__status consult-form__status--" + kind;
    el.hidden = false;
    if (focus !== false && kind !== "pending") {
      el.setAttribute("tabindex", "-1");
      el.focus();
    }
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (slot) {
      slot.textContent = "";
      slot.hidden = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (field) {
      field.removeAttribute("aria-invalid");
    });
  }

  function showErrors(form, fields) {
    var first = null;
    Object.keys(fields).forEach(function (name) {
      var slot = form.querySelector('[data-error-for="' + name + '"]') ||
        form.querySelector('[data-error-for="_"]');
      slot.textContent = fields[name].join(" ");
      slot.hidden = false;
      var field = form.elements[name];
      if (field && field.setAttribute) {
        field.setAttribute("aria-invalid", "true");
        first = first || field;
      }
    });
    if (first && first.focus) first.focus();
  }

  window.HongshanForms = { showStatus: showStatus, clearErrors: clearErrors, showErrors: showErrors };
})();
