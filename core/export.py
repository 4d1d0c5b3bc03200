"""Streamed CSV and JSON Lines exports of public registry lists (`?format=csv|jsonl`).

Rows leave one by one from `queryset.iterator()`, each through the SAME public serializer as
the JSON API, so an export can hold nothing the API hides (masked names stay masked, contacts
stay out). Filters and ordering apply; pagination does not. CSV is UTF-8 with a byte-order mark
so Excel opens Chinese text correctly; its header row is the API's field names, nested objects
flattened with a dot (`enterprise.credit_code`).
"""

import csv
import io
import json

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

CHUNK_SIZE = 500


class ExportRenderer(BaseRenderer):
    """Lets content negotiation accept `?format=csv|jsonl` (or the Accept header) on a list.

    The list view streams the body itself; this renderer only ever sees error bodies, and
    `ExportMixin.finalize_response` hands those to the JSON renderer first.
    """

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data)


class CSVExportRenderer(ExportRenderer):
    media_type = "text/csv"
    format = "csv"


class JSONLinesExportRenderer(ExportRenderer):
    media_type = "application/x-ndjson"
    format = "jsonl"


EXPORT_FORMATS = {"csv": CSVExportRenderer.media_type, "jsonl": JSONLinesExportRenderer.media_type}


def _nested(field) -> bool:
    return isinstance(field, serializers.Serializer)


def csv_columns(serializer: serializers.Serializer, prefix: str = "") -> list[str]:
    """Column names from the serializer's declared fields; nested serializers flattened."""
    columns = []
    for name, field in serializer.fields.items():
        if _nested(field):
            columns.extend(csv_columns(field, f"{prefix}{name}."))
        else:
            columns.append(prefix + name)
    return columns


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "；".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, cls=JSONEncoder)
    return str(value)


def csv_cells(serializer: serializers.Serializer, row: dict, prefix: str = "") -> dict:
    cells = {}
    for name, field in serializer.fields.items():
        value = row.get(name)
        if _nested(field):
            cells.update(csv_cells(field, value or {}, f"{prefix}{name}."))
        else:
            cells[prefix + name] = _cell(value)
    return cells


def csv_rows(serializer: serializers.Serializer, objects):
    """CSV text, a line at a time: BOM and header first, then one line per object."""
    buffer = io.StringIO()
    columns = csv_columns(serializer)
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writeheader()
    yield "\ufeff" + flush()
    for obj in objects:
        writer.writerow(csv_cells(serializer, serializer.to_representation(obj)))
        yield flush()


def jsonl_rows(serializer: serializers.Serializer, objects):
    for obj in objects:
        row = serializer.to_representation(obj)
        yield json.dumps(row, ensure_ascii=False, cls=JSONEncoder) + "\n"


class ExportMixin:
    """Adds `?format=csv` and `?format=jsonl` to a viewset's list (see the module docstring).

    Goes before ConditionalGetMixin in the bases: it answers from `list_response`, after the
    validators, so an export has an ETag and honours If-None-Match like the JSON list.
    """

    export_name = "export"
    export_chunk_size = CHUNK_SIZE

    def get_renderers(self):
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "list":
            renderers += [CSVExportRenderer(), JSONLinesExportRenderer()]
        return renderers

    def export_format(self) -> str | None:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer.format if isinstance(renderer, ExportRenderer) else None

    def list_response(self, queryset):
        export_format = self.export_format()
        if export_format is None:
            return super().list_response(queryset)
        serializer = self.get_serializer()
        objects = queryset.iterator(chunk_size=self.export_chunk_size)
        rows = csv_rows if export_format == "csv" else jsonl_rows
        response = StreamingHttpResponse(
            rows(serializer, objects),
            content_type=f"{EXPORT_FORMATS[export_format]}; charset=utf-8",
        )
        filename = f"{self.export_name}-{timezone.localdate():%Y%m%d}.{export_format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        """Errors of an export request leave as JSON in the one error format, not as 'CSV'."""
        if isinstance(response, Response) and isinstance(
            getattr(request, "accepted_renderer", None), ExportRenderer
        ):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) == "list":
            patch_vary_headers(response, ["Accept"])  # Accept: text/csv selects the export
        return response
