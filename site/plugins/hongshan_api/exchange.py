"""Registry part 闲置商标网上交流: idle marks offered for transfer or licence.

Pages: /trademarks/idle/ (every published listing, paginated), /trademarks/idle/class/<n>/
(the listings of one Nice class) and /trademarks/idle/<id>/ (one listing with the inquiry form;
it posts to the API, consult.js shows errors inline or the reference number). The API's
listings carry no owner contact, so nothing personal can reach these pages; a listing past its
validity is not in the API's list, so the next build (the daily refresh requests one) drops it.
"""

from __future__ import annotations

from .client import ApiClient
from .parts import write_faceted_lists

BASE = "trademarks/idle/"
URLS = ("idle_listing_index",)  # HONGSHAN_URLS keys of pages every build writes
KINDS = {"transfer": "转让", "licence": "许可", "either": "转让或许可"}
MESSAGE_MAX_LENGTH = 1000


def listing_url(listing: dict) -> str:
    return f"/{BASE}{listing['id']}/"


def class_url(number: int) -> str:
    return f"/{BASE}class/{number}/"


def submit_url(listing: dict) -> str:
    return f"/api/v1/idle-marks/{listing['id']}/inquiries/"


def fetch(client: ApiClient) -> dict:
    listings = client.registry_list("api/v1/idle-marks/", {})
    return {"listings": [{**listing, "url": listing_url(listing)} for listing in listings]}


def class_nav(listings: list[dict]) -> list[dict]:
    """The Nice classes that have listings, in class order, with how many each has."""
    counts: dict[int, int] = {}
    for listing in listings:
        for number in listing.get("classes", []):
            counts[number] = counts.get(number, 0) + 1
    return [
        {"number": n, "label": f"第{n}类", "url": class_url(n), "count": counts[n]}
        for n in sorted(counts)
    ]


def write(generator, writer, data: dict) -> None:
    listings = data["listings"]
    classes = class_nav(listings)
    write_faceted_lists(
        generator,
        writer,
        base=BASE,
        template="idle_list",
        items=listings,
        title="闲置商标网上交流",
        facets=classes,
        facet_names=("classes", "current_class"),
        facet_path=lambda entry: f"class/{entry['number']}/",
        facet_title=lambda entry: f"闲置商标 · {entry['label']}",
        members=lambda entry: [i for i in listings if entry["number"] in i.get("classes", [])],
    )
    for listing in listings:
        mark = listing["trademark"]
        generator._write(
            f"{BASE}{listing['id']}/index.html",
            "idle_detail",
            writer,
            page_title=f"{mark['name'] or '图形商标'} · 闲置商标{listing['kind_display']}",
            item=listing,
            submit_url=submit_url(listing),
            message_max_length=MESSAGE_MAX_LENGTH,
        )
