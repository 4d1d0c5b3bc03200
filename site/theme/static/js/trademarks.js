// Trademark library search (商标库): reads ?q=&class=&status=&page=, asks the library API on
// this origin, lists marks with links to their pages, and offers class and status facets.
(function () {
  "use strict";

  var form = document.getElementById("trademark-form");
  var input = document.getElementById("trademark-q");
  var status = document.getElementById("trademark-status-line");
  var results = document.getElementById("trademark-results");
  if (!form || !input || !status || !results || !window.fetch) return;
  var el = window.HongshanForms.el;
  var safePath = window.HongshanForms.safePath;

  var api = form.getAttribute("data-api");
  var params = new URLSearchParams(window.location.search);
  var state = {
    q: (params.get("q") || "").trim(),
    "class": params.get("class") || "",
    status: params.get("status") || "",
    page: parseInt(params.get("page") || "1", 10) || 1
  };
  input.value = state.q;
  form.elements["class"].value = state["class"];
  form.elements.status.value = state.status;

  function pageUrl(changes) {
    var merged = Object.assign({}, state, { page: 1 }, changes);
    var next = new URLSearchParams({ q: merged.q });
    if (merged["class"]) next.set("class", merged["class"]);
    if (merged.status) next.set("status", merged.status);
    if (merged.page > 1) next.set("page", String(merged.page));
    return window.location.pathname + "?" + next.toString();
  }

  function markUrl(mark) {
    return "/trademarks/" + encodeURIComponent(mark.registration_number) + "/";
  }

  function renderFacet(title, key, buckets) {
    var box = el("div", { class: "trademark-facet" });
    box.append(el("h2", { class: "trademark-facet__title" }, title));
    var list = el("ul");
    if (state[key]) {
      var all = el("li");
      all.append(el("a", { href: pageUrl(Object.fromEntries([[key, ""]])) }, "不限"));
      list.append(all);
    }
    (buckets || []).forEach(function (bucket) {
      var item = el("li");
      var label = (key === "class" ? "第" + bucket.value + "类 " : "") + bucket.label + "（" + bucket.count + "）";
      var link = el("a", { href: pageUrl(Object.fromEntries([[key, String(bucket.value)]])) }, label);
      if (String(bucket.value) === state[key]) link.setAttribute("aria-current", "true");
      item.append(link);
      list.append(item);
    });
    box.append(list);
    return box;
  }

  function renderMark(mark) {
    var item = el("li", { class: "trademark-result" });
    var logo = safePath(mark.logo_thumbnail_url || mark.logo_url || mark.logo);
    if (logo) item.append(el("img", { class: "trademark-result__logo", src: logo, alt: "", loading: "lazy", width: "48", height: "48" }));
    item.append(el("a", { class: "item-list__title", href: markUrl(mark) }, mark.name || "图形商标"));
    var meta = el("p", { class: "meta" });
    meta.append(el("span", {}, "第" + mark.registration_number + "号"));
    var classes = (mark.classes || []).map(function (c) { return "第" + c.number + "类"; }).join("、");
    if (classes) meta.append(el("span", {}, classes));
    meta.append(el("span", {}, mark.status_display || ""));
    item.append(meta);
    item.append(window.HongshanForms.markOwner(mark));
    return item;
  }

  function renderPager(data) {
    var pages = Math.min(Math.ceil((data.count || 0) / (data.page_size || 20)), 100);
    var nav = el("nav", { class: "pagination", "aria-label": "检索结果分页" });
    if (data.page > 1) nav.append(el("a", { rel: "prev", href: pageUrl({ page: data.page - 1 }) }, "上一页"));
    nav.append(el("span", { class: "pagination__status" }, "第 " + data.page + " 页，共 " + Math.max(pages, 1) + " 页"));
    if (data.page < pages) nav.append(el("a", { rel: "next", href: pageUrl({ page: data.page + 1 }) }, "下一页"));
    return nav;
  }

  function render(data) {
    results.replaceChildren();
    if (!data.results || data.results.length === 0) {
      status.textContent = "没有找到与“" + state.q + "”相关的商标，请尝试其他检索词。";
      return;
    }
    status.textContent = "找到 " + data.count + " 件与“" + state.q + "”相关的商标。";
    var facets = el("div", { class: "trademark-facets" });
    facets.append(renderFacet("按类别", "class", (data.facets || {}).classes));
    facets.append(renderFacet("按状态", "status", (data.facets || {}).status));
    var list = el("ul", { class: "item-list trademark-results" });
    data.results.forEach(function (mark) { list.append(renderMark(mark)); });
    results.append(list, renderPager(data), facets);
  }

  function fail(message) {
    results.replaceChildren();
    status.replaceChildren(el("span", { class: "search-error" }, message));
  }

  if (!state.q) {
    status.textContent = "请输入商标名称、拼音、注册号或注册人进行检索。";
    return;
  }
  status.textContent = "正在检索……";
  var query = new URLSearchParams({ q: state.q, page: String(state.page) });
  if (state["class"]) query.set("class", state["class"]);
  if (state.status) query.set("status", state.status);
  fetch(api + "?" + query.toString(), { headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || body.error) {
          var error = body.error || {};
          var fields = error.fields || {};
          var detail = Object.keys(fields).map(function (name) { return fields[name].join(" "); }).join(" ");
          var problem = new Error("search failed");
          problem.apiMessage = detail || error.message;
          throw problem;
        }
        return body;
      });
    })
    .then(render)
    .catch(function (error) { fail(error.apiMessage || "检索服务暂时不可用，请稍后再试。"); });
})();
