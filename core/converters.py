"""The path converter for a row's id (`<row_id:pk>`), registered when this module is imported.

Django's `<int:pk>` matches any number of digits, and a number past 2**63 − 1 then overflows
the database's integer inside the query (SQLite raises OverflowError: a 500). Such an id names
no row, so the path does not match it and the answer is the 404 of any unknown address.
"""

from django.urls import register_converter
from django.urls.converters import IntConverter

MAX_ROW_ID = 2**63 - 1  # the largest id a row can have in SQLite and in PostgreSQL


class RowIdConverter(IntConverter):
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= MAX_ROW_ID:
            raise ValueError("no row has this id")  # Django: the path does not match
        return number


register_converter(RowIdConverter, "row_id")
