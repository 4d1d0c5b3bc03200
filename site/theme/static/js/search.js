// Search page enhancement: reads ?q=&kind=&page=, asks /api/v1/search/ on this origin, lists results.
(function () {
  "use strict";

  // The kinds and their labels come with every answer (`labels`, in display order).
  var KINDS = [["", "全部"]];
  var LABELS = {};
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!form || !input || !status || !results) return;

  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var kind = params.get("kind") || "";
  var page = parseInt(params.get("page") || "1", 10) || 1;
  input.value = query;
  document.getElementById("site-search").value = query;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The API escapes text and adds only <em>; keep text and <em> and nothing else.
  function snippet(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      out.append(node.nodeName === "EM" ? el("em", {}, node.textContent) : node.textContent);
    });
    return out;
  }

  // Only same-site paths become links: "/news/3/" yes, "//host" or "javascript:" no.
  function safePath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : null;
  }

  function chineseDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || "");
    return match ? match[1] + "年" + Number(match[2]) + "月" + Number(match[3]) + "日" : "";
  }

  function searchUrl(changes) {
    var next = new URLSearchParams({ q: query });
    var merged = Object.assign({ kind: kind, page: 1 }, changes);
    if (merged.kind) next.set("kind", merged.kind);
    if (merged.page > 1) next.set("page", String(merged.page));
    return "/search/?" + next.toString();
  }

  function renderTabs(counts) {
    var list = el("ul", { class: "search-tabs", "aria-label": "按类别筛选" });
    var all = Object.keys(counts).reduce(function (sum, name) { return sum + (counts[name] || 0); }, 0);
    KINDS.forEach(function (entry) {
      var total = entry[0] ? counts[entry[0]] || 0 : all;
      // Only kinds with hits get a tab (and the one being shown).
      if (entry[0] && !total && entry[0] !== kind) return;
      var link = el("a", { href: searchUrl({ kind: entry[0] }) }, entry[1] + "（" + total + "）");
      if (entry[0] === kind) link.setAttribute("aria-current", "page");
      var item = el("li");
      item.append(link);
      list.append(item);
    });
    return list;
  }

  function renderResult(result) {
    var item = el("li");
    var path = safePath(result.url);
    var title = path ? el("a", { class: "item-list__title", href: path }, result.title) : el("strong", {}, result.title);
    item.append(el("span", { class: "tag" }, LABELS[result.kind] || "其他"), title);
    var text = el("p");
    text.append(snippet(result.snippet));
    item.append(text);
    if (result.date) item.append(el("p", { class: "meta" }, chineseDate(result.date)));
    return item;
  }

  function renderPager(data) {
    var pages = Math.ceil((data.total || 0) / (data.page_size || 10));
    var nav = el("nav", { class: "pagination", "aria-label": "搜索结果分页" });
    if (data.page > 1) nav.append(el("a", { rel: "prev", href: searchUrl({ page: data.page - 1 }) }, "上一页"));
    nav.append(el("span", { class: "pagination__status" }, "第 " + data.page + " 页，共 " + Math.max(pages, 1) + " 页"));
    if (data.page < pages) nav.append(el("a", { rel: "next", href: searchUrl({ page: data.page + 1 }) }, "下一页"));
    return nav;
  }

  function render(data) {
    results.replaceChildren();
    LABELS = data.labels || {};
    KINDS = [["", "全部"]].concat(Object.keys(LABELS).map(function (name) {
      return [name, LABELS[name]];
    }));
    results.append(renderTabs(data.counts || {}));
    if (!data.results || data.results.length === 0) {
      status.textContent = "没有找到与“" + query + "”相关的内容，请尝试其他关键词。";
      return;
    }
    status.textContent = "找到 " + data.total + " 条与“" + query + "”相关的结果。";
    var list = el("ul", { class: "item-list search-results" });
    data.results.forEach(function (result) { list.append(renderResult(result)); });
    results.append(list, renderPager(data));
  }

  function fail(message) {
    results.replaceChildren();
    status.replaceChildren(el("span", { class: "search-error" }, message));
  }

  if (!query) {
    status.textContent = "请输入关键词进行搜索。";
    return;
  }
  status.textContent = "正在搜索……";
  var api = new URLSearchParams({ q: query, page: String(page) });
  if (kind) api.set("kind", kind);
  fetch("/api/v1/search/?" + api.toString(), { headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || body.error) {
          var problem = new Error("search failed");
          problem.apiMessage = body.error && body.error.message;
          throw problem;
        }
        return body;
      });
    })
    .then(render)
    .catch(function (error) { fail(error.apiMessage || "搜索服务暂时不可用，请稍后再试。"); });
})();
