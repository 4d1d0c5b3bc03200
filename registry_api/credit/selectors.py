"""Reads of the credit registry: public records, an enterprise's timeline and its standing."""

import datetime

from django.db.models import QuerySet

from .models import Category, CreditRecord, Department

DISHONEST = [Category.SERIOUS, Category.DISHONEST_DEBTOR, Category.MAJOR_TAX]
WATCH = [Category.PENALTY, Category.ABNORMAL]


def _today(today: datetime.date | None) -> datetime.date:
    return today or datetime.date.today()


def department_list() -> QuerySet[Department]:
    return Department.objects.all()


def record_list() -> QuerySet[CreditRecord]:
    return CreditRecord.objects.select_related("enterprise", "department")


def public_record_list(today: datetime.date | None = None) -> QuerySet[CreditRecord]:
    """Records in publicity on `today` (a record leaves the list on its publicity end day)."""
    return record_list().in_publicity(_today(today))


def enterprise_public_records(enterprise, today: datetime.date | None = None):
    return public_record_list(today).filter(enterprise=enterprise).order_by("-decision_date", "-id")


def credit_standing(enterprise, today: datetime.date | None = None) -> dict:
    """{"level": "良好" | "关注" | "失信", "active_records": int} from the records in publicity."""
    categories = list(
        CreditRecord.objects.in_publicity(_today(today))
        .filter(enterprise=enterprise)
        .values_list("category", flat=True)
    )
    if any(category in DISHONEST for category in categories):
        level = "失信"
    elif any(category in WATCH for category in categories):
        level = "关注"
    else:
        level = "良好"
    return {"level": level, "active_records": len(categories)}
