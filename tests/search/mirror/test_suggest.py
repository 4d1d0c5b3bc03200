"""GET /api/v1/search/suggest/?q=: titles, enterprise and trademark names completed by
substring, full pinyin (the last syllable unfinished) and initials, from the mirror alone."""

import pytest

from search.mirror.models import MirrorDocument
from search.mirror.suggestions import MAX_SUGGESTIONS

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

URL = "/api/v1/search/suggest/"


def suggest(client, q: str) -> list[dict]:
    response = client.get(URL, {"q": q})
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "public, max-age=60"
    return response.json()["suggestions"]


def texts(client, q: str) -> list[str]:
    return [item["text"] for item in suggest(client, q)]


def test_a_substring_of_a_title_completes_it(client, mirrored):
    found = suggest(client, "商贸")
    assert found == [
        {
            "text": "赤峰红山商贸有限公司",
            "kind": "enterprise",
            "label": "企业名录",
            "url": f"/enterprises/{mirrored['enterprise_hongshan'].credit_code}/",
        },
        # The enterprise's credit record is titled after it, and longer.
        {
            "text": f"赤峰红山商贸有限公司 · {mirrored['record'].get_category_display()}",
            "kind": "credit_record",
            "label": "信用记录",
            "url": MirrorDocument.objects.get(kind="credit_record").url,
        },
    ]


def test_titles_beginning_with_the_text_come_first(client, mirrored):
    assert texts(client, "红山")[:2] == ["红山荞麦", "红山区开展食品安全专项检查"]


def test_full_pinyin_completes_even_an_unfinished_syllable(client, mirrored):
    for typed in ("hongshan", "hongsh", "hong shan", "HongShan"):
        assert texts(client, typed)[:2] == ["红山荞麦", "红山区开展食品安全专项检查"], typed
    # From a later syllable too: 赤峰红山… is chi feng HONG SHAN.
    assert "赤峰红山商贸有限公司" in texts(client, "hongshan")
    assert texts(client, "qiaom") == ["红山荞麦"]


def test_initials_complete(client, mirrored):
    assert texts(client, "hsq") == ["红山荞麦", "红山区开展食品安全专项检查"]
    assert texts(client, "cfss") == ["赤峰松山建材有限公司"]


def test_trademark_names_are_suggested(client, mirrored):
    (mark,) = suggest(client, "荞麦")
    assert mark == {"text": "红山荞麦", "kind": "trademark", "label": "商标", "url": mark["url"]}
    assert mark["url"] == "/trademarks/30009001/"


def test_suggestions_need_no_engine(client, mirrored, engine_down):
    assert texts(client, "松山") == ["赤峰松山建材有限公司"]


def test_at_most_eight_distinct_titles(client, mirrored):
    MirrorDocument.objects.bulk_create(
        MirrorDocument(kind="enterprise", doc_id=f"x{i}", title=f"赤峰红山分店{i % 10}", url="/")
        for i in range(30)
    )
    found = texts(client, "红山分店")
    assert len(found) == MAX_SUGGESTIONS == 8 and len(set(found)) == 8


def test_ended_public_periods_are_not_suggested(client, mirrored):
    MirrorDocument.objects.filter(kind="credit_record").update(public_until="2000-01-01")
    assert [item["kind"] for item in suggest(client, "商贸")] == ["enterprise"]


@pytest.mark.parametrize("q", ["", "   ", "%", "红%", "_", "\\", "zzzzzz", "'"])
def test_odd_or_unmatched_input_suggests_nothing(client, mirrored, q):
    assert suggest(client, q) == []


def test_missing_q_suggests_nothing(client, db):
    response = client.get(URL)
    assert response.status_code == 200 and response.json() == {"query": "", "suggestions": []}


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("红" * 51, "输入的文字不能超过50个字符。"),
        ("红\x00山", "不能包含空字符（NUL，U+0000），请删除后重新提交。"),
    ],
)
def test_bad_input_is_a_chinese_field_error(client, db, q, message):
    response = client.get(URL, {"q": q})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error" and error["fields"] == {"q": [message]}


def test_suggest_is_in_the_api_schema(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    operation = response.json()["paths"]["/api/v1/search/suggest/"]["get"]
    assert operation["operationId"] == "search_suggest"
    assert {p["name"] for p in operation["parameters"]} == {"q"}
    assert {"200", "400"} <= set(operation["responses"])
    q = operation["parameters"][0]["schema"]
    assert q["maxLength"] == 50
