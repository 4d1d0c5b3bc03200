"""The Pelican generator that writes every page of the public site from the APIs."""

from __future__ import annotations

import datetime
import logging
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

from jinja2 import BytecodeCache, TemplateNotFound
from pelican.generators import Generator
from pelican.paginator import Paginator

from .client import ApiClient, ListCache
from .feeds import news_feed_write
from .filters import FILTERS, build_day_set, build_today
from .incremental import RenderCache, fingerprint
from .pages_copy import PagesCopy
from .parts import (
    part_fetch,
    part_name,
    registry_part_links,
    registry_part_urls,
    registry_parts,
)
from .platforms import home_tiles, present_platforms
from .presenters import SiteUrls, page_url_resolver, site_content
from .sections import sections_from_settings
from .snapshot import snapshot_fetch
from .sync import ENTERPRISES, ChangeFeeds

logger = logging.getLogger(__name__)

# Directory addresses per sitemap file (the protocol allows 50,000).
SITEMAP_CHUNK = 5000
# The human site map (网站地图) the footer links.
SITEMAP_PAGE = "sitemap/index.html"
# A list's further pages (PAGINATION_PATTERNS) are left out of the sitemap: page 1 links them.
FURTHER_PAGE = re.compile(r"(^|/)page/\d+/index\.html$")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory, checked against their source by Jinja: a warm
    build process compiles a template once, not every build (~0.5 s for the event pages)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


BYTECODE = MemoryBytecodeCache()


class PublicSiteGenerator(Generator):
    """Fetches a snapshot in `generate_context`, renders it in `generate_output`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.bytecode_cache = BYTECODE
        self.env.filters.update(FILTERS)
        self.urls = SiteUrls(self.settings["HONGSHAN_URLS"])
        self.sections = sections_from_settings(self.settings)
        self._template_files: dict[str, str] = {}

    def generate_context(self) -> None:
        today = self.settings.get("HONGSHAN_TODAY")
        build_day_set(datetime.date.fromisoformat(today) if today else None)
        self.fingerprint = fingerprint(self.settings)
        # The largest lists (the directory, parts' feeds such as the trademark library) are
        # kept between builds and synced through their change feeds (sync.py).
        self.feeds = ChangeFeeds(
            previous_state=self.settings.get("HONGSHAN_PREVIOUS_STATE"),
            full=bool(self.settings.get("HONGSHAN_FULL_BUILD")),
            fingerprint=self.fingerprint,
        )
        self.directory = self.feeds.sync(ENTERPRISES)
        changed = self.settings.get("HONGSHAN_CMS_CHANGED")
        self.pages_copy = PagesCopy(
            previous_state=self.settings.get("HONGSHAN_PREVIOUS_STATE"),
            fingerprint=self.fingerprint,
            changed=None if self.settings.get("HONGSHAN_FULL_BUILD") else changed,
        )
        # Registry parts' lists: asked for with the previous build's ETags (client.py).
        self.lists = ListCache.read(
            None
            if self.settings.get("HONGSHAN_FULL_BUILD")
            else self.settings.get("HONGSHAN_PREVIOUS_STATE"),
            self.fingerprint,
        )
        started = time.perf_counter()
        self._fetch_all()
        logger.info(
            "fetched %s in %d requests, %.2fs; with the registry lists (%d unchanged since "
            "the previous build: 304) in %.2fs",
            ", ".join(f"{count} {name}" for name, count in self.snapshot.counts.items()),
            self.snapshot.requests_made,
            self.snapshot.seconds,
            self.lists.hits,
            time.perf_counter() - started,
        )
        logger.info("%s", self.pages_copy.summary())
        # A part may add to the directory's enterprises (e.g. the credit summary on their pages).
        extras: dict[str, dict] = {}
        for part, data in self.parts:
            if hasattr(part, "enterprise_extras"):
                for code, added in part.enterprise_extras(data).items():
                    extras.setdefault(code, {}).update(added)
        self.content = site_content(self.snapshot, self.urls, self.sections, extras)
        self.platforms = present_platforms(
            self.snapshot.platforms,
            self.snapshot.platform_children,
            self.content.pages,
            self.sections,
            self.urls,
            self.settings["HONGSHAN_PLATFORMS"],
            latest=self.settings["PLATFORM_LATEST_COUNT"],
            page_url=page_url_resolver(self.snapshot, self.urls),
            part_urls=registry_part_urls(part for part, _ in self.parts),
            part_links=registry_part_links(part for part, _ in self.parts),
        )
        # Shared by every template: the directory's districts (nav) and the section URLs.
        self.context["districts"] = self.content.districts
        self.context["site_urls"] = self.urls
        # The header menu's platform group: the home page's tiles (a live page or its fallback).
        self.context["menu_platforms"] = home_tiles(self.platforms, self.settings["SUBPLATFORMS"])

    def _fetch_all(self) -> None:
        """The snapshot and each registry part's lists, fetched side by side.

        Each fetch has its own client (a requests.Session is not shared across threads); the
        API answers on several workers, so the build waits for the slowest list, not the sum.
        """
        api_url = self.settings["HONGSHAN_API_URL"]

        def fetched(read, cache=None):
            client = ApiClient(api_url, cache=cache)
            try:
                return read(client)
            finally:
                client.close()

        parts = registry_parts(self.settings)
        with ThreadPoolExecutor(max_workers=1 + len(parts)) as pool:
            snapshot = pool.submit(
                fetched,
                lambda client: snapshot_fetch(
                    client, self.sections, directory=self.directory, pages_copy=self.pages_copy
                ),
            )
            # Registry parts (credit, finance, services…): each fetches its own lists.
            data = [
                pool.submit(fetched, part_fetch(part, self.feeds), self.lists) for part in parts
            ]
            self.snapshot = snapshot.result()
            self.parts = [(part, future.result()) for part, future in zip(parts, data, strict=True)]

    def generate_output(self, writer) -> None:
        started = time.perf_counter()
        self.cache = RenderCache.for_build(self, self.settings, build_today(), self.fingerprint)
        # Enterprises are keyed by their version in the directory's copy (sync.py), not their
        # JSON; their URLs are derived from it, the parts' extras are hashed beside it.
        self.cache.versioned(
            self.content.enterprises,
            self.snapshot.enterprises,
            self.directory.versions,
            ENTERPRISES.key,
            derived=("url", "save_as"),
        )
        self._write_home(writer)
        for section in self.sections:
            self._write_section(section, writer)
        self._write_enterprises(writer)
        self._write_platforms(writer)
        # Each part's pages are the entries it adds to the cache's pages (sitemap of a part
        # without its own `sitemap_pages`): their (start, end) positions in that dict.
        self._part_pages: dict[str, tuple[int, int]] = {}
        for part, data in self.parts:
            start = len(self.cache.pages)
            part.write(self, writer, data)
            self._part_pages[part_name(part)] = (start, len(self.cache.pages))
        self._write("search/index.html", "search", writer, page_title="搜索")
        self._write(
            SITEMAP_PAGE,
            "sitemap_page",
            writer,
            page_title="网站地图",
            sections=self.sections,
            districts=self.content.districts,
        )
        self._write("404.html", "404", writer, page_title="页面未找到")
        self._write_sitemap(writer)
        self._write_feed()
        state_dir = self.settings.get("HONGSHAN_STATE_DIR")
        self.cache.manifest_write(state_dir, self.settings.get("HONGSHAN_PREVIOUS_STATE"))
        self.cache.carry_keep()
        self.feeds.write(state_dir)
        self.lists.write(state_dir)
        self.pages_copy.write(state_dir)
        logger.info(
            "rendered %s pages, reused %s (%s carried over unvisited) in %.2fs",
            f"{self.cache.rendered:,}",
            f"{self.cache.reused:,}",
            f"{self.cache.carried:,}",
            time.perf_counter() - started,
        )

    def _write(
        self, name: str, template: str, writer, *, key_inputs=None, list_page=False, **kwargs
    ) -> str | None:
        """Render one page, unless the live build has it with unchanged inputs; its key.

        The inputs are `kwargs`, or `key_inputs` where a caller knows what the page shows.
        `list_page` marks a page linking to others: an incremental build applies it after
        the pages it may link to.
        """
        file_name = self._template_file(template)
        key = self.cache.key(file_name, name, kwargs if key_inputs is None else key_inputs)
        if not self.cache.reuse(name, key):
            writer.write_file(name, self.get_template(template), self.context, **kwargs)
            self.cache.record(name, key, list_page=list_page)
        return key

    def _write_each(self, family: str, template: str, writer, items: list, page) -> None:
        """The pages of a family: `page(item)` gives (path, keyword arguments) of each page of
        an item, made from the item alone (and settings). In a warm build process, the
        pages of the items that are the very objects of the previous build are not even
        visited (RenderCache.each): the cost follows what changed, not what the site holds."""
        for item in self.cache.each(family, self._template_file(template), items):
            for name, kwargs in page(item):
                key = self._write(name, template, writer, **kwargs)
                self.cache.each_page(family, item, name, key)

    def _template_file(self, template: str) -> str:
        """The file `get_template(template)` loads, found without compiling it: a build that
        reuses every page of a template need not compile it (~0.5 s for all of them)."""
        if template not in self._template_files:
            for extension in self.settings["TEMPLATE_EXTENSIONS"]:
                try:
                    self.env.loader.get_source(self.env, template + extension)
                except TemplateNotFound:
                    continue
                self._template_files[template] = template + extension
                break
            else:
                self._template_files[template] = self.get_template(template).name
        return self._template_files[template]

    def _write_paginated(
        self, name: str, url: str, template: str, objects: list, writer, **kwargs
    ) -> None:
        """Pelican's paginator: page 1 at `url`, page n at `url`page/n/ (PAGINATION_PATTERNS).

        Each page is written on its own, with the variables Pelican's writer gives paginated
        templates (`objects_page`, `objects_paginator`, previous and next page), so that each
        is keyed on its own slice: a change on page 3 re-renders page 3 only, unless it
        changes the item count or the number of pages, which every page shows. Templates use
        the previous and next pages for their links only (their items are not in the key).
        """
        per_page = self.settings["PAGINATED_TEMPLATES"][template]
        paginator = Paginator(name, url, objects, self.settings, per_page)
        numbers = self.cache.list_pages(
            name, self._template_file(template), paginator, {**kwargs, "url": url}
        )
        for number in numbers:
            page = paginator.page(number)
            key = self._write(
                page.save_as,
                template,
                writer,
                key_inputs={**kwargs, "objects_paginator": paginator, "objects_page": page},
                list_page=True,
                **kwargs,
                objects_paginator=paginator,
                objects_page=page,
                objects_previous_page=paginator.page(number - 1) if number > 1 else None,
                objects_next_page=(
                    paginator.page(number + 1) if number < paginator.num_pages else None
                ),
            )
            self.cache.list_page(name, number, page.save_as, key, page.object_list)

    def _write_home(self, writer) -> None:
        self._write(
            "index.html",
            "home",
            writer,
            intro=self.content.home_intro,
            latest_news=self.content.news[: self.settings["HOME_NEWS_COUNT"]],
            enterprise_total=len(self.content.enterprises),
            platform_tiles=home_tiles(self.platforms, self.settings["SUBPLATFORMS"]),
            # Pages of registry parts the home page links (their HOME_LINKS).
            service_links=[
                {"title": title, "url": self.urls.path(key)}
                for part, _ in self.parts
                for key, title in getattr(part, "HOME_LINKS", ())
            ],
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
        self._write_each(
            "enterprise_detail",
            "enterprise_detail",
            writer,
            self.content.enterprises,
            lambda item: [(item["save_as"], {"item": item, "page_title": item["name"]})],
        )

    def _write_sitemap(self, writer) -> None:
        """sitemap.xml indexes one file of the site's own pages and the directory in chunks
        of SITEMAP_CHUNK: each file is keyed on the addresses (and dates) it lists, so one
        enterprise's change rewrites one chunk, not a 20,000-address file."""
        urls = self.urls
        fixed = ["/", "/enterprises/", "/search/", "/" + SITEMAP_PAGE.removesuffix("index.html")]
        fixed += [district["url"] for district in self.content.districts]
        fixed += [urls.path(f"{section.kind}_index") for section in self.sections]
        pages = [(path, None) for path in fixed]
        for item in (*(i for items in self.content.pages.values() for i in items), *self.platforms):
            published = (item.get("meta") or {}).get("last_published_at")
            pages.append((item["url"], published))
        files = ["sitemap-pages.xml"]
        self._write_keyed(files[0], "sitemap_urls.xml", writer, entries=pages)
        enterprises = self.content.enterprises
        for number, start in enumerate(range(0, len(enterprises), SITEMAP_CHUNK), start=1):
            name = f"sitemap-enterprises-{number}.xml"
            files.append(name)
            chunk = enterprises[start : start + SITEMAP_CHUNK]
            if not self.cache.kept(name, "sitemap_urls.xml", chunk):  # the same enterprises
                entries = [(item["url"], item.get("updated_at")) for item in chunk]
                key = self._write_keyed(name, "sitemap_urls.xml", writer, entries=entries)
                self.cache.list_page(name, 1, name, key, chunk)
        written = list(self.cache.pages)
        for part, data in self.parts:  # a part's own pages, a file each (chunks if many)
            if hasattr(part, "sitemap_pages"):
                entries = part.sitemap_pages(self, data)
            else:  # the pages it wrote or kept in this build, sorted: a warm build that
                # carries some of them over lists them in the order a full build does
                start, end = self._part_pages[part_name(part)]
                entries = [
                    ("/" + path.removesuffix("index.html"), None)
                    for path in sorted(written[start:end])
                    if path.endswith(".html") and not FURTHER_PAGE.search(path)
                ]
            if len(entries) <= SITEMAP_CHUNK:
                chunks = [(f"sitemap-{part_name(part)}.xml", entries)]
            else:
                chunks = [
                    (
                        f"sitemap-{part_name(part)}-{number}.xml",
                        entries[first : first + SITEMAP_CHUNK],
                    )
                    for number, first in enumerate(range(0, len(entries), SITEMAP_CHUNK), start=1)
                ]
            for name, chunk in chunks:
                files.append(name)
                self._write_keyed(name, "sitemap_urls.xml", writer, entries=chunk)
        self._write_keyed("sitemap.xml", "sitemap.xml", writer, sitemaps=files)
        writer.write_file("robots.txt", self.env.get_template("robots.txt"), self.context)

    def _write_keyed(self, name: str, template_file: str, writer, **kwargs) -> str | None:
        """A file of a template named with its extension (not a page template), keyed on
        `kwargs` like a page; its key."""
        key = self.cache.key(template_file, name, kwargs)
        if not self.cache.reuse(name, key):
            writer.write_file(name, self.env.get_template(template_file), self.context, **kwargs)
            self.cache.record(name, key)
        return key

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
