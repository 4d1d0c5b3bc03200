"""Writes to 融资服务; the admin and the API both go through the models' clean() rules."""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from rest_framework.exceptions import NotFound

from core.codes import dated_reference
from core.errors import Conflict
from core.services import model_assign, model_create, model_full_save, model_update
from registry_api.enterprises.models import Enterprise
from registry_api.services.validators import normalise_phone

from .models import (
    FinancingAnswer,
    FinancingNeed,
    LoanProduct,
    TrademarkPledge,
    TrademarkPledgeConsultation,
)

NEED_KEY_REUSED = (
    "该幂等键（Idempotency-Key）已用于另一份内容不同的融资需求，请为新的提交生成新的键。"
)
NEED_CLOSED = "该融资需求已{status}，不再接受银行答复。"
ANSWER_EXISTS = (
    "本行已答复过该融资需求（每家银行对每条需求答复一次）；如需更正，请用 PATCH 修改本行的答复。"
)
NO_ANSWER_YET = "本行尚未答复该融资需求。"


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


@dataclass(frozen=True)
class NeedSubmission:
    need: FinancingNeed
    created: bool  # False: a retry under the same Idempotency-Key, answered as the first


def financing_need_reference_new(when=None) -> str:
    """RZ + submission date + 6 random characters, e.g. RZ20261204K7Q2MD (融资)."""
    return dated_reference("RZ", when)


def _need_digest(fields: dict) -> str:
    """The content a retry under the same key must repeat (the enterprise by its key)."""
    content = {name: str(getattr(value, "pk", value)) for name, value in fields.items()}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _need_under_key(key: str, digest: str) -> NeedSubmission | None:
    stored = FinancingNeed.objects.filter(idempotency_key=key).first() if key else None
    if stored is None:
        return None
    if stored.payload_digest != digest:
        raise Conflict(NEED_KEY_REUSED)
    return NeedSubmission(stored, False)


def financing_need_submit(
    *,
    enterprise: Enterprise,
    amount,
    term_months: int,
    purpose: str,
    collateral_offered: str,
    contact_name: str,
    contact_phone: str,
    submitted_at=None,
    reference: str | None = None,
    idempotency_key: str = "",
) -> NeedSubmission:
    """An enterprise's need sent from the site: stored as 待审核, public only once staff
    approve it (`financing_need_review`); the contact never leaves the admin."""
    fields = {
        "enterprise": enterprise,
        "amount": amount,
        "term_months": term_months,
        "purpose": purpose.strip(),
        "collateral_offered": collateral_offered,
        "contact_name": contact_name.strip(),
        "contact_phone": normalise_phone(contact_phone),
    }
    digest = _need_digest(fields)
    if (retry := _need_under_key(idempotency_key, digest)) is not None:
        return retry
    submitted_at = submitted_at or timezone.now()
    need = FinancingNeed(
        **fields,
        status=FinancingNeed.Status.PENDING,
        published_on=timezone.localdate(submitted_at),  # set again on approval
        reference=reference or financing_need_reference_new(submitted_at),
        submitted_at=submitted_at,
        idempotency_key=idempotency_key or None,
        payload_digest=digest,
    )
    try:
        with transaction.atomic():
            model_full_save(need)
    except (ValidationError, IntegrityError):
        # Two copies under one key raced: the second finds the first one's key taken.
        if (retry := _need_under_key(idempotency_key, digest)) is not None:
            return retry
        raise
    return NeedSubmission(need, True)


@transaction.atomic
def financing_need_review(*, need: FinancingNeed, **fields) -> FinancingNeed:
    """Staff's edit in the admin: the status (a public one approves a 待审核 need, dated
    that day; the model refuses to publish a purpose holding a phone or ID number), the
    purpose tidied, the note."""
    was_pending = FinancingNeed.objects.filter(
        pk=need.pk, status=FinancingNeed.Status.PENDING
    ).exists()
    model_assign(need, fields)
    if was_pending and need.is_public:
        need.published_on = timezone.localdate()
    return model_full_save(need)


@transaction.atomic
def loan_product_save_for_bank(
    *, bank: str, product: LoanProduct | None = None, **fields
) -> LoanProduct:
    """A bank's own product, created or changed with its key: the bank is the key's."""
    if product is None:
        return model_create(LoanProduct, **{**fields, "bank": bank})
    return model_update(product, **{**fields, "bank": bank})


@transaction.atomic
def financing_answer_submit(
    *, need: FinancingNeed, bank: str, text: str, product: LoanProduct | None = None
) -> FinancingAnswer:
    """A bank's answer to a public need, shown on the need's page at once (staff may hide
    it); one per bank and need. A need no longer 征集中 or 已对接 takes no answer (409).
    The first answer moves a 征集中 need to 已对接: the enterprise sees a bank has answered."""
    need = FinancingNeed.objects.select_for_update().get(pk=need.pk)
    if need.status not in FinancingNeed.ANSWERABLE_STATUSES:
        raise Conflict(NEED_CLOSED.format(status=need.get_status_display()))
    if FinancingAnswer.objects.filter(need=need, bank=bank).exists():
        raise Conflict(ANSWER_EXISTS)
    answer = FinancingAnswer(
        need=need,
        bank=bank,
        product=product,
        text=(text or "").strip(),
        answered_at=timezone.now(),
    )
    model_full_save(answer)
    if need.status == FinancingNeed.Status.OPEN:
        model_update(need, status=FinancingNeed.Status.CONNECTED)
    return answer


def _own_answer(need: FinancingNeed, bank: str) -> FinancingAnswer:
    """The bank's answer to the need, its row locked, while the need still takes answers."""
    need = FinancingNeed.objects.select_for_update().get(pk=need.pk)
    if need.status not in FinancingNeed.ANSWERABLE_STATUSES:
        raise Conflict(NEED_CLOSED.format(status=need.get_status_display()))
    answer = FinancingAnswer.objects.select_for_update().filter(need=need, bank=bank).first()
    if answer is None:
        raise NotFound(NO_ANSWER_YET)
    return answer


@transaction.atomic
def financing_answer_edit(*, need: FinancingNeed, bank: str, **fields) -> FinancingAnswer:
    """The bank corrects its own answer (text, recommended product) while the need takes
    answers. The first answer's time stays; staff's 显示状态 stays theirs: a hidden answer
    edited stays hidden until they show it again."""
    answer = _own_answer(need, bank)
    allowed = {k: v for k, v in fields.items() if k in {"text", "product"}}
    if "text" in allowed:
        allowed["text"] = (allowed["text"] or "").strip()
    return model_update(answer, **allowed)


@transaction.atomic
def financing_answer_withdraw(*, need: FinancingNeed, bank: str) -> None:
    """The bank takes its answer back; it may answer the need again afterwards. The need's
    last answer withdrawn, an 已对接 need is 征集中 again."""
    answer = _own_answer(need, bank)
    answer.delete()
    need = answer.need
    if need.status == FinancingNeed.Status.CONNECTED and not need.answers.exists():
        model_update(need, status=FinancingNeed.Status.OPEN)


@transaction.atomic
def financing_answer_moderate(*, answer: FinancingAnswer, **fields) -> FinancingAnswer:
    """Staff show or hide an answer (显示状态) and keep a note; the bank's text stays its own."""
    allowed = {"status", "staff_note"}
    return model_update(answer, **{k: v for k, v in fields.items() if k in allowed})
