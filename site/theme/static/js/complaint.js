// The complaint form and the tracking page.
// Form: posts multipart (photos included) with an Idempotency-Key made once per filled form, so
// pressing 提交 again after a network error returns the same tracking code instead of a second
// complaint; `?place=<code>` (what a QR code opens) fills in the place and its 街镇, and
// `&stall=<card number>` (a stall card's 投诉 button) the stall as the respondent.
// Tracking: asks the API with the code and the last four digits and lists the steps.
// Both forms work without this script: they go to Django's /forms/complaints/ pages (the
// form's `action`), which answer HTML; the script asks the API named by `data-api` instead.
(function () {
  "use strict";

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return "k" + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  var Forms = window.HongshanForms;
  var status = Forms.showStatus;

  // `?stall=<card number>` (a stall card's 投诉 button): the respondent is that stall, read
  // from the card's public verification (one small request; the 1,500 cards are not baked
  // into this page, which a cheap phone would download whole for one of them).
  function fillStall(form, number) {
    var note = document.getElementById("complaint-stall-note");
    fetch("/api/v1/food-stall-cards/" + encodeURIComponent(number) + "/", {
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (card) {
        var name = form.elements.respondent_name;
        var address = form.elements.respondent_address;
        if (!name.value) name.value = card.stall_name + "（食品摊位备案卡" + card.number + "）";
        if (!address.value) address.value = card.location;
        if (card.district && !form.elements.district.value) {
          form.elements.district.value = card.district.code;
        }
        note.textContent = "投诉摊位：" + card.stall_name + "（备案卡" + card.number + "，" +
          card.location + "）";
        note.hidden = false;
      })
      .catch(function () {
        note.textContent = "未能读取备案卡" + number + "的信息，请手动填写摊位名称和地点。";
        note.hidden = false;
      });
  }

  function setupForm(form) {
    var statusEl = document.getElementById("complaint-status");
    var key = newKey();

    function kind() {
      var checked = form.querySelector("input[name=kind]:checked");
      return checked ? checked.value : "complaint";
    }
    function showKind() {
      var report = kind() === "report";
      Array.prototype.forEach.call(form.querySelectorAll("[data-complaint-only]"), function (el) {
        el.hidden = report;
      });
      Array.prototype.forEach.call(form.querySelectorAll("[data-report-only]"), function (el) {
        el.hidden = !report;
      });
    }
    Array.prototype.forEach.call(form.querySelectorAll("input[name=kind]"), function (el) {
      el.addEventListener("change", showKind);
    });
    showKind();

    var places = JSON.parse(document.getElementById("complaint-places").textContent || "[]");
    var query = new URLSearchParams(window.location.search);
    var code = query.get("place");
    var place = places.filter(function (p) { return p.code === code; })[0];
    if (place) {
      document.getElementById("complaint-place").value = place.code;
      form.elements.district.value = place.district;
      var note = document.getElementById("complaint-place-note");
      note.textContent = "扫码受理点：" + place.name + "（由" + place.station + "受理）";
      note.hidden = false;
    }
    var stall = query.get("stall");
    if (stall && /^[A-Za-z0-9-]{1,20}$/.test(stall)) fillStall(form, stall);

    var bound = Forms.bound(form, statusEl);
    var clearErrors = bound.clearErrors;
    var showErrors = bound.showErrors;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      var body = new FormData(form);
      if (!body.get("place")) body.delete("place");
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      status(statusEl, "正在提交……", "pending");
      fetch(form.getAttribute("data-api") || form.action, {
        method: "POST",
        headers: { Accept: "application/json", "Idempotency-Key": key },
        body: body
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, status: response.status, data: data };
          });
        })
        .then(function (result) {
          if (result.ok) {
            var d = result.data;
            var text = "提交成功。查询码：" + d.tracking_code + "。";
            if (d.tracking_pin) text += "查询密码：" + d.tracking_pin + "（请牢记，仅显示一次）。";
            status(statusEl, text + d.next_steps, "success");
            statusEl.setAttribute("data-tracking-code", d.tracking_code);
            form.reset();
            showKind();
            key = newKey(); // the next complaint is a new submission
          } else {
            var error = result.data.error || {};
            status(statusEl, error.message || "提交未成功，请稍后再试。", "error");
            showErrors(error.fields || {});
          }
        })
        .catch(function () {
          // Same key on the next press: if this one was stored, the answer is its code.
          status(statusEl, "网络异常，请检查网络后再次点击提交（不会重复登记）。", "error");
        })
        .then(function () {
          button.disabled = false;
        });
    });
  }

  function setupTracking(form) {
    var statusEl = document.getElementById("track-status");
    var result = document.getElementById("track-result");
    function row(dl, term, value) {
      if (!value) return;
      var dt = document.createElement("dt");
      var dd = document.createElement("dd");
      dt.textContent = term;
      dd.textContent = value;
      dl.appendChild(dt);
      dl.appendChild(dd);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      result.hidden = true;
      var code = form.elements.code.value.trim().toUpperCase();
      var phone = form.elements.phone.value.trim();
      if (!code || !/^\d{4}$/.test(phone)) {
        status(statusEl, "请输入查询码和4位数字。", "error");
        return;
      }
      status(statusEl, "正在查询……", "pending");
      var url = (form.getAttribute("data-api") || form.action) + encodeURIComponent(code) + "/?phone=" + encodeURIComponent(phone);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (answer) {
          if (!answer.ok) {
            var error = answer.data.error || {};
            status(statusEl, error.message || "查询未成功，请稍后再试。", "error");
            return;
          }
          var d = answer.data;
          var facts = document.getElementById("track-facts");
          var steps = document.getElementById("track-steps");
          facts.textContent = "";
          steps.textContent = "";
          row(facts, "查询码", d.tracking_code);
          row(facts, "类型", d.kind_display + " · " + d.category_display);
          row(facts, "办理状态", d.status_display);
          row(facts, "承办单位", d.unit);
          row(facts, "办理期限", d.due_on);
          row(facts, "不予受理理由", d.refusal_reason_display);
          row(facts, "办理结果", d.outcome_display);
          d.steps.forEach(function (step) {
            var li = document.createElement("li");
            li.textContent = step.at.slice(0, 10) + " " + step.action_display +
              (step.unit ? "（" + step.unit + "）" : "");
            steps.appendChild(li);
          });
          statusEl.hidden = true;
          result.hidden = false;
        })
        .catch(function () {
          status(statusEl, "网络异常，请稍后再试。", "error");
        });
    });
  }

  var form = document.getElementById("complaint-form");
  if (form && window.fetch && window.FormData) setupForm(form);
  var track = document.getElementById("track-form");
  if (track && window.fetch) setupTracking(track);
})();
