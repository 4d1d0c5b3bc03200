// Search suggestions as you type, under the header box (#site-search) and the search page's box
// (#search-q): asks /api/v1/search/suggest/ on this origin, lists up to eight titles, each a
// link to its page. An ARIA combobox: arrow keys move through the list, Enter opens the chosen
// suggestion, Escape closes it. Without JavaScript the forms simply submit to /search/.
(function () {
  "use strict";

  var DELAY_MS = 150; // wait for a pause in typing before asking
  var MAX_LENGTH = 50; // the endpoint's limit on ?q=
  var STYLE =
    ".suggest{position:relative}" +
    ".suggest__list{position:absolute;left:0;right:0;top:100%;z-index:10;margin:0;padding:0;" +
    "list-style:none;background:#fff;color:#1a1a1a;border:1px solid #1b4f8a;border-top:0;" +
    "box-shadow:0 4px 8px rgba(0,0,0,.15);text-align:left}" +
    ".suggest__list[hidden]{display:none}" +
    ".suggest__list a{display:block;padding:.4rem .6rem;color:inherit;text-decoration:none}" +
    ".suggest__list a:hover,.suggest__list [aria-selected=true] a{background:#e8eef6}" +
    ".suggest__label{float:right;margin-left:.5rem;font-size:.8rem;color:#555}";

  // Only same-site paths become links: "/news/3/" yes, "//host" or "javascript:" no.
  function safePath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : null;
  }

  function addStyle() {
    if (document.getElementById("suggest-style")) return;
    var style = document.createElement("style");
    style.id = "suggest-style";
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function attach(input) {
    var form = input.form;
    if (!form) return;
    var holder = input.parentNode;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "搜索建议");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    holder.classList.add("suggest");
    holder.appendChild(list);
    holder.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var pending = null; // the AbortController of the request in flight
    var active = -1;
    var shownFor = null;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      shownFor = null;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    // The address of the highlighted suggestion, so that a later answer listing it again
    // (typing went on while the keys already chose) keeps the choice.
    function activePath() {
      var items = options();
      return active >= 0 && items[active] ? items[active].querySelector("a").getAttribute("href") : null;
    }

    function render(query, suggestions) {
      var chosen = activePath();
      list.replaceChildren();
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (suggestion, i) {
        var path = safePath(suggestion.url);
        if (!path) return;
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = path;
        link.tabIndex = -1; // the input keeps focus; arrows move through the list
        var label = document.createElement("span");
        label.className = "suggest__label";
        label.textContent = suggestion.label || "";
        link.append(label, document.createTextNode(suggestion.text || ""));
        item.appendChild(link);
        list.appendChild(item);
      });
      var items = options();
      var count = items.length;
      shownFor = query;
      items.forEach(function (item, i) {
        if (chosen !== null && item.querySelector("a").getAttribute("href") === chosen) highlight(i);
      });
      list.hidden = count === 0;
      input.setAttribute("aria-expanded", count ? "true" : "false");
      status.textContent = count ? "有 " + count + " 条搜索建议，可用上下方向键选择。" : "";
    }

    function ask(query) {
      if (pending) pending.abort(); // a stale answer must never replace a newer one
      pending = typeof AbortController === "function" ? new AbortController() : null;
      var url = "/api/v1/search/suggest/?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: pending ? pending.signal : undefined })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data || input.value.trim() !== query) return;
          render(query, data.suggestions || []);
        })
        .catch(function () {
          /* aborted or offline: the form still submits */
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim().slice(0, MAX_LENGTH);
      if (!query) {
        if (pending) pending.abort();
        close();
        return;
      }
      timer = setTimeout(function () {
        ask(query);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options().length > 0;
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!open) return;
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!open) return;
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (open) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault(); // open the chosen suggestion instead of submitting
          window.location.assign(options()[active].querySelector("a").getAttribute("href"));
        }
      }
    });

    // A click on a suggestion must land before the input's blur closes the list.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    input.addEventListener("blur", function () {
      close();
    });
    input.addEventListener("focus", function () {
      var query = input.value.trim().slice(0, MAX_LENGTH);
      if (query && shownFor === null) ask(query);
    });
  }

  var inputs = ["site-search", "search-q"]
    .map(function (id) { return document.getElementById(id); })
    .filter(Boolean);
  if (!inputs.length || typeof fetch !== "function") return;
  addStyle();
  inputs.forEach(attach);
})();
