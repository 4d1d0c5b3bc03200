"""The Pelican generator that writes every page of the public site from the APIs."""

from __future__ import annotations

import logging
import math
import os
import time

from pelican.generators import Generator

from .client import ApiClient
from .feeds import news_feed_write
from .filters import FILTERS
from .parts import registry_parts
from .platforms import home_tiles, present_platforms
from .presenters import SiteUrls, page_url_resolver, site_content
from .sections import sections_from_settings
from .snapshot import snapshot_fetch

logger = logging.getLogger(__name__)


class PublicSiteGenerator(Generator):
    """Fetches a snapshot in `generate_context`, renders it in `generate_output`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.filters.update(FILTERS)
        self.urls = SiteUrls(self.settings["HONGSHAN_URLS"])
        self.sections = sections_from_settings(self.settings)
        self.pages_written = 0

    def generate_context(self) -> None:
        client = ApiClient(self.settings["HONGSHAN_API_URL"])
        try:
            self.snapshot = snapshot_fetch(client, self.sections)
            # Registry parts (credit, finance, services…): each fetches its own lists.
            self.parts = [(part, part.fetch(client)) for part in registry_parts(self.settings)]
        finally:
            client.close()
        logger.info(
            "fetched %s in %d requests, %.2fs",
            ", ".join(f"{count} {name}" for name, count in self.snapshot.counts.items()),
            self.snapshot.requests_made,
            self.snapshot.seconds,
        )
        self.content = site_content(self.snapshot, self.urls, self.sections)
        # A part may mark items of the shared content (e.g. credit links on enterprise pages).
        for part, data in self.parts:
            if hasattr(part, "annotate"):
                part.annotate(self.content, data)
        self.platforms = present_platforms(
            self.snapshot.platforms,
            self.snapshot.platform_children,
            self.content.pages,
            self.sections,
            self.urls,
            self.settings["HONGSHAN_PLATFORMS"],
            latest=self.settings["PLATFORM_LATEST_COUNT"],
            page_url=page_url_resolver(self.snapshot, self.urls),
        )
        # Shared by every template: the directory's districts (nav) and the section URLs.
        self.context["districts"] = self.content.districts
        self.context["site_urls"] = self.urls

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        self._write_home(writer)
        for section in self.sections:
            self._write_section(section, writer)
        self._write_enterprises(writer)
        self._write_platforms(writer)
        for part, data in self.parts:
            part.write(self, writer, data)
        self._write("search/index.html", "search", writer, page_title="搜索")
        self._write("404.html", "404", writer, page_title="页面未找到")
        self._write_sitemap(writer)
        self._write_feed()
        logger.info("wrote %d pages in %.2fs", self.pages_written, time.perf_counter() - started)

    def _write(self, name: str, template: str, writer, **kwargs) -> None:
        writer.write_file(name, self.get_template(template), self.context, **kwargs)
        self.pages_written += 1

    def _write_paginated(
        self, name: str, url: str, template: str, objects: list, writer, **kwargs
    ) -> None:
        """Pelican's paginator: page 1 at `url`, page n at `url`page/n/ (PAGINATION_PATTERNS)."""
        writer.write_file(
            name,
            self.get_template(template),
            self.context,
            paginated={"objects": objects},
            template_name=template,
            url=url,
            **kwargs,
        )
        per_page = self.settings["PAGINATED_TEMPLATES"][template]
        self.pages_written += math.ceil(len(objects) / per_page) or 1

    def _write_home(self, writer) -> None:
        self._write(
            "index.html",
            "home",
            writer,
            intro=self.content.home_intro,
            latest_news=self.content.news[: self.settings["HOME_NEWS_COUNT"]],
            enterprise_total=len(self.content.enterprises),
            platform_tiles=home_tiles(self.platforms, self.settings["SUBPLATFORMS"]),
        )

    def _write_platforms(self, writer) -> None:
        for platform in self.platforms:
            self._write(
                platform["save_as"],
                "platform",
                writer,
                platform=platform,
                page_title=platform["title"],
            )

    def _write_section(self, section, writer) -> None:
        """A section's paginated list and one page per item."""
        items = self.content.pages[section.kind]
        index = f"{section.kind}_index"
        self._write_paginated(
            self.urls.save_as(index),
            self.urls.relative(index),
            section.list_template,
            items,
            writer,
            page_title=section.title,
            section_config=section,
        )
        for item in items:
            self._write(
                item["save_as"],
                section.detail_template,
                writer,
                item=item,
                page_title=item["title"],
                section_config=section,
            )
            for spec in section.subpages:
                for entry in item[spec["items"]]:
                    self._write(
                        entry["save_as"],
                        spec["template"],
                        writer,
                        item=item,
                        entry=entry,
                        page_title=f"{item['title']} · {entry[spec['title']]}",
                        section_config=section,
                    )

    def _write_enterprises(self, writer) -> None:
        urls = self.urls
        self._write_paginated(
            urls.save_as("enterprise_index"),
            urls.relative("enterprise_index"),
            "enterprise_list",
            self.content.enterprises,
            writer,
            page_title="小微企业名录",
            district=None,
        )
        for district in self.content.districts:
            code = district["code"]
            self._write_paginated(
                urls.save_as("district", code=code),
                urls.relative("district", code=code),
                "enterprise_list",
                self.content.enterprises_by_district[code],
                writer,
                page_title=f"小微企业名录 · {district['name']}",
                district=district,
            )
        for item in self.content.enterprises:
            self._write(
                item["save_as"], "enterprise_detail", writer, item=item, page_title=item["name"]
            )

    def _write_sitemap(self, writer) -> None:
        template = self.env.get_template("sitemap.xml")
        writer.write_file(
            "sitemap.xml",
            template,
            self.context,
            news=self.content.news,
            pages=[
                *(item for items in self.content.pages.values() for item in items),
                *self.platforms,
            ],
            enterprises=self.content.enterprises,
        )
        writer.write_file("robots.txt", self.env.get_template("robots.txt"), self.context)

    def _write_feed(self) -> None:
        feed_path = self.settings["HONGSHAN_NEWS_FEED"]
        news_feed_write(
            os.path.join(self.output_path, feed_path),
            news=self.content.news,
            site_url=self.settings["HONGSHAN_SITE_URL"],
            feed_url="/" + feed_path,
            title=f"{self.settings['SITENAME']} · 政策资讯",
            limit=self.settings["FEED_MAX_ITEMS"],
        )
