"""Parameters of the Wagtail API (/api/cms/v2/) that used to reach the database or the search
backend and answer 500 (cms/api.py): now a 400 in the error format, or a plain answer."""

import pytest
from django.test import Client

from tests.factories import publish_news

pytestmark = pytest.mark.django_db

ENDPOINTS = ("pages", "images", "documents")
# Texts in the full-text syntax of SQLite (FTS5) and PostgreSQL (tsquery) that a visitor may
# type: each is searched or refused, never a server error.
SEARCH_SYNTAX = [
    "*",
    "^红山",
    "NEAR(红山 食品)",
    "a:b",
    "(",
    ")",
    "-红山",
    "红山 OR",
    "AND",
    "'",
    "\\",
    "%",
    "_",
    "“红山”",
    '"红山"',
    "红山 & 食品",
    "!",
    "a|b",
    "<->",
]


@pytest.fixture
def public():
    return Client(raise_request_exception=False)


def assert_refused(response, text: str) -> None:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "bad_request"
    assert text in error["fields"]["_"][0]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "query, problem",
    [
        ("offset=99999999999999999999999", "offset cannot be higher"),
        ("offset=9223372036854775808", "offset cannot be higher"),
        ("search=%00", "control characters"),
        ("search=%E7%BA%A2%01", "control characters"),
        ("search=%22", "unpaired quotation mark"),
        ("search=%E7%BA%A2%22%E5%B1%B1", "unpaired quotation mark"),
        ("search=a&search_operator=xx", "search_operator must be"),
    ],
)
def test_a_parameter_the_database_cannot_take_is_refused(public, endpoint, query, problem):
    assert_refused(public.get(f"/api/cms/v2/{endpoint}/?{query}"), problem)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_bounds_and_operators_that_can_be_taken_answer(public, endpoint):
    for query in (
        "offset=1000000000",
        "search=a&search_operator=and",
        "search=a&search_operator=or",
    ):
        response = public.get(f"/api/cms/v2/{endpoint}/?{query}")
        assert response.status_code == 200, (query, response.content)
        assert response.json()["items"] == []


@pytest.mark.parametrize("text", SEARCH_SYNTAX)
def test_search_syntax_a_visitor_types_is_searched_or_refused(public, news_index, text):
    publish_news(news_index, title="红山区食品安全通知")
    response = public.get("/api/cms/v2/pages/", {"search": text})
    assert response.status_code in (200, 400), (text, response.content)


def test_a_paired_quotation_still_searches(public, news_index):
    publish_news(news_index, title="红山区食品安全通知")
    response = public.get("/api/cms/v2/pages/", {"search": '"食品安全"'})
    assert response.status_code == 200
