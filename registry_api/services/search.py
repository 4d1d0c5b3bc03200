"""Search kinds of the services registry: agencies and published consultations.

Search kind "agency": vetted HR agencies and legal service firms (人力资源, 法律服务),
linking to the agency's entry in the directory page.

Search kind "consultation": published Q&A of the consultations and message board.

Only what registry_api/services/selectors.consultation_public_list returns (answered, approved
by staff, the asker agreed) is indexed, and only the fields of the public serializer: never the
asker's name, phone, e-mail, enterprise or tracking code.
"""

from django.utils import timezone
from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.services.models import Agency, Consultation
from registry_api.services.selectors import consultation_public_list
from search.documents import INDEX_SETTINGS, SearchDocument
from search.kind import Kind
from search.presenters import join_text, title_pinyin
from search.sources import Source


class AgencyDocument(SearchDocument):
    """An agency in the directory; the document id is the agency id. Its office phone is
    public on the site but not searchable, so it stays out of the index."""

    agency_type = Keyword()  # Agency.Kind; `kind` is the search kind
    district_code = Keyword()
    district_name = Keyword()

    class Index:
        name = "agency"
        settings = INDEX_SETTINGS


def agency_document(agency: Agency) -> AgencyDocument:
    district = agency.district
    services = "、".join(agency.service_list)
    return AgencyDocument(
        meta={"id": str(agency.pk)},
        kind="agency",
        title=agency.name,
        body=join_text(agency.get_kind_display(), f"服务项目：{services}" if services else ""),
        all_text=join_text(
            agency.name,
            agency.get_kind_display(),
            agency.qualification,
            services,
            district.name,
            agency.address,
        ),
        pinyin=title_pinyin(agency.name),
        url=site_url("agency", id=agency.pk),
        date=agency.vetted_on,
        updated_at=agency.updated_at,
        agency_type=agency.kind,
        district_code=district.code,
        district_name=district.name,
    )


AGENCY = Kind(
    name="agency",
    label="服务机构",
    document=AgencyDocument,
    source=Source(
        kind="agency",
        rows=lambda: Agency.objects.filter(active=True),
        id_field="pk",
        updated_field="updated_at",
        related=("district",),
    ),
    present=agency_document,
)


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


CONSULTATION = Kind(
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
