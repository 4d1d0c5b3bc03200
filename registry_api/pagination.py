"""Cursor pagination for registry lists: stable under inserts, no COUNT(*) per page."""

from rest_framework.pagination import CursorPagination


class RegistryCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "credit_code"
