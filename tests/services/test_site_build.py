"""A real Pelican build renders the agencies, the public Q&A and the form, without asker data."""

import re
from pathlib import Path

import pytest

from registry_api.services import services

from .conftest import ASKER, submit

pytestmark = pytest.mark.build

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")  # a mobile number, not part of a code


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def qa(transactional_db, home_page, agencies):
    published = submit(subject="股权出质登记材料", channel="equity_pledge")
    services.consultation_answer(consultation=published, answer="需提交出质登记申请书。")
    services.consultation_publish(consultation=published)
    pending = submit(
        subject="尚未答复的留言",
        channel="message_board",
        asker_name="赵铁柱",
        asker_phone="13687654321",
        asker_email="zhao@example.com",
    )
    return {"published": published, "pending": pending}


def test_services_pages_are_built_without_asker_data(
    qa, agencies, live_server, tmp_path, run_build
):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"

    listing = read(site, "/agencies/")
    assert 'id="hr_agency"' in listing and 'id="law_firm"' in listing
    assert agencies[0].name in listing and agencies[1].name in listing
    assert "信用状况：良好" in listing
    assert "0476-8888888" in listing

    qa_page = read(site, "/consultations/")
    assert "股权出质登记材料" in qa_page and "需提交出质登记申请书。" in qa_page
    assert "尚未答复的留言" not in qa_page
    channel = read(site, "/consultations/channel/equity_pledge/")
    assert "股权出质登记材料" in channel
    assert "股权出质登记材料" not in read(site, "/consultations/channel/message_board/")

    ask = read(site, "/consultations/ask/")
    # Without JavaScript the form posts to Django's page; consult.js posts to the API.
    assert 'action="/forms/consultations/" data-api="/api/v1/consultations/"' in ask
    assert 'method="post"' in ask
    assert 'name="phone"' in ask and 'maxlength="2000"' in ask
    assert '<script src="/theme/js/consult.js" defer></script>' in ask
    assert (site / "theme" / "js" / "consult.js").is_file()
    assert "services: agencies and consultations" in (
        site / "theme" / "css" / "site.css"
    ).read_text(encoding="utf-8")

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for secret in (*ASKER.values(), "赵铁柱", "13687654321", "zhao@example.com"):
            assert secret not in text, (page, secret)
        assert not MOBILE.search(text), page
