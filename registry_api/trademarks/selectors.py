"""Reads of the trademark library: lists, the `?q=` library search and the similarity check."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db.models import Prefetch, QuerySet

from core.privacy import mask_name
from search.client import public_search_client

from .logos import LOGO_SIMILAR, hash_distance, logo_similarity, thumbnail_name
from .models import NiceClass, OwnerType, Status, Trademark, TrademarkClass
from .queries import LIST_PAGE_SIZE, candidate_search, library_search, logo_candidate_search
from .similarity import name_similarity

SIMILAR_LIMIT = 20
MIN_SIMILARITY = 0.2  # below this, a candidate only shares one character with a long name
# Below this, a logo is no closer than unrelated demo logos usually are (logos.py measures).
MIN_LOGO_SIMILARITY = 0.35


def trademark_list() -> QuerySet[Trademark]:
    """Marks as TrademarkSerializer shows them. Classes and events come as plain lists
    (`listed_classes`, `listed_events`): a prefetch into the related managers builds a
    queryset per mark and relation, which cost more than the two queries themselves."""
    return Trademark.objects.select_related("owner__district").prefetch_related(
        Prefetch(
            "class_entries",
            queryset=TrademarkClass.objects.select_related("nice_class"),
            to_attr="listed_classes",
        ),
        Prefetch("events", to_attr="listed_events"),
    )


def owner_public_name(trademark: Trademark) -> str:
    """Natural persons are masked (张*明); enterprises and organizations are public, and a
    local owner shows under its directory name."""
    if trademark.owner_type == OwnerType.NATURAL_PERSON:
        return mask_name(trademark.owner_name)
    return trademark.owner.name if trademark.owner_id else trademark.owner_name


def logo_urls(trademark: Trademark) -> tuple[str | None, str | None]:
    """(logo, thumbnail) media URLs, root-relative (/media/…); None where there is none. A
    thumbnail is made with the fingerprint, so a logo that could not be read has none."""
    if not trademark.logo:
        return None, None
    thumbnail = thumbnail_name(trademark.logo.name) if trademark.logo_hash else None
    return trademark.logo.url, default_storage.url(thumbnail) if thumbnail else None


def hit_ids(response) -> list[int]:
    """The ids of an engine response's hits, in its order, read from the answer as it came:
    wrapping each of the similarity check's 200 hits in a Hit object cost more than
    scoring them."""
    return [int(hit["_id"]) for hit in response.to_dict()["hits"]["hits"]]


@dataclass
class LibraryPage:
    count: int
    page: int
    page_size: int = LIST_PAGE_SIZE
    ids: list[int] = field(default_factory=list)  # the page's marks, most relevant first
    facets: dict[str, list[dict]] = field(default_factory=dict)


def trademark_search(*, query: str, cleaned: dict, page: int = 1) -> LibraryPage:
    """Marks matching `query` by name (characters, pinyin, initials), number or owner, most
    relevant first, with how many matches fall in each class and status."""
    # One index: a missing one is a 404 from the engine, which the view answers as 503.
    response = library_search(query, cleaned, page).using(public_search_client()).execute()
    ids = hit_ids(response)
    class_names = dict(NiceClass.objects.values_list("number", "name"))
    aggregations = response.aggregations
    facets = {
        "classes": [
            {
                "value": int(b.key),
                "label": class_names.get(int(b.key), ""),
                "count": b.doc_count,
            }
            for b in aggregations.classes.buckets
        ],
        "status": [
            {"value": b.key, "label": Status(b.key).label, "count": b.doc_count}
            for b in aggregations.status.buckets
            if b.key in Status.values
        ],
    }
    return LibraryPage(count=response.hits.total.value, page=page, ids=ids, facets=facets)


@dataclass(frozen=True)
class SimilarMark:
    trademark: Trademark
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SimilarHit:
    """A ranked similar mark, by id (the API reads it through shown.py)."""

    pk: int
    score: float
    reasons: tuple[str, ...]


def _read_whole(hits: list[SimilarHit]) -> list[SimilarMark]:
    marks = trademark_list().in_bulk([hit.pk for hit in hits])
    return [SimilarMark(marks[hit.pk], hit.score, hit.reasons) for hit in hits]


def trademark_similar(
    *, name: str, classes: list[int], limit: int = SIMILAR_LIMIT
) -> list[SimilarMark]:
    """Existing marks most like a proposed name, read whole (`trademark_similar_hits`)."""
    return _read_whole(trademark_similar_hits(name=name, classes=classes, limit=limit))


def trademark_similar_hits(
    *, name: str, classes: list[int], limit: int = SIMILAR_LIMIT
) -> list[SimilarHit]:
    """Existing marks most like a proposed name: the engine finds candidates written or read
    alike, similarity.py ranks them (ties: the older registration number first)."""
    response = candidate_search(name, classes).using(public_search_client()).execute()
    # Ranked on names alone: reading all the engine's candidates (up to 200) whole, with
    # owner, classes and events, cost most of our time.
    candidates = Trademark.objects.filter(pk__in=hit_ids(response))
    scored = []
    for pk, mark_name, number in candidates.values_list("pk", "name", "registration_number"):
        similarity = name_similarity(name, mark_name)
        if similarity.score >= MIN_SIMILARITY:
            scored.append((-similarity.score, number, pk, similarity))
    top = sorted(scored, key=lambda row: row[:3])[:limit]
    return [SimilarHit(pk, s.score, s.reasons) for _, _, pk, s in top]


def trademark_similar_logo(
    *, fingerprint: str, classes: list[int], limit: int = SIMILAR_LIMIT
) -> list[SimilarMark]:
    """Existing marks whose logos look most like an uploaded one, read whole."""
    return _read_whole(
        trademark_similar_logo_hits(fingerprint=fingerprint, classes=classes, limit=limit)
    )


def trademark_similar_logo_hits(
    *, fingerprint: str, classes: list[int], limit: int = SIMILAR_LIMIT
) -> list[SimilarHit]:
    """Existing marks whose logos look most like an uploaded one: the engine finds logos
    sharing parts of the fingerprint, the fingerprints' distance ranks them (ties: the older
    registration number first)."""
    if not fingerprint:
        return []
    response = logo_candidate_search(fingerprint, classes).using(public_search_client()).execute()
    rows = Trademark.objects.filter(pk__in=hit_ids(response))
    scored = sorted(
        (hash_distance(fingerprint, logo_hash), number, pk, logo_similarity(fingerprint, logo_hash))
        for pk, number, logo_hash in rows.values_list("pk", "registration_number", "logo_hash")
        if len(logo_hash) == len(fingerprint)
    )
    top = [row for row in scored if row[3] >= MIN_LOGO_SIMILARITY][:limit]
    return [SimilarHit(pk, score, (LOGO_SIMILAR,)) for _, _, pk, score in top]
