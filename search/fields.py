"""Field groups that several kinds' Documents share, each with the function that fills it.

A group is declared once here, so a field name means the same in every index that has it
(the shared fields of every kind are in search/documents.py). A Document takes a group by
listing it after its Document base, `class AgencyDocument(SearchDocument, DistrictFields)`,
and its presenter fills it with `**district_fields(agency.district)`.

A group is an `InnerDoc` only because elasticsearch.dsl copies the fields of a base class
into a Document's mapping when that base has a mapping of its own; it is never an object
field. Listed after the Document base, it adds fields and nothing else.
"""

from elasticsearch.dsl import InnerDoc, Keyword


class DistrictFields(InnerDoc):
    """The 街镇 a row belongs to: its code and name in the district vocabulary."""

    district_code = Keyword()
    district_name = Keyword()


def district_fields(district) -> dict[str, str]:
    """The values of DistrictFields for a District."""
    return {"district_code": district.code, "district_name": district.name}


class EnterpriseFields(InnerDoc):
    """The enterprise a record is about (a credit record, a pledge): its code and its name."""

    credit_code = Keyword()
    enterprise_name = Keyword()


def enterprise_fields(enterprise) -> dict[str, str]:
    """The values of EnterpriseFields for an Enterprise."""
    return {"credit_code": enterprise.credit_code, "enterprise_name": enterprise.name}
