"""A real site build renders /credit/, the category lists and enterprise credit timelines."""

import re
from pathlib import Path

import pytest

from registry_api.credit.reference_data import load_credit_reference
from tests.credit.conftest import make_record
from tests.site.test_build import content  # noqa: F401  (the site build's fixture)

pytestmark = pytest.mark.build

PHONE = re.compile(r"(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])")


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_build_writes_credit_pages(content, live_server, tmp_path, run_build):  # noqa: F811
    from registry_api.credit import services
    from registry_api.credit.models import Department

    load_credit_reference()
    samr, court = Department.objects.get(code="samr"), Department.objects.get(code="court")
    first, second, third = content["enterprises"]
    make_record(first, samr, "红市监异列〔2026〕7号", category="abnormal", severity="none")
    make_record(first, samr, "红市监处罚〔2026〕8号")
    make_record(second, court, "（2026）内0402执9号", category="dishonest_debtor", severity="none")
    services.repair_apply(
        record=first.credit_records.get(category="abnormal"),
        applicant_name="赵六",
        contact_phone="13712345678",
        reason="已补报年报。",
    )

    output = tmp_path / "out"
    result = run_build(live_server.url, output)
    assert result.returncode == 0, result.stdout + result.stderr
    site = output / "current"

    overview = read(site, "/credit/")
    assert "诚信体系" in overview and "红市监处罚〔2026〕8号" in overview
    assert "红市监异列〔2026〕7号" in read(site, "/credit/abnormal/")
    assert "（2026）内0402执9号" not in read(site, "/credit/serious/")
    assert "红市监处罚〔2026〕8号" in read(site, "/credit/penalties/")

    timeline = read(site, f"/enterprises/{first.credit_code}/credit/")
    assert "关注" in timeline and "红市监异列〔2026〕7号" in timeline
    assert "失信" in read(site, f"/enterprises/{second.credit_code}/credit/")
    assert f"/enterprises/{first.credit_code}/credit/" in read(
        site, f"/enterprises/{first.credit_code}/"
    )
    assert "查看信用信息" not in read(site, f"/enterprises/{third.credit_code}/")
    assert not (site / "enterprises" / third.credit_code / "credit").exists()

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "赵六" not in text and not PHONE.search(text), page
