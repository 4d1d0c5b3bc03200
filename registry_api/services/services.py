"""Writes of the services registry: agencies, and a consultation's submit → answer → publish."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.codes import dated_reference
from core.services import model_assign, model_create, model_full_save, model_update

from .models import Agency, Consultation
from .validators import normalise_phone


def tracking_code_new(when=None) -> str:
    """ZX + submission date + 6 random characters, e.g. ZX20261127K7Q2MD."""
    return dated_reference("ZX", when)


@transaction.atomic
def agency_create(**fields) -> Agency:
    return model_create(Agency, **fields)


@transaction.atomic
def agency_update(*, agency: Agency, **fields) -> Agency:
    return model_update(agency, **fields)


@transaction.atomic
def consultation_submit(
    *,
    channel: str,
    asker_name: str,
    asker_phone: str,
    subject: str,
    question: str,
    asker_email: str = "",
    enterprise_name: str = "",
    public: bool = True,
    agency: Agency | None = None,
    submitted_at=None,
    tracking_code: str | None = None,
) -> Consultation:
    """A new question, waiting for staff (待审核); nothing of it is public yet."""
    submitted_at = submitted_at or timezone.now()
    consultation = Consultation(
        tracking_code=tracking_code or tracking_code_new(submitted_at),
        channel=channel,
        asker_name=asker_name.strip(),
        asker_phone=normalise_phone(asker_phone),
        asker_email=(asker_email or "").strip(),
        enterprise_name=(enterprise_name or "").strip(),
        subject=subject.strip(),
        question=question.strip(),
        public=public,
        agency=agency,
        submitted_at=submitted_at,
        status=Consultation.Status.PENDING,
    )
    return model_full_save(consultation)


@transaction.atomic
def consultation_answer(
    *, consultation: Consultation, answer: str, answered_by=None, answered_at=None
) -> Consultation:
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": "答复内容不能为空。"})
    consultation.answer = answer
    consultation.answered_by = answered_by
    consultation.answered_at = answered_at or timezone.now()
    return model_full_save(consultation)


@transaction.atomic
def consultation_review(*, consultation: Consultation, reviewer=None, **fields) -> Consultation:
    """Staff's edit in the admin, in one save: the text tidied, the answer, the status (the
    model's rules for 已公开 apply). The first to save an answer is recorded as its author."""
    model_assign(consultation, fields)
    consultation.answer = (consultation.answer or "").strip()
    if consultation.answer and consultation.answered_at is None:
        consultation.answered_by = reviewer
        consultation.answered_at = timezone.now()
    return model_full_save(consultation)


@transaction.atomic
def consultation_publish(*, consultation: Consultation, publish: bool = True) -> Consultation:
    """已公开 needs an answer and the asker's consent; 不公开 withholds the Q&A."""
    if publish:
        if not consultation.is_answered:
            raise ValidationError({"status": "尚未答复的咨询不能公开。"})
        if not consultation.public:
            raise ValidationError({"status": "咨询人未同意公开，不能公开。"})
        consultation.status = Consultation.Status.PUBLISHED
    else:
        consultation.status = Consultation.Status.WITHHELD
    return model_full_save(consultation)
