"""Search kind "consultation": published Q&A of the consultations and message board.

Only what registry_api/services/selectors.consultation_public_list returns (answered, approved
by staff, the asker agreed) is indexed, and only the fields of the public serializer: never the
asker's name, phone, e-mail, enterprise or tracking code.
"""

from django.utils import timezone
from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.services.models import Consultation
from registry_api.services.selectors import consultation_public_list

from ..documents import INDEX_SETTINGS, SearchDocument
from ..kind import Kind
from ..presenters import join_text, title_pinyin
from ..sources import Source


class ConsultationDocument(SearchDocument):
    """A published Q&A; the document id is the consultation id."""

    channel = Keyword()

    class Index:
        name = "consultation"
        settings = INDEX_SETTINGS


def consultation_document(consultation: Consultation) -> ConsultationDocument:
    return ConsultationDocument(
        meta={"id": str(consultation.pk)},
        kind="consultation",
        title=consultation.subject,
        body=join_text(f"问：{consultation.question}", f"答：{consultation.answer}"),
        all_text=join_text(
            consultation.subject,
            consultation.get_channel_display(),
            consultation.question,
            consultation.answer,
        ),
        pinyin=title_pinyin(consultation.subject),
        url=site_url("consultation", id=consultation.pk),
        date=timezone.localdate(consultation.answered_at or consultation.submitted_at),
        updated_at=consultation.updated_at,
        channel=consultation.channel,
    )


KIND = Kind(
    name="consultation",
    label="咨询问答",
    document=ConsultationDocument,
    source=Source(
        kind="consultation",
        rows=consultation_public_list,
        id_field="pk",
        updated_field="updated_at",
    ),
    present=consultation_document,
)
