"""A visitor fills in a model contract on the built site and downloads the Word file (Debian's
Chromium through Playwright), without JavaScript: the form is plain HTML posting to the API."""

import docx
import pytest
from django.test import override_settings

from core.site_urls import site_url
from tests.legal.pages import publish_contract

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture
def contract_site(transactional_db, platform_page, live_server, run_build, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    contract = publish_contract(platform_page("legal"))
    with override_settings(SITE_OUTPUT_DIR=tmp_path / "site"):
        assert run_build(live_server.url, tmp_path / "site").returncode == 0
        yield live_server.url + site_url("contract", id=contract.pk)


def test_fill_in_the_form_and_download_the_contract(contract_site, browser, tmp_path):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(contract_site)
    assert page.locator("h1").inner_text() == "商铺租赁合同（示范文本）"

    form = page.locator("form.fill-form")
    form.get_by_label("出租人（甲方）名称").fill("赤峰市红山区鑫源商贸有限公司")
    form.get_by_label("承租人（乙方）名称").fill("红山区老街坊餐馆")
    form.get_by_label("月租金（元）").fill("3500.50")
    form.get_by_label("起租日期").fill("2026-05-01")
    form.get_by_label("租赁期限（月）").fill("12")
    with page.expect_download() as download_info:
        form.get_by_role("button", name="生成并下载 Word 文件").click()
    download = download_info.value

    assert download.suggested_filename == "商铺租赁合同（示范文本）（2026版）.docx"
    saved = tmp_path / "filled.docx"
    download.save_as(saved)
    lines = [paragraph.text for paragraph in docx.Document(str(saved)).paragraphs]
    assert "出租人（甲方）：赤峰市红山区鑫源商贸有限公司" in lines
    assert "承租人（乙方）：红山区老街坊餐馆" in lines
    assert "月租金为人民币3,500.50元（大写：叁仟伍佰元伍角整），按季支付。" in lines
    assert "租赁期限为12个月，自2026年5月1日起计算。" in lines
    context.close()


def test_the_browser_checks_amounts_before_sending(contract_site, browser):
    page = browser.new_page()
    page.goto(contract_site)
    amount = page.locator("form.fill-form").get_by_label("月租金（元）")
    amount.fill("12.345")
    assert amount.evaluate("input => input.validity.patternMismatch") is True
    assert page.locator("form.fill-form").evaluate("form => form.checkValidity()") is False
