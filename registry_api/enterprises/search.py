"""Search kind "enterprise": entries of the enterprise directory (小微企业名录)."""

from elasticsearch.dsl import Keyword

from registry_api.enterprises.models import Enterprise
from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, district_fields
from search.kind import row_kind
from search.presenters import join_text, row_document


class EnterpriseDocument(SearchDocument, DistrictFields):
    """An entry of the enterprise directory; the document id is the credit code.

    The legal representative is deliberately absent: personal data stays out of the index.
    """

    credit_code = Keyword()
    entity_type = Keyword()
    status = Keyword()
    scale = Keyword()
    industry = Keyword()

    Index = index_options("enterprise")


def enterprise_document(enterprise: Enterprise) -> EnterpriseDocument:
    """The document of a directory entry; its id is the credit code. No personal data."""
    district = enterprise.district
    return row_document(
        EnterpriseDocument,
        "enterprise",
        enterprise,
        doc_id=enterprise.credit_code,
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
        url={"credit_code": enterprise.credit_code},
        date=enterprise.established_on,
        credit_code=enterprise.credit_code,
        **district_fields(district),
        entity_type=enterprise.entity_type,
        status=enterprise.status,
        scale=enterprise.scale,
        industry=enterprise.industry,
    )


ENTERPRISE = row_kind(
    "enterprise",
    "企业名录",
    EnterpriseDocument,
    rows=Enterprise.objects.all,
    present=enterprise_document,
    id_field="credit_code",
    related=("district",),
)
