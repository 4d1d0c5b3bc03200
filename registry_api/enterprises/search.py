"""Search kind "enterprise": entries of the enterprise directory (小微企业名录)."""

from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.enterprises.models import Enterprise
from search.documents import INDEX_SETTINGS, SearchDocument
from search.kind import Kind
from search.presenters import join_text, title_pinyin
from search.sources import Source


class EnterpriseDocument(SearchDocument):
    """An entry of the enterprise directory; the document id is the credit code.

    The legal representative is deliberately absent: personal data stays out of the index.
    """

    credit_code = Keyword()
    district_code = Keyword()
    district_name = Keyword()
    entity_type = Keyword()
    status = Keyword()
    scale = Keyword()
    industry = Keyword()

    class Index:
        name = "enterprise"
        settings = INDEX_SETTINGS


def enterprise_document(enterprise: Enterprise) -> EnterpriseDocument:
    """The document of a directory entry; its id is the credit code. No personal data."""
    district = enterprise.district
    return EnterpriseDocument(
        meta={"id": enterprise.credit_code},
        kind="enterprise",
        title=enterprise.name,
        body=enterprise.business_scope,
        all_text=join_text(
            enterprise.name,
            enterprise.credit_code,
            enterprise.business_scope,
            enterprise.address,
            enterprise.industry,
            district.name,
            enterprise.get_entity_type_display(),
        ),
        pinyin=title_pinyin(enterprise.name),
        url=site_url("enterprise", credit_code=enterprise.credit_code),
        date=enterprise.established_on,
        updated_at=enterprise.updated_at,
        credit_code=enterprise.credit_code,
        district_code=district.code,
        district_name=district.name,
        entity_type=enterprise.entity_type,
        status=enterprise.status,
        scale=enterprise.scale,
        industry=enterprise.industry,
    )


ENTERPRISE = Kind(
    name="enterprise",
    label="企业名录",
    document=EnterpriseDocument,
    source=Source(
        kind="enterprise",
        rows=Enterprise.objects.all,
        id_field="credit_code",
        updated_field="updated_at",
        related=("district",),
    ),
    present=enterprise_document,
)
