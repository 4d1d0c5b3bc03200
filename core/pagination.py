"""Cursor pagination for registry lists: stable under inserts, no COUNT(*) per page."""

import datetime
from base64 import b64decode
from urllib import parse

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections, models
from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.pagination import CursorPagination

from core.errors import MESSAGES

CURSOR_TOKENS = {"o", "r", "p"}  # offset, reverse, position: what CursorPagination encodes


class InvalidCursor(exceptions.APIException):
    """400: a cursor this list did not hand out (garbage, another list's, or tampered with)."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_cursor"
    default_detail = MESSAGES["invalid_cursor"]


class RegistryCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "credit_code"

    def get_page_size(self, request):
        """`?page_size=` as the schema declares it: an integer from 1 to max_page_size, or 400
        (DRF would silently fall back to the default for "FALSE" and cut 500 down to the max)."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"每页条数须为1至{self.max_page_size}的整数。"]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        # decode_cursor needs the queryset to check the position against the ordering field.
        self._queryset = queryset
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        _check_tokens(request.query_params.get(self.cursor_query_param))
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound:  # DRF's answer to an undecodable cursor: not a 404
            raise InvalidCursor() from None
        if cursor is not None and cursor.position is not None:
            self._check_position(cursor.position)
        return cursor

    def _check_position(self, position: str) -> None:
        """InvalidCursor unless the position is a value of the first ordering field.

        DRF filters `field > position` with the raw string: a position of the wrong type (a
        date where the list orders by id) reached the database and failed there, a 500.
        """
        if "\x00" in position:  # PostgreSQL refuses NUL in any query parameter
            raise InvalidCursor()
        field = _ordering_field(self._queryset, self.ordering[0].lstrip("-"))
        if field is None:
            return
        try:
            value = field.to_python(position)
        except (ValidationError, TypeError, ValueError):
            raise InvalidCursor() from None
        if isinstance(field, models.IntegerField):
            internal_type = field.get_internal_type()
            low, high = connections[self._queryset.db].ops.integer_field_range(internal_type)
            if (low is not None and value < low) or (high is not None and value > high):
                raise InvalidCursor()
        # Positions this paginator writes carry their UTC offset; a naive time is not one.
        if isinstance(value, datetime.datetime) and settings.USE_TZ and timezone.is_naive(value):
            raise InvalidCursor()


def _check_tokens(encoded: str | None) -> None:
    """InvalidCursor unless `encoded` holds only the tokens DRF writes (o, r, p), once each.

    DRF itself reads any base64 text as a cursor, unknown tokens ignored: "hello world" was a
    valid request for the first page.
    """
    if not encoded:  # absent or `?cursor=`: the first page, as DRF reads it
        return
    try:
        tokens = parse.parse_qs(b64decode(encoded.encode("ascii")).decode("ascii"), True)
    except ValueError:  # not base64, not ASCII: DRF's own decoding refuses it as well
        return
    if (
        not tokens
        or set(tokens) - CURSOR_TOKENS
        or any(len(values) != 1 for values in tokens.values())
        or tokens.get("r", ["0"])[0] not in ("0", "1")
    ):
        raise InvalidCursor()


def _ordering_field(queryset, name: str) -> models.Field | None:
    """The model field (or annotation's output field) a list is ordered by; None if unknown."""
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    model = queryset.model
    field = None
    for part in name.split("__"):
        if model is None:
            return None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    if field is not None and field.is_relation:
        field = field.target_field
    return field
