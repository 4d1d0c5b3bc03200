// Search page enhancement: the server renders the results (cms/search_page.py); this only
// saves a click. Choosing a kind in the compact control searches at once (its 筛选 button is
// then hidden), and the header's box shows the query too.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var kind = document.getElementById("search-kind");
  var query = document.getElementById("search-q");
  var header = document.getElementById("site-search");
  if (!form) return;

  if (header && query && !header.value) header.value = query.value;

  if (kind && typeof form.requestSubmit === "function") {
    var apply = form.querySelector(".search-kind__apply");
    if (apply) apply.hidden = true;
    kind.addEventListener("change", function () {
      form.requestSubmit();
    });
  }
})();
