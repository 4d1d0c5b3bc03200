"""Search kind "agency": vetted HR agencies and legal service firms (人力资源, 法律服务),
linking to the agency's entry in the directory page."""

from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.services.models import Agency

from ..documents import INDEX_SETTINGS, SearchDocument
from ..kind import Kind
from ..presenters import join_text, title_pinyin
from ..sources import Source


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


KIND = Kind(
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
