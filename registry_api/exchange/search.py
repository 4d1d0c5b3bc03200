"""Search kind "idle_listing": idle marks offered for transfer or licence (闲置商标网上交流),
found by the mark's name, registration number, classes or terms; each links to its page.

A listing leaves the index when it stops being public: a status change (dealt, withdrawn)
syncs it away through the save signal; the end of its validity passes with no save at all, so
the document carries `public_until` (the day after `valid_until`) and the public query hides it
from that day on, while the daily refresh's `search_check --repair` drops it.
"""

import datetime

from django.utils import timezone
from elasticsearch.dsl import Boolean, Date, Keyword, ScaledFloat

from registry_api.exchange.models import IdleListing
from registry_api.exchange.selectors import (
    listing_classes,
    listing_price_display,
    listing_title,
)
from search.documents import SearchDocument, index_options
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document, title_pinyin


class IdleListingDocument(SearchDocument):
    """A public listing; the document id is the listing id. Public fields only: the mark, its
    classes, the kind, price and terms. The owner's contact never enters the index."""

    registration_number = Keyword()
    classes = Keyword(multi=True)  # Nice class numbers as strings, as in the trademark kind
    listing_kind = Keyword()
    price = ScaledFloat(scaling_factor=100)
    negotiable = Boolean()
    valid_until = Date()

    Index = index_options("idle_listing")


def idle_listing_document(listing: IdleListing) -> IdleListingDocument:
    mark = listing.trademark
    title = listing_title(listing)
    classes = listing_classes(listing)
    price = listing_price_display(listing)
    summary = join_text(
        f"{listing.get_kind_display()}，报价{price}",
        "类别：" + "、".join(f"第{number}类" for number in classes) if classes else "",
        f"有效期至{listing.valid_until:%Y年%m月%d日}",
        listing.terms,
    )
    return row_document(
        IdleListingDocument,
        "idle_listing",
        listing,
        title=title,
        body=summary,
        all_text=join_text(title, "闲置商标", mark.name, mark.registration_number, summary),
        pinyin=title_pinyin(mark.name or title),
        date=listing.listed_on,
        public_until=listing.valid_until + datetime.timedelta(days=1),
        registration_number=mark.registration_number,
        classes=[str(number) for number in classes],
        listing_kind=listing.kind,
        price=float(listing.price) if listing.price is not None else None,
        negotiable=listing.negotiable,
        valid_until=listing.valid_until,
    )


def listings_public_today():
    """The listings the public lists show today (the same rule as the API's list)."""
    return IdleListing.objects.public(timezone.localdate())


IDLE_LISTING = row_kind(
    "idle_listing",
    "闲置商标",
    IdleListingDocument,
    rows=listings_public_today,
    present=idle_listing_document,
    related=("trademark",),
    prefetch=("trademark__class_entries",),
    # The document shows the mark's name and classes: follow a change.
    follows=(
        Follow(
            "trademarks.Trademark",
            lambda mark: IdleListing.objects.filter(trademark=mark).values_list("pk", flat=True),
        ),
    ),
)
