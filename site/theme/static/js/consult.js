// Consultation form enhancement: posts the form as JSON to the API and shows the field errors
// next to their fields, or the tracking code. It posts to `data-api` when the form has one
// (the form's `action` is then a page of the site that answers without JavaScript), else to
// the `action` itself (the API, which answers a form post with a short HTML page).
(function () {
  "use strict";

  var form = document.getElementById("consult-form");
  var status = document.getElementById("consult-status");
  if (!form || !status || !window.fetch) return;

  var Forms = window.HongshanForms;

  var bound = Forms.bound(form, status);
  var showStatus = bound.showStatus;
  var clearErrors = bound.clearErrors;
  var showErrors = bound.showErrors;

  // Choosing a legal firm means a 法律服务咨询: the channel follows.
  var agency = form.querySelector("select[name=agency]");
  var channel = form.querySelector("select[name=channel]");
  if (agency && channel) {
    agency.addEventListener("change", function () {
      if (agency.value) channel.value = "legal_service";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var body = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      body[el.name] = el.type === "checkbox" ? el.checked : el.value;
    });
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    showStatus("正在提交……", "pending");
    fetch(form.getAttribute("data-api") || form.action, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (result.ok) {
          form.reset();
          showStatus(
            "提交成功，您的查询码：" + result.data.tracking_code + "。" + result.data.message,
            "success"
          );
        } else {
          var error = result.data.error || {};
          showStatus(error.message || "提交未成功，请稍后再试。", "error");
          showErrors(error.fields || {});
        }
      })
      .catch(function () {
        showStatus("网络异常，提交未成功，请稍后再试。", "error");
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
