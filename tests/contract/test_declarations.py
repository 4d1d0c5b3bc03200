"""What the schema declares about the constraints the server enforces: codes of related rows
as enums from the reference data, a public form's phone and honeypot, decimals with a digit,
and a schema that generates without drf-spectacular's warnings."""

import json
import re

import pytest
from django.core.management import call_command

from registry_api.credit.filters import department_codes
from registry_api.network.reference_data import COMMUNITIES_CSV, STATIONS_CSV, read_rows
from registry_api.services.validators import CONTACT_PHONE_PATTERN

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker, tmp_path_factory) -> dict:
    """The schema as `manage.py spectacular --validate --fail-on-warn` writes it: generating
    fails on any warning (an enum named by a hash, an unresolvable field)."""
    path = tmp_path_factory.mktemp("schema") / "schema.json"
    with django_db_blocker.unblock():
        call_command(
            "spectacular", "--validate", "--fail-on-warn", "--format=openapi-json", f"--file={path}"
        )
    return json.loads(path.read_text())


def parameter(schema, path, name) -> dict:
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)


def body(schema, path) -> dict:
    reference = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    return schema["components"]["schemas"][reference["schema"]["$ref"].rsplit("/", 1)[1]]


def test_choice_sets_sharing_a_field_name_have_a_name_each(schema):
    names = set(schema["components"]["schemas"])
    assert {"ComplaintKindEnum", "CreditCategoryEnum", "EnterpriseStatusEnum"} <= names
    assert not [name for name in names if re.fullmatch(r"\w+[0-9a-f]{3}Enum", name)]
    assert "CollateralOfferedEnum" not in names  # one name for the one choice set


@pytest.mark.parametrize(
    ("path", "name", "codes"),
    [
        ("/api/v1/credit-records/", "department", department_codes()),
        ("/api/v1/food-stall-cards/", "station", [r["code"] for r in read_rows(STATIONS_CSV)]),
        ("/api/v1/stations/", "community", [r["code"] for r in read_rows(COMMUNITIES_CSV)]),
    ],
)
def test_a_filter_by_a_related_rows_code_lists_the_reference_codes(schema, path, name, codes):
    declared = parameter(schema, path, name)["schema"]  # drf-spectacular sorts an enum
    assert codes and declared == {"type": "string", "enum": sorted(codes)}


@pytest.mark.parametrize(
    ("path", "phone"),
    [
        ("/api/v1/consultations/", "phone"),
        ("/api/v1/trademark-pledges/consultations/", "phone"),
        ("/api/v1/credit-repair-applications/", "contact_phone"),
    ],
)
def test_public_forms_declare_their_required_texts_and_phone_rule(schema, path, phone):
    form = body(schema, path)
    for name in form["required"]:
        field = form["properties"][name]
        if field.get("type") == "string":
            assert field["minLength"] == 1, (path, name)
    pattern = form["properties"][phone]["pattern"]
    assert re.search(pattern, "0476-8888888") and not re.search(pattern, "0")
    if phone == "phone":
        assert pattern == CONTACT_PHONE_PATTERN
    honeypot = form["properties"].get("website")
    if honeypot:
        assert honeypot["oneOf"][0]["pattern"] == r"^\s*$"


def test_a_decimal_needs_a_digit(schema):
    amount = body(schema, "/api/v1/trademark-pledges/consultations/")["properties"]
    pattern = amount["amount_wanted"]["pattern"]  # at least 0.01
    assert [v for v in (".", "-1", "0", "0.00", "0.01", "5.", ".5") if re.search(pattern, v)] == [
        "0.01",
        "5.",
        ".5",
    ]
