"""A visitor asks a question on the built site, with and without JavaScript (Chromium)."""

import re

import pytest
from django.test import override_settings

from registry_api.services.models import Consultation
from tests.playwright_db import read_db

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture
def ask_page(transactional_db, home_page, live_server, run_build, tmp_path):
    with override_settings(SITE_OUTPUT_DIR=tmp_path / "site"):
        result = run_build(live_server.url, tmp_path / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        yield live_server.url + "/consultations/ask/"


def fill(form, phone="13912345678"):
    form.get_by_role("textbox", name="姓名").fill("李秀英")
    form.get_by_role("textbox", name="联系电话").fill(phone)
    form.get_by_role("textbox", name="咨询主题").fill("食品经营许可")
    form.get_by_role("textbox", name="咨询内容").fill("仅销售预包装食品需要办理许可证吗？")


def test_with_javascript_errors_show_inline_then_the_tracking_code(ask_page, browser):
    page = browser.new_page()
    page.goto(ask_page)
    form = page.locator("#consult-form")
    fill(form, phone="12345")
    form.get_by_role("button", name="提交咨询").click()
    error = form.locator('[data-error-for="phone"]')
    error.wait_for(state="visible")
    assert "手机号码" in error.inner_text()
    assert not read_db(Consultation.objects.exists)

    form.get_by_role("textbox", name="联系电话").fill("0476-8888888")
    form.get_by_role("button", name="提交咨询").click()
    status = page.locator("#consult-status")
    page.wait_for_function(
        "() => document.getElementById('consult-status').textContent.includes('查询码')"
    )
    code = read_db(lambda: Consultation.objects.get().tracking_code)
    assert code in status.inner_text()
    assert form.locator('[data-error-for="phone"]').is_hidden()


def test_without_javascript_the_api_answers_with_a_page(ask_page, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(ask_page)
    form = page.locator("#consult-form")
    fill(form)
    form.get_by_role("button", name="提交咨询").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "提交成功"
    code = read_db(lambda: Consultation.objects.get().tracking_code)
    assert re.search(code, page.content())
    assert "13912345678" not in page.content()
    context.close()
