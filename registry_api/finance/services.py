"""Writes to 融资服务; the admin and the API both go through the models' clean() rules."""

from django.db import models, transaction
from django.utils import timezone

from core.codes import dated_reference
from core.services import model_create, model_full_save, model_update
from registry_api.services.validators import normalise_phone

from .models import TrademarkPledge, TrademarkPledgeConsultation


@transaction.atomic
def record_create(model: type[models.Model], **fields) -> models.Model:
    return model_create(model, **fields)


@transaction.atomic
def record_update(*, record: models.Model, **fields) -> models.Model:
    return model_update(record, **fields)


@transaction.atomic
def record_delete(*, record: models.Model) -> None:
    record.delete()


@transaction.atomic
def trademark_pledge_create(*, trademarks=(), **fields) -> TrademarkPledge:
    pledge = model_create(TrademarkPledge, **fields)
    pledge.trademarks.set(trademarks)
    return pledge


def pledge_consultation_reference_new(when=None) -> str:
    """ZY + submission date + 6 random characters, e.g. ZY20261127K7Q2MD."""
    return dated_reference("ZY", when)


@transaction.atomic
def trademark_pledge_consultation_submit(
    *,
    company_name: str,
    contact_name: str,
    contact_phone: str,
    marks: str,
    amount_wanted=None,
    message: str = "",
    contact_email: str = "",
    submitted_at=None,
    reference: str | None = None,
) -> TrademarkPledgeConsultation:
    """A new request for advice on a trademark-pledge loan, waiting for staff; never public."""
    submitted_at = submitted_at or timezone.now()
    consultation = TrademarkPledgeConsultation(
        reference=reference or pledge_consultation_reference_new(submitted_at),
        company_name=company_name.strip(),
        contact_name=contact_name.strip(),
        contact_phone=normalise_phone(contact_phone),
        contact_email=(contact_email or "").strip(),
        marks=marks.strip(),
        amount_wanted=amount_wanted,
        message=(message or "").strip(),
        submitted_at=submitted_at,
    )
    return model_full_save(consultation)
