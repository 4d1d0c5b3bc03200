// Trademark similarity check (商标近似查询): posts the name form as JSON and the logo form as
// multipart to the API, shows each field's error next to it in Chinese (the API's error
// format: {error: {message, fields}}), and lists similar marks with their score and reasons,
// linked to the marks' pages and their owners' enterprise pages. It posts to `data-api`; the
// name form's `action` is Django's /forms/trademarks/similar/, its answer without JavaScript.
(function () {
  "use strict";

  var forms = document.querySelectorAll(".similar-form");
  var status = document.getElementById("similar-status");
  var results = document.getElementById("similar-results");
  if (!forms.length || !status || !results || !window.fetch) return;

  var Forms = window.HongshanForms;
  var el = Forms.el;
  var safePath = Forms.safePath;
  var clearErrors = Forms.clearErrors;
  var showErrors = Forms.showErrors;

  function showStatus(text, kind) {
    Forms.showStatus(status, text, kind, false);
  }

  function chosenClasses(form) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="classes"]'), function (box) {
      return box.checked;
    }).map(function (box) { return parseInt(box.value, 10); });
  }

  function request(form) {
    var classes = chosenClasses(form);
    if (form.getAttribute("data-mode") === "logo") {
      var body = new FormData();
      var file = form.elements.logo.files[0];
      if (file) body.append("logo", file);
      body.append("classes", JSON.stringify(classes));
      return { method: "POST", headers: { Accept: "application/json" }, body: body };
    }
    return {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ name: form.elements.name.value, classes: classes })
    };
  }

  function renderResult(result) {
    var mark = result.trademark || {};
    var item = el("li", { class: "similar-result" });
    var logo = safePath(mark.logo_thumbnail_url || mark.logo_url || mark.logo);
    if (logo) item.append(el("img", { class: "trademark-result__logo", src: logo, alt: "", loading: "lazy", width: "48", height: "48" }));
    item.append(el("a", {
      class: "item-list__title",
      href: "/trademarks/" + encodeURIComponent(mark.registration_number) + "/"
    }, mark.name || "图形商标"));
    item.append(el("span", { class: "finance-score" }, "相似度 " + Math.round((result.score || 0) * 100) + "%"));
    if (result.reasons && result.reasons.length) {
      item.append(el("p", { class: "finance-reasons" }, "近似理由：" + result.reasons.join("、")));
    }
    var meta = el("p", { class: "meta" });
    meta.append(el("span", {}, "第" + mark.registration_number + "号"));
    var classes = (mark.classes || []).map(function (c) { return "第" + c.number + "类"; }).join("、");
    if (classes) meta.append(el("span", {}, classes));
    if (mark.status_display) meta.append(el("span", {}, mark.status_display));
    item.append(meta);
    item.append(Forms.markOwner(mark));
    return item;
  }

  function render(data, form) {
    results.replaceChildren();
    var list = data.results || [];
    var subject = form.getAttribute("data-mode") === "logo" ? "该图样" : "“" + (data.name || "") + "”";
    if (!list.length) {
      showStatus("未发现与" + subject + "近似的在先商标。", "success");
      return;
    }
    showStatus("找到 " + list.length + " 件与" + subject + "近似的在先商标，按相似度排列。", "success");
    list.forEach(function (result) { results.append(renderResult(result)); });
  }

  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      Array.prototype.forEach.call(forms, clearErrors);
      results.replaceChildren();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      showStatus("正在查询……", "pending");
      fetch(form.getAttribute("data-api") || form.action, request(form))
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (answer) {
          if (answer.ok) {
            render(answer.data, form);
          } else {
            var error = answer.data.error || {};
            showStatus(error.message || "查询未成功，请稍后再试。", "error");
            showErrors(form, error.fields || {});
          }
        })
        .catch(function () { showStatus("网络异常，查询未成功，请稍后再试。", "error"); })
        .then(function () { button.disabled = false; });
    });
  });
})();
