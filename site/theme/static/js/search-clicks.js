// Search result clicks: tells /api/v1/search/clicks/ which result (by its rank) was followed for
// which query, with navigator.sendBeacon so the link is never held up. Nothing else is sent:
// no identifier, no time (docs/search-analytics.md). Without JavaScript nothing is counted.
(function () {
  "use strict";

  var ENDPOINT = "/api/v1/search/clicks/";
  var MAX_RANK = 1000;
  if (!navigator.sendBeacon || !window.URLSearchParams) return;

  var params = new URLSearchParams(window.location.search);
  var query = params.get("q") || "";
  // Only the search over all kinds is counted: a kind's tab is the same search narrowed, and
  // its ranks are not the ranks of the search the counts are about.
  if (!query.trim() || params.get("kind")) return;

  function report(event) {
    if (event.type === "auxclick" && event.button !== 1) return; // middle button: a new tab
    var target = event.target;
    var link = target && target.closest ? target.closest("a[data-rank]") : null;
    if (!link || !link.closest(".search-results")) return;
    var rank = parseInt(link.getAttribute("data-rank"), 10);
    if (!(rank >= 1 && rank <= MAX_RANK)) return;
    try {
      navigator.sendBeacon(ENDPOINT, new URLSearchParams({ q: query, rank: String(rank) }));
    } catch (error) {
      // Statistics never stand in the way of following a link.
    }
  }

  document.addEventListener("click", report);
  document.addEventListener("auxclick", report);
})();
