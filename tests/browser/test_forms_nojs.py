"""The public forms with JavaScript off, at phone size: a complaint submitted and tracked, a
question asked and looked up by its 查询码, a similar-mark check by name; and, on the
navigation crawl's seed at 390 px and 1366 px, a job demand (looked up by its 查询码), a
financing need, an online shop application and an event registration, each refused once and
then accepted, every page on the way audited (44 px controls, headings, axe). One built site
and one live server per test (Debian's Chromium driven by Playwright)."""

import functools
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from registry_api.complaints.reference_data import load_units
from registry_api.enterprises.reference_data import load_districts
from registry_api.workdays.reference_data import load_holidays
from tests.browser import checks
from tests.browser.conftest import SEEDED_PHONE
from tests.playwright_db import read_db
from tests.trademarks.conftest import library, nice_classes  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.engine, pytest.mark.build, pytest.mark.browser]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def built_site(
    transactional_db,
    home_page,
    live_server,
    search_engine,
    run_build,
    tmp_path,
    library,  # noqa: F811 (a fixture)
):
    """The complaint reference data and a small trademark library, indexed and built."""
    load_districts()
    load_holidays()
    load_units()
    cache.clear()
    with override_settings(SITE_OUTPUT_DIR=tmp_path):
        call_command("search_reindex", verbosity=0)
        assert run_build(live_server.url, tmp_path).returncode == 0
        yield live_server.url


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]


def complain_and_track(page, base: str) -> None:
    page.goto(base + "/complaints/new/")
    page.check("input[name=kind][value=complaint]")
    page.fill("#complaint-respondent", "红山区某某健身会所")
    page.fill("#complaint-address", "东城街道昭乌达路1号")
    page.select_option("#complaint-district", "150402004")
    page.fill("#complaint-facts", "办理的年卡尚有余额，会所停业后无法退费。")
    page.fill("#complaint-name", "王秀兰")
    page.fill("#complaint-phone", "13847651234")
    page.click("#complaint-form button[type=submit]")
    page.wait_for_url("**/forms/complaints/")
    # Refused: the category and the request, each next to its field; the rest kept.
    assert page.locator('[data-error-for="category"]').inner_text() == "请选择问题类别。"
    assert page.locator("#complaint-name").input_value() == "王秀兰"
    page.select_option("#complaint-category", "prepaid_cards")
    page.fill("#complaint-request", "退还剩余费用")
    page.click("#complaint-form button[type=submit]")
    code = page.locator(".complaint-receipt__code").inner_text()
    assert len(code) == 10 and fits(page)

    page.click("text=查询办理进度")
    page.fill("#track-code", code)
    page.fill("#track-phone", "1234")
    page.click("#track-form button[type=submit]")
    page.wait_for_url("**/forms/complaints/track/?code=*")
    assert page.locator("#track-result").is_visible()
    assert code in page.locator("#track-facts").inner_text()
    page.fill("#track-phone", "9999")
    page.click("#track-form button[type=submit]")
    assert page.locator("#track-status").inner_text() == "查询码或验证信息不正确。"


def ask_and_look_up(page, base: str) -> None:
    page.goto(base + "/consultations/ask/")
    page.fill("#consult-name", "李秀英")
    page.fill("#consult-phone", "13912345678")
    page.fill("#consult-subject", "个体户变更经营场所")
    page.fill("#consult-question", "搬到新门面需要办理哪些手续？")
    page.click("#consult-form button[type=submit]")
    code = page.locator(".consult-receipt__code").inner_text()
    assert code.startswith("ZX") and fits(page)
    page.click("text=答复查询")
    page.wait_for_url("**/forms/consultations/lookup/?code=*")
    # The receipt's link asks at once; the form shows the code asked.
    assert page.locator("#lookup-code").input_value() == code
    assert page.locator(".lookup-status").inner_text() == "已收到，正在办理"


def check_similar(page, base: str) -> None:
    page.goto(base + "/trademarks/similar/")
    page.fill("#similar-name", "鸿山")
    page.click("#similar-name-form button[type=submit]")
    page.wait_for_url("**/forms/trademarks/similar/?name=*")
    names = page.locator("#similar-results .item-list__title").all_inner_texts()
    assert set(names[:2]) == {"宏山", "红山"}
    assert "近似的在先商标" in page.locator("#similar-status").inner_text() and fits(page)


def test_the_forms_with_javascript_off_on_a_phone(built_site, browser):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    complain_and_track(page, built_site)
    ask_and_look_up(page, built_site)
    check_similar(page, built_site)
    context.close()


# The newest forms, each posted to Django's /forms/ page with JavaScript off: refused once
# (the Chinese error beside its field, every value kept), then accepted (the receipt's code).
# Every page on the way, built or Django's, is audited (tests/browser/checks.py).
@dataclass(frozen=True)
class RoundTrip:
    form: str  # the built page holding the form
    answer: str  # the /forms/ page Django answers the post with
    fields: dict  # control id → value typed or chosen
    refused: tuple[str, str, str]  # control id, a value refused, the error shown beside it
    accepted: str  # what that control takes instead


SHOP_URL_ERROR = "请填写以 http:// 或 https:// 开头的网店地址。"


def round_trips(ids: dict, n: int) -> dict[str, RoundTrip]:
    """The four forms filled in for the n-th time (other text and phones, so not a repeat)."""

    def applicant(prefix: str, contact: str, form: int) -> dict:
        """The seeded enterprise, its contact person and a phone of the form's own."""
        return {
            f"{prefix}-enterprise": ids["enterprise"],
            contact: "王淑芬",
            f"{prefix}-phone": f"139047{n}{form:04d}",
        }

    return {
        "job_demand": RoundTrip(
            form="/jobs/new/",
            answer="/forms/jobs/",
            fields={
                **applicant("job", "job-name", 1),
                "job-title": f"服务员{n}",
                "job-trade": "catering",
                "job-requirements": "能上早班。",
            },
            refused=("job-headcount", "", "请填写招聘人数。"),
            accepted="3",
        ),
        "financing_need": RoundTrip(
            form="/finance/needs/new/",
            answer="/forms/finance/needs/",
            fields={
                **applicant("need", "need-name", 2),
                "need-term": "24",
                "need-purpose": f"扩建生产车间（{n}期）",
                "need-collateral": "guarantee",
            },
            refused=("need-amount", "", "请填写融资金额（万元）。"),
            accepted="60",
        ),
        "online_shop": RoundTrip(
            form="/ecommerce/new/",
            answer="/forms/ecommerce/",
            fields={
                **applicant("shop", "shop-contact", 3),
                "shop-name": f"红山五谷{n}号店",
                "shop-platform": "pinduoduo",
                "shop-category": "farm",
                "shop-product-0-name": "红山小米",
                "shop-product-0-price": "¥39.9起",
            },
            refused=("shop-url", "javascript:alert(1)", SHOP_URL_ERROR),
            accepted=f"https://mobile.yangkeduo.com/mall_page.html?mall_id={n}",
        ),
        "event_registration": RoundTrip(
            form=f"/events/{ids['event']}/#register",
            answer=f"/forms/events/{ids['event']}/register/",
            fields={"register-phone": f"139047{n}0004", "register-organisation": "秀兰饺子馆"},
            refused=("register-name", "", "请填写姓名。"),
            accepted=f"报名人{n}",
        ),
    }


def fill_in(page, values: dict) -> None:
    for control, value in values.items():
        if page.locator(f"#{control}").evaluate("control => control.tagName") == "SELECT":
            page.select_option(f"#{control}", value)
        else:
            page.fill(f"#{control}", value)


def error_beside(page, control: str) -> str:
    """The error shown in the control's own field (its label's box), not elsewhere."""
    return page.locator(f".fill-form__field:has(#{control}) [data-error-for]").inner_text()


def post(page, trip: RoundTrip, audit) -> str:
    """Refused, then accepted: the receipt's code."""
    page.goto(trip.form)
    audit(trip.form)
    control, refused, error = trip.refused
    fill_in(page, {**trip.fields, control: refused})
    page.click("#consult-form button[type=submit]")
    page.wait_for_url("**" + trip.answer)
    assert error_beside(page, control) == error
    assert page.locator(f"#{control}").get_attribute("aria-invalid") == "true"
    assert error in checks.description(page, f"#{control}")  # announced with the field
    kept = {name: page.locator(f"#{name}").input_value() for name in trip.fields}
    assert kept == trip.fields and page.locator(f"#{control}").input_value() == refused
    audit(trip.answer + " refused")
    fill_in(page, {control: trip.accepted})
    page.click("#consult-form button[type=submit]")
    page.wait_for_url("**" + trip.answer)
    audit(trip.answer + " receipt")
    return page.locator(".consult-receipt__code").inner_text()


def look_up_job(page, code: str, audit) -> None:
    """By the receipt's 进度查询 link, which asks at once; by the list's link, typing the code
    (asked with no code first: the page says so)."""
    page.click("text=进度查询")
    page.wait_for_url("**/forms/jobs/lookup/?code=*")
    assert page.locator("#lookup-code").input_value() == code
    assert page.locator(".lookup-status").inner_text() == "已收到，正在审核"
    audit("/forms/jobs/lookup/?code=")
    page.goto("/jobs/")
    page.click("text=凭查询码查看进度")
    page.wait_for_url("**/forms/jobs/lookup/")
    audit("/forms/jobs/lookup/")
    page.click("#lookup-form button[type=submit]")
    assert error_beside(page, "lookup-code") == "请输入查询码。"
    audit("/forms/jobs/lookup/?code= empty")
    page.fill("#lookup-code", code)
    page.click("#lookup-form button[type=submit]")
    assert page.locator(".lookup-status").inner_text() == "已收到，正在审核"


def ask_a_law_firm(page, ids: dict, audit) -> None:
    """A law firm's 在线咨询 link: Django's form with its channel and the firm chosen."""
    page.goto(f"/forms/consultations/?channel=legal_service&agency={ids['agency']}")
    assert page.locator("#consult-channel").input_value() == "legal_service"
    assert page.locator("#consult-agency").input_value() == str(ids["agency"])
    audit("/forms/consultations/?channel=legal_service&agency=")


def codes_stored() -> dict[str, set[str]]:
    """The codes of what the forms stored: pending requests, registrations."""
    from cms.learning.models import EventRegistration
    from registry_api.ecommerce.models import OnlineShop
    from registry_api.finance.models import FinancingNeed
    from registry_api.jobs.models import JobDemand

    stored = {
        "job_demand": (JobDemand.objects.filter(status="pending"), "reference"),
        "financing_need": (FinancingNeed.objects.filter(status="pending"), "reference"),
        "online_shop": (OnlineShop.objects.filter(status="pending"), "reference"),
        "event_registration": (EventRegistration.objects.exclude(phone=SEEDED_PHONE), "code"),
    }
    return {name: set(rows.values_list(field, flat=True)) for name, (rows, field) in stored.items()}


def note_problems(found: dict, page, width: str, where: str) -> None:
    if problems := checks.page_problems(page):
        found[f"{width} {where}"] = problems


def test_the_newest_forms_with_javascript_off_on_a_phone_and_a_desk(
    seeded_ids, seeded_build, browser
):
    shown = {name: set() for name in round_trips(seeded_ids, 0)}
    found = {}
    for n, (width, viewport) in enumerate((("phone", checks.PHONE), ("desk", checks.WIDE))):
        context = browser.new_context(java_script_enabled=False, base_url=seeded_build, **viewport)
        page = context.new_page()
        audit = functools.partial(note_problems, found, page, width)
        for name, trip in round_trips(seeded_ids, n).items():
            code = post(page, trip, audit)
            shown[name].add(code)
            if name == "job_demand":
                look_up_job(page, code, audit)
        ask_a_law_firm(page, seeded_ids, audit)
        context.close()
    assert found == {}, found
    # Each receipt showed the code of a row it stored: two of each, one per width.
    assert shown == read_db(codes_stored) and all(len(codes) == 2 for codes in shown.values())
