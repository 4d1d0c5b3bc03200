"""What the kinds share by declaration: an index each, field groups, the registry row's document."""

import datetime
from types import SimpleNamespace

from core.site_urls import site_url
from registry_api.credit.search import CreditRecordDocument
from registry_api.enterprises.search import ENTERPRISE, EnterpriseDocument
from registry_api.finance.search import EquityPledgeDocument
from registry_api.services.search import AgencyDocument, ConsultationDocument
from search.fields import DistrictFields, EnterpriseFields, district_fields, enterprise_fields
from search.presenters import row_document, title_pinyin
from search.registry import registry


def test_every_kind_has_an_index_of_its_own_holding_only_its_mapping():
    """A Document without an Index of its own would share its base's, mappings merged."""
    kinds = list(registry().values())
    assert len({id(kind.document._index) for kind in kinds}) == len(kinds)
    for kind in kinds:
        mappings = kind.document._index.to_dict()["mappings"]
        assert mappings == kind.document._doc_type.mapping.to_dict(), kind.name


def test_a_field_group_maps_the_same_in_every_document_that_lists_it():
    for group, documents in (
        (DistrictFields, (EnterpriseDocument, AgencyDocument)),
        (EnterpriseFields, (CreditRecordDocument, EquityPledgeDocument)),
    ):
        declared = group._doc_type.mapping.to_dict()["properties"]
        for document in documents:
            properties = document._doc_type.mapping.to_dict()["properties"]
            assert {name: properties[name] for name in declared} == declared


def test_a_field_group_is_filled_from_its_row():
    district = SimpleNamespace(code="150402001", name="西屯街道")
    enterprise = SimpleNamespace(credit_code="91150402MA0000000X", name="赤峰红山商贸有限公司")
    assert district_fields(district) == {"district_code": "150402001", "district_name": "西屯街道"}
    assert enterprise_fields(enterprise) == {
        "credit_code": "91150402MA0000000X",
        "enterprise_name": "赤峰红山商贸有限公司",
    }


def test_a_row_document_is_identified_linked_and_dated_by_its_row():
    changed = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)
    row = SimpleNamespace(pk=7, updated_at=changed)
    document = row_document(
        ConsultationDocument, "consultation", row, title="红山", body="", all_text="", date=None
    )
    assert document.meta.id == "7"
    assert document.kind == "consultation"
    assert document.url == site_url("consultation", id=7)
    assert document.pinyin.to_dict() == title_pinyin("红山")
    assert document.updated_at == changed


def test_a_row_kind_reads_its_rows_by_their_change_time():
    source = ENTERPRISE.source
    assert (source.kind, source.id_field, source.updated_field) == (
        "enterprise",
        "credit_code",
        "updated_at",
    )
    assert source.related == ("district",)
