"""Render one editorial item exactly as the site build would, for the CMS's draft preview.

The CMS serialises the draft as the Wagtail API would and calls `render_item`; the same
presenter, filters and templates as the build are used, so a preview looks like the page.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from pelican.settings import read_settings

from .filters import FILTERS
from .presenters import SiteUrls, present_page
from .sections import sections_from_settings

PELICANCONF = Path(__file__).resolve().parents[2] / "pelicanconf.py"


@lru_cache(maxsize=1)
def _site() -> tuple[dict, Environment]:
    settings = read_settings(str(PELICANCONF))
    env = Environment(
        loader=FileSystemLoader(str(Path(settings["THEME"]) / "templates")),
        **settings["JINJA_ENVIRONMENT"],
    )
    env.filters.update(FILTERS)
    return settings, env


def render_item(kind: str, item: dict) -> str:
    """The HTML of `item` (a Wagtail API v2 detail representation) as a page of `kind`."""
    settings, env = _site()
    section = next(s for s in sections_from_settings(settings) if s.kind == kind)
    urls = SiteUrls(settings["HONGSHAN_URLS"])
    presented = present_page(item, section, urls, page_url=lambda page_id: None)
    context = {key: value for key, value in settings.items() if key.isupper()}
    template = env.get_template(f"{section.detail_template}.html")
    return template.render(
        context,
        districts=[],
        site_urls=urls,
        item=presented,
        page_title=item.get("title", ""),
        section_config=section,
        preview=True,
    )
