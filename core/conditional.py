"""Cheap conditional GET for registry viewsets: validators from the database, never the body.

Django's ConditionalGetMiddleware hashes the rendered body, so a 304 costs as much as a 200.
Here the validators come from what the body is made of, before anything is serialized:

* detail: a weak ETag from (pk, updated_at) and ``Last-Modified`` = updated_at;
* list: a weak ETag from ONE aggregate query over the filtered queryset (max(updated_at),
  count) plus the query string (filters, cursor, page_size, ordering, format). A deletion
  lowers the count, so it changes the ETag even when max(updated_at) stays. Lists send no
  ``Last-Modified``: a deletion or a record leaving publicity does not move max(updated_at),
  so an ``If-Modified-Since`` answer could be wrong; the ETag is the list's validator.

A view whose output depends on today's date (records in publicity end on a day; countdowns)
sets ``conditional_today = True``: the date joins the validators, and a detail's
``Last-Modified`` is never earlier than today's local midnight. Rows joined into the output
(the enterprise name on a pledge) are named in ``conditional_related`` and their max
(updated_at) joins the same aggregate; other tables the output reads (an agency's credit
standing) come from ``conditional_dependencies()``, one aggregate query each.
ConditionalGetMiddleware stays on for other views; it never overrides an ETag set here.
"""

import datetime
import hashlib
from collections.abc import Iterable
from functools import reduce

from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.response import Response

# Bump when the serialized shape of the registry changes, so clients drop cached bodies.
VALIDATOR_VERSION = "1"


def _stamp(value) -> str:
    """A validator part: datetimes as ISO 8601, None as '-', anything else as str()."""
    if value is None:
        return "-"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def weak_etag(*parts) -> str:
    digest = hashlib.blake2b("|".join(str(p) for p in parts).encode(), digest_size=12)
    return f'W/"{digest.hexdigest()}"'


def queryset_fingerprint(queryset: QuerySet, related: Iterable[str] = ()) -> tuple:
    """(count, max(updated_at), max(<related>)...) of `queryset` in one aggregate query."""
    related = tuple(related)
    aggregates = {"latest": Max("updated_at"), "count": Count("pk", distinct=bool(related))}
    for index, path in enumerate(related):
        aggregates[f"related_{index}"] = Max(path)
    row = queryset.order_by().aggregate(**aggregates)
    return (row["count"], row["latest"], *(row[f"related_{i}"] for i in range(len(related))))


def _latest(values: Iterable) -> datetime.datetime | None:
    stamps = [value for value in values if isinstance(value, datetime.datetime)]
    return reduce(max, stamps) if stamps else None


def _today_midnight(today: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


class ConditionalGetMixin:
    """List and retrieve answer 304 from the validators alone; 200s carry ETag and friends."""

    conditional_today = False
    conditional_related: tuple[str, ...] = ()

    # --- hooks ------------------------------------------------------------------------------
    def conditional_dependencies(self) -> list[QuerySet]:
        """Other tables the output reads; each adds one (count, max(updated_at)) query."""
        return []

    def conditional_list_fingerprint(self, queryset: QuerySet) -> tuple:
        return queryset_fingerprint(queryset, self.conditional_related)

    def conditional_object_stamps(self, obj) -> list:
        """updated_at of the object and of the related rows its representation shows."""
        stamps = [getattr(obj, "updated_at", None)]
        for path in self.conditional_related:
            value = obj
            for name in path.split("__"):
                value = getattr(value, name, None) if value is not None else None
            stamps.append(value)
        return stamps

    # --- machinery --------------------------------------------------------------------------
    def _common_parts(self) -> list:
        # The representation chosen (json, csv, jsonl: by ?format= or Accept) is part of it.
        renderer = getattr(self.request, "accepted_renderer", None)
        parts = [VALIDATOR_VERSION, self.request.path, getattr(renderer, "format", "")]
        if self.conditional_today:
            parts.append(timezone.localdate().isoformat())
        for dependency in self.conditional_dependencies():
            parts.extend(map(_stamp, queryset_fingerprint(dependency)))
        return parts

    def _query_string(self) -> str:
        return "&".join(sorted(self.request.META.get("QUERY_STRING", "").split("&")))

    def list_validators(self, queryset: QuerySet) -> dict:
        fingerprint = self.conditional_list_fingerprint(queryset)
        parts = [*self._common_parts(), self._query_string()]
        parts.extend(map(_stamp, fingerprint))
        return {"etag": weak_etag(*parts), "last_modified": None}

    def object_validators(self, obj, extra_stamps: Iterable = ()) -> dict:
        stamps = [*self.conditional_object_stamps(obj), *extra_stamps]
        parts = [*self._common_parts(), self._query_string(), obj.pk, *map(_stamp, stamps)]
        latest = _latest(stamps)
        if self.conditional_dependencies():
            # A row deleted from a table the output reads moves no updated_at: ETag only.
            latest = None
        if latest is not None and self.conditional_today:
            latest = max(latest, _today_midnight(timezone.localdate()))
        return {"etag": weak_etag(*parts), "last_modified": latest}

    def not_modified(self, validators: dict):
        """A 304 response if the request's preconditions match `validators`, else None."""
        last_modified = validators.get("last_modified")
        response = get_conditional_response(
            self.request._request,
            etag=validators["etag"],
            last_modified=int(last_modified.timestamp()) if last_modified else None,
        )
        if response is not None:
            self.set_validators(response, validators)
        return response

    @staticmethod
    def set_validators(response, validators: dict):
        response["ETag"] = validators["etag"]
        if validators.get("last_modified"):
            response["Last-Modified"] = http_date(validators["last_modified"].timestamp())
        return response

    # --- views ------------------------------------------------------------------------------
    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        validators = self.list_validators(queryset)
        if (response := self.not_modified(validators)) is not None:
            return response
        response = self.list_response(queryset)
        return self.set_validators(response, validators)

    def list_response(self, queryset: QuerySet):
        """ListModelMixin.list after filtering (the export mixin answers ?format=csv here)."""
        page = self.paginate_queryset(queryset)
        if page is not None:
            return self.get_paginated_response(self.get_serializer(page, many=True).data)
        return Response(self.get_serializer(queryset, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        validators = self.object_validators(instance)
        if (response := self.not_modified(validators)) is not None:
            return response
        response = Response(self.get_serializer(instance).data)
        return self.set_validators(response, validators)
