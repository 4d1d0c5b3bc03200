"""Every error answer under /api/ is JSON in the error format, whoever refused the request
(DRF, Wagtail's API, Django itself); elsewhere a plain Chinese page. Never a traceback."""

import json

import pytest
from django.test import Client

from core.errors import MESSAGES

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.registry_api.error_urls")]

TEN_MB = 10 * 1024 * 1024
# What a technical page or a leaked exception would show.
LEAKS = ("Traceback", "secret detail", "/work/", ".py", "settings", "DEBUG", "Boom")


@pytest.fixture
def public():
    """A client that gets the answer a visitor gets, not the exception."""
    return Client(raise_request_exception=False)


def assert_no_leak(response) -> None:
    text = response.content.decode()
    assert not [leak for leak in LEAKS if leak in text], text


def assert_api_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["error"]["message"])  # Chinese
    assert_no_leak(response)
    return body["error"]


def assert_plain_page(response, status: int) -> None:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert 'lang="zh-CN"' in text and "返回首页" in text
    assert_no_leak(response)


def test_an_uncaught_exception_in_a_plain_view_under_api_is_a_json_500(public):
    assert_api_error(public.get("/api/v1/test-boom/plain/"), 500, "server_error")


def test_an_uncaught_exception_in_a_drf_view_is_a_json_500(public):
    assert_api_error(public.get("/api/v1/test-boom/drf/"), 500, "server_error")


def test_an_uncaught_exception_elsewhere_is_a_plain_chinese_page(public):
    response = public.get("/test-boom/")
    assert_plain_page(response, 500)
    assert "服务器内部错误" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        # The complaint intake's per-phone throttle reads the body before the view does.
        ("/api/v1/complaints/", "application/json"),
        ("/api/v1/consultations/", "application/x-www-form-urlencoded"),
    ],
)
def test_a_10_mb_body_to_the_api_is_a_413(public, url, content_type):
    response = public.post(url, b"x" * TEN_MB, content_type=content_type)
    error = assert_api_error(response, 413, "payload_too_large")
    assert "2.5 MB" in error["message"]


def test_a_10_mb_body_to_a_registry_write_is_a_413(public, django_user_model):
    public.force_login(django_user_model.objects.create_superuser("root", password="x"))
    response = public.post(
        "/api/v1/enterprises/", b"{" + b" " * TEN_MB + b"}", content_type="application/json"
    )
    assert_api_error(response, 413, "payload_too_large")


def test_a_10_mb_body_elsewhere_is_a_plain_413_page(public):
    response = public.post("/test-reads-body/", b"x" * TEN_MB, content_type="text/plain")
    assert_plain_page(response, 413)


def test_a_bad_host_header_under_api_is_a_json_400(public, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = public.get("/api/v1/districts/", HTTP_HOST="attacker.example")
    assert_api_error(response, 400, "invalid_host")
    assert "attacker.example" not in response.content.decode()


def test_a_bad_host_header_elsewhere_is_a_plain_400_page(public, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert_plain_page(public.get("/news/", HTTP_HOST="attacker.example"), 400)


def test_an_unsupported_method_on_a_drf_view_is_a_json_405_with_allow(public):
    response = public.delete("/api/v1/complaints/")
    assert_api_error(response, 405, "method_not_allowed")
    assert "POST" in response["Allow"]


def test_an_unsupported_method_on_a_plain_view_under_api_is_a_json_405(public):
    response = public.post("/api/v1/test-get-only/")
    assert_api_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_an_unknown_api_url_is_a_json_404(public):
    assert_api_error(public.get("/api/v1/no-such-registry/"), 404, "not_found")
    assert_api_error(public.get("/api/no-such-api/"), 404, "not_found")


def test_the_content_api_answers_its_404_in_the_error_format(public):
    assert_api_error(public.get("/api/cms/v2/pages/999999/"), 404, "not_found")


def test_the_content_api_answers_its_400_in_the_error_format_with_the_detail(public):
    error = assert_api_error(public.get("/api/cms/v2/pages/?no_such_field=1"), 400, "bad_request")
    assert error["message"] == MESSAGES["bad_request"]
    assert "no_such_field" in error["fields"]["_"][0]


def test_the_content_api_refuses_writes_in_the_error_format(public, django_user_model):
    public.force_login(django_user_model.objects.create_superuser("root", password="x"))
    response = public.post("/api/cms/v2/pages/", {}, content_type="application/json")
    assert_api_error(response, 405, "method_not_allowed")


def test_a_csrf_failure_under_api_is_in_the_error_format(django_user_model):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.force_login(django_user_model.objects.create_superuser("root", password="x"))
    # A route that exists: a POST to no route at all is a 404 (core.errors.not_found_json).
    response = browser.post("/api/v1/enterprises/", {"a": "1"})
    assert_api_error(response, 403, "permission_denied")


def test_an_unknown_admin_page_is_a_plain_chinese_404(public, django_user_model):
    public.force_login(django_user_model.objects.create_superuser("root", password="x"))
    response = public.get("/admin/no-such-admin-page/")
    assert response.status_code == 404
    assert_no_leak(response)
