"""The trademark API against the real database and search engine: filters, pinyin search with
facets, the similarity check, masking of natural-person owners, Chinese field errors."""

import pytest

from tests.trademarks.conftest import PERSON_OWNER

pytestmark = pytest.mark.django_db

LIST = "/api/v1/trademarks/"
SIMILAR = "/api/v1/trademarks/similar/"


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_filters_by_class_status_recognition_owner_and_district(api, library):
    assert set(names(api.get(LIST, {"class": 29}))) == {"红山", "洪三", "蓝天", "红山湖"}
    assert names(api.get(LIST, {"status": "applying"})) == ["红山湖"]
    assert names(api.get(LIST, {"recognition": "well_known"})) == ["蓝天"]
    assert names(api.get(LIST, {"owner": library["winery"].credit_code})) == ["宏山"]
    assert names(api.get(LIST, {"district": "150402001"})) == ["红山"]
    assert names(api.get(LIST, {"applied_after": "2025-01-01"})) == ["红山湖"]


def test_detail_links_the_local_owner_and_counts_down_to_renewal(api, library):
    body = api.get(f"{LIST}{library['hongshan'].pk}/").json()
    assert body["owner"]["url"] == f"/enterprises/{library['dairy'].credit_code}/"
    assert body["owner_name"] == "赤峰红山乳业有限公司"
    assert [c["number"] for c in body["classes"]] == [29, 32]
    assert body["expires_on"] == "2026-02-07"
    assert body["renewal"]["grace_until"] == "2026-08-07"


def test_natural_person_owner_is_masked_everywhere(api, library):
    person = library["person"]
    detail = api.get(f"{LIST}{person.pk}/").json()
    assert detail["owner_name"] == "欧**霞"
    for response in (api.get(LIST), api.get(LIST, {"format": "csv"})):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PERSON_OWNER.encode() not in body


def test_bad_filters_get_chinese_field_errors(api, library):
    response = api.get(LIST, {"class": 46, "applied_after": "昨天"})
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert set(fields) == {"class", "applied_after"}


@pytest.mark.engine
@pytest.mark.parametrize("query", ["hongshan", "hs", "红山"])
def test_pinyin_and_initials_find_hongshan(api, indexed, query):
    response = api.get(LIST, {"q": query})
    found = names(response)
    assert "红山" in found and "红山湖" in found
    assert "蓝天" not in found
    body = response.json()
    classes = {f["value"]: f["count"] for f in body["facets"]["classes"]}
    assert classes[29] >= 2
    assert {f["value"] for f in body["facets"]["status"]} >= {"registered", "applying"}


@pytest.mark.engine
def test_search_applies_the_filters(api, indexed):
    assert names(api.get(LIST, {"q": "hongshan", "status": "applying"})) == ["红山湖"]
    assert names(api.get(LIST, {"q": "10000004"})) == ["蓝天"]
    response = api.get(LIST, {"q": "hs", "class": "x"})
    assert response.status_code == 400
    assert "class" in response.json()["error"]["fields"]


@pytest.mark.engine
def test_search_refuses_bad_filters_with_the_list_s_field_errors(api, indexed):
    """The `?q=` search validates with the list's filter form (built once, filters.py)."""
    params = {"class": 46, "applied_after": "昨天", "status": "lost"}
    listed = api.get(LIST, params)
    searched = api.get(LIST, {"q": "hongshan", **params})
    assert searched.status_code == listed.status_code == 400
    assert searched.json()["error"]["fields"] == listed.json()["error"]["fields"]
    again = api.get(LIST, {"q": "hongshan", "class": 29})  # the shared form keeps no state
    assert set(names(again)) == {"红山", "红山湖"}


@pytest.mark.engine
def test_search_and_similar_show_a_mark_as_its_detail_does(api, indexed, library):
    """Search results and similarity results carry the same shape and labels as the detail
    (choice labels are read by ChoiceLabelField, hit ids from the raw answer, in order)."""
    pending = library["pending"]
    event = pending.events.create(kind="renewal", happened_on=pending.applied_on)
    detail = api.get(f"{LIST}{pending.pk}/").json()
    assert detail["status_display"] == pending.get_status_display()
    assert detail["mark_type_display"] == pending.get_mark_type_display()
    assert detail["events"][0]["kind_display"] == event.get_kind_display()
    searched = api.get(LIST, {"q": "红山湖"}).json()["results"]
    assert searched[0] == detail
    similar = api.post(SIMILAR, {"name": "红山湖"}, format="json").json()["results"]
    assert similar[0]["trademark"] == detail
    assert [r["score"] for r in similar] == sorted((r["score"] for r in similar), reverse=True)


@pytest.mark.engine
def test_homophone_ranks_above_unrelated_marks(api, indexed):
    response = api.post(SIMILAR, {"name": "鸿山", "classes": []}, format="json")
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    ranked = [r["trademark"]["name"] for r in results]
    assert ranked[:2] == ["宏山", "红山"] or ranked[:2] == ["红山", "宏山"]
    assert results[0]["reasons"][0] == "读音相同"
    assert ranked.index("洪三") > 1
    assert "蓝天" not in ranked  # shares nothing, written or spoken


@pytest.mark.engine
def test_similar_restricted_to_classes_and_masks_owners(api, indexed):
    response = api.post(SIMILAR, {"name": "红山", "classes": [33]}, format="json")
    results = response.json()["results"]
    assert [r["trademark"]["name"] for r in results] == ["宏山"]
    assert results[0]["score"] == 0.9
    response = api.post(SIMILAR, {"name": "草原明珠"}, format="json")
    assert response.json()["results"][0]["reasons"] == ["文字相同"]
    assert PERSON_OWNER not in response.content.decode()


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "name", "请填写拟申请的商标名称，或上传商标图样（logo）。"),
        ({"name": " "}, "name", "请填写拟申请的商标名称。"),
        ({"name": "！？"}, "name", "商标名称须包含文字、字母或数字。"),
        ({"name": "红山", "classes": [0]}, "classes", "类别号须为1至45的整数。"),
        ({"name": "红山", "classes": "25"}, "classes", "类别须为类别号列表，如 [25, 43]。"),
    ],
)
def test_similar_bad_input_gets_chinese_field_errors(api, db, payload, field, message):
    response = api.post(SIMILAR, payload, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"][field] == [message]


def test_schema_documents_the_list_filters_and_the_similarity_check(api, db):
    schema = api.get("/api/v1/schema/?format=json").json()
    assert "post" in schema["paths"]["/api/v1/trademarks/similar/"]
    params = {p["name"]: p for p in schema["paths"]["/api/v1/trademarks/"]["get"]["parameters"]}
    for name in ("q", "class", "status", "recognition", "gi", "owner", "district", "cursor"):
        assert params[name].get("description"), name
    assert "well_known" in params["recognition"]["schema"]["enum"]
    mark = schema["components"]["schemas"]["Trademark"]["properties"]
    for label in ("mark_type_display", "status_display", "recognition_display", "gi_kind_display"):
        assert mark[label]["type"] == "string", label


@pytest.mark.engine
def test_similar_drops_characters_no_mark_is_written_with(api, indexed):
    """Private-use, unassigned and control characters never reach the engine: the name is
    checked as what remains."""
    name = "红\ue000山\U000dda5b\u0378\x7f"
    response = api.post(SIMILAR, {"name": name, "classes": [29]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "红山"
    assert response.json()["results"][0]["reasons"] == ["文字相同"]
    response = api.post(SIMILAR, {"name": "\ue000\U0010fffd"}, format="json")
    assert response.json()["error"]["fields"]["name"] == ["商标名称须包含文字、字母或数字。"]


@pytest.fixture
def refusing_engine(search_engine, indexed):
    """The trademark alias moved to an index the engine refuses a name query on (its
    `name_chars` a date): the engine answers 400, as it once did for odd characters."""
    from search.names import alias_name

    alias = alias_name("trademark")
    broken = f"{alias}-refusing"
    search_engine.indices.create(
        index=broken, mappings={"properties": {"name_chars": {"type": "date"}}}
    )
    search_engine.indices.update_aliases(
        actions=[
            {"remove": {"index": "*", "alias": alias}},
            {"add": {"index": broken, "alias": alias}},
        ]
    )
    yield
    search_engine.indices.delete(index=broken)


@pytest.mark.engine
def test_an_engine_refusal_is_a_field_error_not_a_server_error(api, refusing_engine):
    response = api.post(SIMILAR, {"name": "红山"}, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"]["name"] == [
        "该商标名称暂时无法检索，请修改后重试（如去掉特殊符号）。"
    ]


@pytest.mark.parametrize("page", ["0", "101", "-1", "2.5", "²", "false"])
def test_a_page_outside_1_to_100_is_refused_with_or_without_q(api, db, page):
    for query in ({"page": page}, {"page": page, "q": "红山"}):
        response = api.get(LIST, query)
        assert response.status_code == 400, (query, response.content)
        assert response.json()["error"]["fields"]["page"] == ["页码须为1至100的整数。"]


def test_schema_declares_the_page_and_class_bounds(api, db):
    schema = api.get("/api/v1/schema/?format=json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/v1/trademarks/"]["get"]["parameters"]}
    assert params["page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert params["class"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 45}
    assert api.get(LIST, {"class": 46}).status_code == 400
