"""POST /api/v1/search/clicks/: a click counted by day, query and rank (form or JSON, 204);
bad input a Chinese field error with nothing stored; limited per client address."""

import json

import pytest
from django.test import override_settings
from django.utils import timezone

from search.analytics.models import SearchClickDay
from search.analytics.recording import BUFFER, analytics_flush

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/clicks/"
PUBLIC = {"REMOTE_ADDR": "203.0.113.70"}


def post_json(client, body, **extra):
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def clicks() -> dict:
    analytics_flush()
    return {
        (row.query, row.rank): row.clicks
        for row in SearchClickDay.objects.filter(day=timezone.localdate())
    }


def test_a_click_is_counted_from_a_form_body_as_sendbeacon_posts_it(client):
    response = client.post(URL, {"q": "食品经营许可", "rank": "3"}, **PUBLIC)
    assert response.status_code == 204 and response.content == b""
    client.post(URL, {"q": "食品经营许可", "rank": "3"}, **PUBLIC)
    client.post(URL, {"q": "食品经营许可", "rank": "1"}, **PUBLIC)
    assert clicks() == {("食品经营许可", 3): 2, ("食品经营许可", 1): 1}


def test_a_click_is_counted_from_json_under_the_scrubbed_query(client):
    assert post_json(client, {"q": "张三 13812345678", "rank": 12}).status_code == 204
    assert clicks() == {("张三 〔手机号〕", 12): 1}


def test_a_query_of_spaces_is_accepted_and_counts_nothing(client):
    assert post_json(client, {"q": "   ", "rank": 1}).status_code == 204
    assert clicks() == {}


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"rank": 1}, "q", "请提供搜索词 q。"),
        ({"q": "", "rank": 1}, "q", "搜索词 q 不能为空。"),
        ({"q": 12, "rank": 1}, "q", "搜索词 q 必须是文本。"),
        ({"q": "红" * 201, "rank": 1}, "q", "搜索词 q 不能超过200个字符。"),
        ({"q": "红山"}, "rank", "请提供结果位次 rank。"),
        ({"q": "红山", "rank": 0}, "rank", "结果位次 rank 不能小于1。"),
        ({"q": "红山", "rank": 1001}, "rank", "结果位次 rank 不能大于1000。"),
        ({"q": "红山", "rank": "第一"}, "rank", "结果位次 rank 必须是整数。"),
        ({"q": "红山", "rank": True}, "rank", "结果位次 rank 必须是整数。"),
    ],
)
def test_bad_input_is_a_chinese_field_error_and_stores_nothing(client, body, field, message):
    response = post_json(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"][field] == [message]
    assert BUFFER.events == 0
    assert clicks() == {}


def test_a_bad_form_body_is_refused_too(client):
    response = client.post(URL, {"q": "红山", "rank": "-2"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["rank"] == ["结果位次 rank 不能小于1。"]
    assert clicks() == {}


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


@override_settings(SEARCH_CLICK_RATE="2/min")
def test_clicks_are_limited_per_client_address(client):
    for _ in range(2):
        assert client.post(URL, {"q": "红山", "rank": "1"}, **PUBLIC).status_code == 204
    refused = client.post(URL, {"q": "红山", "rank": "1"}, **PUBLIC)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "throttled"
    assert (
        client.post(URL, {"q": "红山", "rank": "1"}, REMOTE_ADDR="203.0.113.71").status_code == 204
    )
    assert clicks() == {("红山", 1): 3}
