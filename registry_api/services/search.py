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

from registry_api.services.models import Agency, Consultation
from registry_api.services.selectors import consultation_public_list
from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, district_fields
from search.kind import row_kind
from search.presenters import join_text, near_duplicate_key, row_document


class AgencyDocument(SearchDocument, DistrictFields):
    """An agency in the directory; the document id is the agency id. Its office phone is
    public on the site but not searchable, so it stays out of the index."""

    agency_type = Keyword()  # Agency.Kind; `kind` is the search kind

    Index = index_options("agency")


def agency_document(agency: Agency) -> AgencyDocument:
    district = agency.district
    services = "、".join(agency.service_list)
    return row_document(
        AgencyDocument,
        "agency",
        agency,
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
        date=agency.vetted_on,
        agency_type=agency.kind,
        **district_fields(district),
    )


AGENCY = row_kind(
    "agency",
    "服务机构",
    AgencyDocument,
    rows=lambda: Agency.objects.filter(active=True),
    present=agency_document,
    related=("district",),
)


class ConsultationDocument(SearchDocument):
    """A published Q&A; the document id is the consultation id."""

    channel = Keyword()

    Index = index_options("consultation")


def consultation_document(consultation: Consultation) -> ConsultationDocument:
    return row_document(
        ConsultationDocument,
        "consultation",
        consultation,
        title=consultation.subject,
        body=join_text(f"问：{consultation.question}", f"答：{consultation.answer}"),
        all_text=join_text(
            consultation.subject,
            consultation.get_channel_display(),
            consultation.question,
            consultation.answer,
            consultation.agency.name if consultation.agency else "",
        ),
        date=timezone.localdate(consultation.answered_at or consultation.submitted_at),
        channel=consultation.channel,
        # The same question is asked again and again: the search shows one answer of it.
        collapse_key=near_duplicate_key("consultation", consultation.subject),
    )


CONSULTATION = row_kind(
    "consultation",
    "咨询问答",
    ConsultationDocument,
    rows=consultation_public_list,
    present=consultation_document,
)
