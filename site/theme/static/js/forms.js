// What the public forms and result lists share (consult.js, complaint.js, similar.js,
// trademarks.js): the status line, the API's field errors ({error: {message, fields}}) shown
// next to their fields in Chinese, with aria-invalid set and the first wrong field focused,
// and building result elements safely. Load it before the page's own script.
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

  // aria-describedby's ids without the ones of error messages (what the page came with).
  function withoutErrorIds(field) {
    var kept = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      var target = id && document.getElementById(id);
      return id && !(target && target.hasAttribute("data-error-for"));
    });
    if (kept.length) field.setAttribute("aria-describedby", kept.join(" "));
    else field.removeAttribute("aria-describedby");
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (slot) {
      slot.textContent = "";
      slot.hidden = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (field) {
      field.removeAttribute("aria-invalid");
      withoutErrorIds(field);
    });
  }

  // The message's id, unique on the page: several forms may show errors at once.
  function slotId(form, slot, name) {
    if (!slot.id) slot.id = (form.id || "form") + "-error-" + name;
    return slot.id;
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
        withoutErrorIds(field);
        var hints = field.getAttribute("aria-describedby");
        var id = slotId(form, slot, name);
        field.setAttribute("aria-describedby", hints ? hints + " " + id : id);
        first = first || field;
      }
    });
    if (first && first.focus) first.focus();
  }

  // The three above bound to one form and its status line.
  function bound(form, status) {
    return {
      showStatus: function (text, kind) { showStatus(status, text, kind); },
      clearErrors: function () { clearErrors(form); },
      showErrors: function (fields) { showErrors(form, fields); }
    };
  }

  // An element with attributes and text: API text is always set as text, never as HTML.
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Only same-site paths become links or images: "/enterprises/…" yes, "//host" no.
  function safePath(url) {
    if (typeof url !== "string" || !url) return null;
    try {
      var parsed = new URL(url, window.location.href);
      if (/^https?:$/.test(parsed.protocol)) return parsed.pathname + parsed.search;
    } catch (e) { /* not a URL */ }
    return null;
  }

  // A mark's owner line: a link to the owner's directory page when the API gives one.
  function markOwner(mark) {
    var owner = el("p", { class: "trademark-result__owner" }, "注册人：");
    var ownerPath = mark.owner && safePath(mark.owner.url);
    owner.append(ownerPath ? el("a", { href: ownerPath }, mark.owner.name) : document.createTextNode(mark.owner_name || "—"));
    return owner;
  }

  window.HongshanForms = {
    showStatus: showStatus,
    clearErrors: clearErrors,
    showErrors: showErrors,
    bound: bound,
    el: el,
    safePath: safePath,
    markOwner: markOwner
  };
})();
