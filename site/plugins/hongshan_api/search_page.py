"""Render the site-wide search results page with the build's own Jinja environment and theme.

Django answers /search/?q=&kind=&page= (cms/search_page.py): it validates the request, asks the
search service for one page of results and hands the answer here, so the results page is
the static site's search.html with results in it and no JavaScript is needed. Everything that
comes from the answer is escaped; a snippet keeps only its <em> tags, and only same-site
paths (and https for editors' picks) become links.
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import urlencode, urlsplit

from markupsafe import Markup, escape

from .preview import _site

SEARCH_PATH = "/search/"
# Pages linked on either side of the current one in the pager (plus the first and last).
PAGER_REACH = 2
_EM_TAG = re.compile(r"(</?em>)")
_UNSAFE_IN_PATH = re.compile(r"[\\\s\x00-\x1f\x7f]")


def search_url(query: str, kind: str = "", page: int = 1) -> str:
    """The results page for `query` in `kind` (all kinds when empty), at `page`."""
    params = {"q": query}
    if kind:
        params["kind"] = kind
    if page > 1:
        params["page"] = str(page)
    return f"{SEARCH_PATH}?{urlencode(params)}"


def safe_path(url) -> str | None:
    """A same-site path ("/news/3/") or None: "//host", "/\\host" (browsers read it as
    "//host"), schemes and control characters never become links."""
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
        return None
    return None if _UNSAFE_IN_PATH.search(url) else url


def safe_link(url) -> str | None:
    """A same-site path, or an https address with a host (editors' picks may point away)."""
    if safe_path(url):
        return url
    if not isinstance(url, str) or _UNSAFE_IN_PATH.search(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme == "https" and parts.hostname else None


def safe_snippet(snippet) -> Markup:
    """The snippet as markup with nothing but balanced <em> tags; any other text is escaped.

    The search service already escapes snippets; this is the page's own guarantee, so text
    is unescaped once and escaped again (a correct snippet comes out unchanged).
    """
    out: list[str] = []
    open_em = False
    for piece in _EM_TAG.split(snippet if isinstance(snippet, str) else ""):
        if piece == "<em>" and not open_em:
            out.append(piece)
            open_em = True
        elif piece == "</em>" and open_em:
            out.append(piece)
            open_em = False
        elif piece not in ("<em>", "</em>"):
            out.append(str(escape(html.unescape(piece))))
    if open_em:
        out.append("</em>")
    return Markup("".join(out))


def page_numbers(current: int, last: int) -> list[int | None]:
    """The pages the pager links: the first, the last and those near `current`; None marks
    a gap ("…")."""
    shown = sorted(
        {1, last} | set(range(max(current - PAGER_REACH, 1), min(current + PAGER_REACH, last) + 1))
    )
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def present_answer(answer: dict, *, query: str, kind: str, max_page: int) -> dict:
    """The template's view of one answer of the search service (search.answer.public_answer):
    tabs with counts, ranked results, editors' picks, the suggestion and the pager."""
    labels = dict(answer.get("labels") or {})
    counts = answer.get("counts") or {}
    page = int(answer.get("page") or 1)
    page_size = int(answer.get("page_size") or 10)
    total = int(answer.get("total") or 0)
    last = max(min(math.ceil(total / page_size), max_page), 1)
    tabs = [{"kind": "", "label": "全部", "count": sum(counts.values())}]
    # Only kinds with hits get a tab, and the one being shown.
    tabs += [
        {"kind": name, "label": label, "count": counts.get(name, 0)}
        for name, label in labels.items()
        if counts.get(name) or name == kind
    ]
    for tab in tabs:
        tab["url"] = search_url(query, tab["kind"])
        tab["current"] = tab["kind"] == kind
    first_rank = (page - 1) * page_size + 1
    results = [
        {
            "rank": first_rank + offset,
            "label": labels.get(result.get("kind"), result.get("kind") or ""),
            "title": result.get("title") or "",
            "url": safe_path(result.get("url")),
            "snippet": safe_snippet(result.get("snippet")),
            "date": result.get("date"),
        }
        for offset, result in enumerate(answer.get("results") or [])
    ]
    best_bets = [
        {
            "title": bet.get("title") or "",
            "url": safe_link(bet.get("url")),
            "description": bet.get("description") or "",
        }
        for bet in answer.get("best_bets") or []
    ]
    suggestion = answer.get("did_you_mean")
    return {
        "total": total,
        "page": page,
        "last_page": last,
        "kind_label": labels.get(kind, ""),
        "tabs": tabs,
        "results": results,
        "best_bets": [bet for bet in best_bets if bet["url"]],
        "did_you_mean": (
            {"query": suggestion, "url": search_url(suggestion)} if suggestion else None
        ),
        "degraded": bool(answer.get("degraded")),
        "previous_url": search_url(query, kind, page - 1) if page > 1 else None,
        "next_url": search_url(query, kind, page + 1) if page < last else None,
        "pages": [
            {"number": number, "url": search_url(query, kind, number), "current": number == page}
            if number
            else None
            for number in page_numbers(page, last)
        ],
        "beyond_last": page > last,
        "last_url": search_url(query, kind, last),
    }


def kind_options(labels: dict[str, str], counts: dict[str, int] | None) -> list[dict]:
    """The choices of the compact kind control: 全部, then every kind; with counts once a
    query has them (None otherwise)."""
    total = sum(counts.values()) if counts is not None else None
    options = [{"kind": "", "label": "全部", "count": total}]
    for name, label in labels.items():
        count = counts.get(name, 0) if counts is not None else None
        options.append({"kind": name, "label": label, "count": count})
    return options


def page_title(query: str, page: int, *, unavailable: bool, has_errors: bool) -> str:
    if unavailable:
        return "搜索服务暂时不可用"
    if has_errors:
        return "搜索条件有误"
    if not query:
        return "全站搜索"
    return f"“{query}”的搜索结果" + (f"（第{page}页）" if page > 1 else "") + " - 全站搜索"


def render_search_page(
    *,
    query: str,
    kind: str,
    labels: dict[str, str],
    answer: dict | None = None,
    page: int = 1,
    max_page: int = 1,
    errors: dict[str, str] | None = None,
    unavailable: bool = False,
) -> str:
    """The results page's HTML: the form (query and kind echoed), then the answer's results,
    or the errors of a bad request, or the notice that the search service is unavailable.

    `labels` are the kinds of the kind control in display order; `errors` map a field
    (q, kind, page) to its Chinese message.
    """
    settings, env = _site()
    errors = errors or {}
    context = {key: value for key, value in settings.items() if key.isupper()}
    search = {
        "query": query,
        "kind": kind if kind in labels else "",
        "page": page,
        "options": kind_options(labels, answer.get("counts") if answer and query else None),
        "errors": errors,
        "unavailable": unavailable,
        "answer": (
            present_answer(answer, query=query, kind=kind, max_page=max_page)
            if answer is not None and query
            else None
        ),
        "all_kinds_url": search_url(query) if query else SEARCH_PATH,
    }
    return env.get_template("search.html").render(
        context,
        page_title=page_title(query, page, unavailable=unavailable, has_errors=bool(errors)),
        search=search,
        # The header's search box (base.html) shows the query too, without JavaScript.
        search_query=query,
    )
