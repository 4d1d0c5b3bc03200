"""Wagtail rich text as the API returns it, with internal page links pointed at the site.

The API's default `db_html` format writes `<a linktype="page" id="12">`. Links to news items
become their static-site address; other internal links (documents, pages the site does not
show) are kept as plain `<a>` so no link leads nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

_INTERNAL_LINK = re.compile(r"<a\b([^>]*\blinktype=\"[^\"]*\"[^>]*)>")
_ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")


def richtext_for_site(html: str, page_url: Callable[[int], str | None]) -> Markup:
    """The CMS's HTML, trusted as HTML, with `linktype` links resolved by `page_url(id)`."""

    def resolve(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        page_id = attributes.get("id", "")
        if attributes.get("linktype") == "page" and page_id.isdigit():
            url = page_url(int(page_id))
            if url:
                return f'<a href="{url}">'
        return "<a>"

    return Markup(_INTERNAL_LINK.sub(resolve, html or ""))
