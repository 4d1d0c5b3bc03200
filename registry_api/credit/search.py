"""Search kind "credit_record": credit records in publicity (诚信体系), found by enterprise name,
credit code, decision number or facts; each links to its enterprise's credit timeline.

A record leaves the index when it leaves publicity: a change of status (repair granted,
revoked) syncs it away through the save signal; the end of its publicity period passes with no
save at all, so the document carries `public_until` and the public query hides it from that day
on, while `search_check` reports it as extra and `search_reindex` drops it.
"""

import datetime

from django.utils import timezone
from elasticsearch.dsl import Keyword

from registry_api.credit.models import CreditRecord
from search.documents import SearchDocument, index_options
from search.fields import EnterpriseFields, enterprise_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document, title_pinyin


class CreditRecordDocument(SearchDocument, EnterpriseFields):
    """A record in publicity; the document id is the record id. Only the fields the public
    API shows (registry_api/credit/serializers.py): no repair applicant, nothing personal."""

    category = Keyword()
    severity = Keyword()
    department = Keyword()
    decision_number = Keyword()

    Index = index_options("credit_record")


def credit_record_title(record: CreditRecord) -> str:
    return f"{record.enterprise.name} · {record.get_category_display()}"


def credit_record_document(record: CreditRecord) -> CreditRecordDocument:
    enterprise = record.enterprise
    return row_document(
        CreditRecordDocument,
        "credit_record",
        record,
        title=credit_record_title(record),
        body=join_text(record.facts, record.outcome),
        all_text=join_text(
            enterprise.name,
            enterprise.credit_code,
            record.get_category_display(),
            record.get_severity_display() if record.severity != "none" else "",
            record.department.name,
            record.decision_number,
            record.facts,
            record.legal_basis,
            record.outcome,
        ),
        # The enterprise's name is what people type, in pinyin too.
        pinyin=title_pinyin(enterprise.name),
        url={"credit_code": enterprise.credit_code, "id": record.pk},
        date=record.decision_date,
        public_until=record.publicity_end,
        **enterprise_fields(enterprise),
        category=record.category,
        severity=record.severity,
        department=record.department.name,
        decision_number=record.decision_number,
    )


def records_in_publicity(today: datetime.date | None = None):
    """The records the public lists show today (the same rule as the API's list)."""
    return CreditRecord.objects.in_publicity(today or timezone.localdate())


CREDIT_RECORD = row_kind(
    "credit_record",
    "信用记录",
    CreditRecordDocument,
    rows=records_in_publicity,
    present=credit_record_document,
    related=("enterprise", "department"),
    # The document shows the enterprise's name and code: follow a rename.
    follows=(
        Follow(
            "enterprises.Enterprise",
            lambda enterprise: (
                records_in_publicity().filter(enterprise=enterprise).values_list("pk", flat=True)
            ),
        ),
    ),
)
