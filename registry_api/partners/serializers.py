"""How a batch import shows itself: status, progress of rows checked and written, the report."""

from django.urls import reverse
from rest_framework import serializers

from .models import CreditImport


def credit_import_path(credit_import: CreditImport) -> str:
    return reverse("credit-record-import-status", kwargs={"import_id": credit_import.pk})


class CreditImportSerializer(serializers.ModelSerializer):
    """The report appears once the import has finished (`done` or `rejected`); until then
    `progress` tells how far it is: rows checked, rows to write, rows written."""

    url = serializers.SerializerMethodField()
    status_display = serializers.CharField(source="get_status_display")
    progress = serializers.SerializerMethodField()
    report = serializers.SerializerMethodField()

    class Meta:
        model = CreditImport
        fields = [
            "id",
            "url",
            "status",
            "status_display",
            "mode",
            "dry_run",
            "background",
            "progress",
            "problem",
            "created_at",
            "updated_at",
            "finished_at",
            "report",
        ]

    def get_url(self, credit_import: CreditImport) -> str:
        request = self.context.get("request")
        path = credit_import_path(credit_import)
        return request.build_absolute_uri(path) if request is not None else path

    def get_progress(self, credit_import: CreditImport) -> dict:
        return {
            "rows": credit_import.rows_total,
            "validated": credit_import.rows_validated,
            "to_write": credit_import.rows_to_write,
            "written": credit_import.rows_written,
            "longest_write_ms": credit_import.longest_write_ms,
        }

    def get_report(self, credit_import: CreditImport) -> dict | None:
        return credit_import.report if credit_import.finished_at is not None else None
