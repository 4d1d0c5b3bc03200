"""The 企业之声 and 创业指导 columns (site part `columns`), from a real Pelican build."""

import pytest

from cms.showcase.models import ShowcaseStoryPage
from registry_api.services import services
from tests.learning.test_site import read
from tests.services.conftest import ASKER, submit

from .pages import publish_story

pytestmark = pytest.mark.build

Kind = ShowcaseStoryPage.Kind


def published(**fields):
    consultation = submit(**fields)
    services.consultation_answer(consultation=consultation, answer=f"答复：{fields['subject']}")
    services.consultation_publish(consultation=consultation)
    return consultation


def test_each_column_gathers_its_stories_questions_and_form(
    transactional_db, home_page, platform_page, live_server, run_build, tmp_path
):
    showcase = platform_page("showcase")
    voice = publish_story(showcase, title="企业家说：审批再快一点", slug="voice", kind=Kind.VOICE)
    startup = publish_story(showcase, title="开一家小店的第一步", slug="start", kind=Kind.STARTUP)
    practice = publish_story(showcase, title="明厨亮灶的经验", slug="practice")
    published(channel="enterprise_voice", subject="希望简化年报填报")
    published(channel="registration", subject="个体户转企业字号能否保留")
    published(channel="message_board", subject="网购退货纠纷")
    submit(channel="enterprise_voice", subject="尚未答复的企业之声")

    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    current = tmp_path / "out" / "current"

    voice_page = read(current, "/columns/voice/")
    assert "<h1>企业之声</h1>" in voice_page
    assert f'href="/stories/{voice.pk}/"' in voice_page
    assert f'href="/stories/{startup.pk}/"' not in voice_page
    assert f'href="/stories/{practice.pk}/"' not in voice_page
    assert "希望简化年报填报" in voice_page and "答复：希望简化年报填报" in voice_page
    assert "尚未答复的企业之声" not in voice_page
    assert "个体户转企业" not in voice_page and "网购退货纠纷" not in voice_page
    # The form opens on the column's channel, also without JavaScript (cms/forms_pages).
    assert 'href="/forms/consultations/?channel=enterprise_voice"' in voice_page

    startup_page = read(current, "/columns/startup/")
    assert f'href="/stories/{startup.pk}/"' in startup_page
    assert f'href="/stories/{voice.pk}/"' not in startup_page
    assert "个体户转企业字号能否保留" in startup_page
    assert 'href="/forms/consultations/?channel=registration"' in startup_page

    for page in (voice_page, startup_page):
        for secret in ASKER.values():
            assert secret not in page

    # The 风采展示 platform page leads to both columns.
    platform = read(current, "/platforms/showcase/")
    assert 'href="/columns/voice/"' in platform and 'href="/columns/startup/"' in platform
