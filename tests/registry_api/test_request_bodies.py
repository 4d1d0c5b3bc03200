"""Request bodies every write endpoint refuses the same way, read from the OpenAPI schema: a
JSON body that is not an object, and text with NUL or a lone surrogate (400, field errors in
Chinese); throttles and views never see them. The credit-record import keeps its own formats."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import resolve
from rest_framework.test import APIClient

from core.parsers import CheckedFormParser, CheckedMultiPartParser, JSONObjectParser
from core.text import NUL_MESSAGE, SURROGATE_MESSAGE
from registry_api.credit.models import Department
from registry_api.credit.reference_data import load_credit_reference
from registry_api.partners import services as partner_services
from tests.factories import EnterpriseFactory
from tests.partners.conftest import key_client, record_row
from tests.registry_api.callers import EveryDoorClient
from tests.registry_api.schema_operations import (
    WRITE_METHODS,
    api_operations,
    plain_string_fields,
    request_schema,
)

pytestmark = pytest.mark.django_db

WRITES = api_operations(*WRITE_METHODS)
JSON_WRITES = [
    (path, method, operation)
    for path, method, operation in WRITES
    if "application/json" in operation.get("requestBody", {}).get("content", {})
]
# Where a real object stands in for the path parameter; other parameterised writes are
# checked through their views' parsers (test_every_write_parses_json_with_the_object_parser).
PARAMETERS = {"{credit_code}": "enterprise"}
CHECKING_PARSERS = {
    "application/json": JSONObjectParser,
    "application/x-www-form-urlencoded": CheckedFormParser,
    "multipart/form-data": CheckedMultiPartParser,
}
NOT_OBJECTS = ["[1]", "[]", '"x"', "1", "1.5", "true", "null"]
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _reachable(path: str) -> bool:
    return all(name in PARAMETERS for name in re.findall(r"{[^}]+}", path))


def _id(entry) -> str:
    return f"{entry[1].upper()} {entry[0]}"


REACHABLE_JSON_WRITES = [w for w in JSON_WRITES if _reachable(w[0])]
TEXT_FIELDS = [
    (path, method, name)
    for path, method, operation in REACHABLE_JSON_WRITES
    for name in plain_string_fields(request_schema(operation, "application/json"))
]
FORM_TEXT_FIELDS = [
    (path, method, media_type, name)
    for path, method, operation in WRITES
    if _reachable(path)
    for media_type in FORM_TYPES
    if media_type in operation.get("requestBody", {}).get("content", {})
    for name in plain_string_fields(request_schema(operation, media_type))[:3]
]


@pytest.fixture(autouse=True)
def no_throttle_history():
    """The complaint and consultation throttles count in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff():
    """A superuser (a partner key at partner-only doors): permissions never stand before
    the check."""
    return EveryDoorClient()


@pytest.fixture
def url(districts):
    enterprise = EnterpriseFactory(district=districts[0])

    def fill(path: str) -> str:
        return path.replace("{credit_code}", enterprise.credit_code)

    return fill


def send(client, method: str, path: str, body: str, content_type="application/json"):
    return client.generic(method.upper(), path, body.encode(), content_type=content_type)


def field_errors(response) -> dict:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    return error["fields"]


def test_the_schema_lists_the_write_endpoints():
    assert ("/api/v1/complaints/", "post") in [(p, m) for p, m, _ in REACHABLE_JSON_WRITES]
    assert len(TEXT_FIELDS) > len(REACHABLE_JSON_WRITES)


@pytest.mark.parametrize(("path", "method", "operation"), WRITES, ids=map(_id, WRITES))
def test_every_write_parses_its_bodies_with_the_checking_parsers(path, method, operation):
    """Each JSON or form body an operation takes is read by our parser, whatever the view."""
    match = resolve(re.sub(r"{[^}]+}", "1", path))
    parsers = match.func.cls(**match.func.initkwargs).get_parsers()
    for media_type in operation.get("requestBody", {}).get("content", {}):
        parser = next(p for p in parsers if p.media_type == media_type)
        if media_type in CHECKING_PARSERS:
            assert isinstance(parser, CHECKING_PARSERS[media_type]), (media_type, parser)


@pytest.mark.parametrize(
    ("path", "method", "operation"), REACHABLE_JSON_WRITES, ids=map(_id, REACHABLE_JSON_WRITES)
)
@pytest.mark.parametrize("body", NOT_OBJECTS)
def test_a_json_body_that_is_not_an_object_is_a_400(staff, url, path, method, operation, body):
    fields = field_errors(send(staff, method, url(path), body))
    assert fields == {"_": [fields["_"][0]]} and "请求体应为 JSON 对象" in fields["_"][0]


@pytest.mark.parametrize(("path", "method", "name"), TEXT_FIELDS)
@pytest.mark.parametrize(
    ("text", "message"),
    [("a\x00b", NUL_MESSAGE), ("\ud800", SURROGATE_MESSAGE)],
    ids=["NUL", "lone surrogate"],
)
def test_nul_or_a_lone_surrogate_in_json_text_is_a_field_error(
    staff, url, path, method, name, text, message
):
    fields = field_errors(send(staff, method, url(path), json.dumps({name: text})))
    assert fields[name] == [message]


@pytest.mark.parametrize(("path", "method", "media_type", "name"), FORM_TEXT_FIELDS)
def test_nul_in_a_form_field_is_a_field_error_naming_it(staff, url, path, method, media_type, name):
    """%00 in a form post: refused by the parser too, even where the field is a lookup."""
    if media_type == "multipart/form-data":
        response = getattr(staff, method)(url(path), {name: "a\x00b"}, format="multipart")
    else:
        response = send(staff, method, url(path), f"{name}=a%00b", content_type=media_type)
    assert field_errors(response) == {name: [NUL_MESSAGE]}


def test_nested_text_and_field_names_are_checked_too(staff):
    body = json.dumps({"values": {"甲方": ["ok", "a\x00"], "乙方\ud800": "x"}})
    fields = field_errors(send(staff, "post", "/api/v1/complaints/", body))
    assert fields["values.甲方.1"] == [NUL_MESSAGE]
    assert fields["values.乙方\ufffd"] == [f"字段名{SURROGATE_MESSAGE}"]


def test_a_complaint_posted_as_a_list_is_a_400_not_a_500():
    """The per-phone throttle read request.data.get before any view code ran."""
    response = send(APIClient(), "post", "/api/v1/complaints/", "[1]")
    assert field_errors(response) == {"_": ["请求体应为 JSON 对象（{…}），不能是数组。"]}


class TestCreditRecordImport:
    """JSON Lines and CSV, not JSON objects: the import keeps its own parsers and checks each
    row for NUL and lone surrogates itself (a surrogate there was a 500)."""

    IMPORT = "/api/v1/credit-records/import/?dry_run=1"

    @pytest.fixture
    def court(self, db):
        load_credit_reference()
        _key, plain = partner_services.key_issue(
            department=Department.objects.get(code="court"),
            name="court 测试接口",
            scopes=["credit_records:write"],
        )
        return key_client(plain)

    def post(self, client, body: str, content_type="application/x-ndjson"):
        return client.generic("POST", self.IMPORT, body.encode(), content_type=content_type)

    def test_json_lines_still_import(self, court, districts):
        row = record_row(EnterpriseFactory(district=districts[0]), "（2026）内0402执1号")
        response = self.post(court, json.dumps(row, ensure_ascii=False))
        assert response.status_code == 200, response.content
        assert response.json()["report"]["counts"]["created"] == 1

    def test_a_lone_surrogate_or_nul_in_a_row_is_a_row_error(self, court, districts):
        enterprise = EnterpriseFactory(district=districts[0])
        rows = [
            json.dumps(record_row(enterprise, "d1", facts="\ud800")),
            json.dumps(record_row(enterprise, "d2", outcome="a\x00b")),
            json.dumps({**record_row(enterprise, "d3"), "备注\udfff": "x"}),
        ]
        response = self.post(court, "\n".join(rows))
        assert response.status_code == 400, response.content  # all or nothing: none written
        assert response.json()["error"]["code"] == "import_rejected"
        errors = {(e["row"], e["field"]): e["message"] for e in response.json()["report"]["errors"]}
        assert errors == {
            (1, "facts"): SURROGATE_MESSAGE,
            (2, "outcome"): NUL_MESSAGE,
            (3, "备注\ufffd"): SURROGATE_MESSAGE,
        }

    def test_nul_in_a_csv_cell_is_a_row_error(self, court, districts):
        row = record_row(EnterpriseFactory(district=districts[0]), "d1", facts="a\x00b")
        body = ",".join(row) + "\n" + ",".join(row.values())
        response = self.post(court, body, content_type="text/csv")
        errors = response.json()["report"]["errors"]
        assert errors == [{"row": 1, "field": "facts", "message": NUL_MESSAGE}]


@pytest.mark.parametrize("path", ["/api/v1/idle-marks/", "/api/v1/credit-records/"])
def test_nul_in_a_text_filter_gets_our_message_not_drfs(staff, path):
    """Query strings are checked by the filters' own fields (Django's NUL validator), whose
    Chinese message said the value was empty; the error format answers with ours."""
    name = "q" if "idle" in path else "enterprise"
    response = staff.get(path, {name: "a\x00b"})
    assert field_errors(response) == {name: [NUL_MESSAGE]}
