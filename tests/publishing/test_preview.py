"""Preview renders a draft with the static site's own templates."""

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages.models import PolicyNewsPage
from tests.factories import publish_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.create_superuser("preview-admin", password="not-used"))
    return client


def news_form(title: str, slug: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "publication_date": "2026-11-27",
            "category": "policy",
            "issuing_authority": "红山区市场监督管理局",
            "document_number": "",
            "summary": "草稿摘要。",
            "body": streamfield([("paragraph", rich_text("<p>草稿正文第一段。</p>"))]),
            "tags": "",
        }
    )


def test_draft_preview_uses_the_site_template(editor_client, news_index):
    page = publish_news(news_index, title="已发布的标题", summary="已发布的摘要。")
    draft = news_form("草稿中的新标题", page.slug)
    preview_url = f"/admin/pages/{page.id}/edit/preview/"
    posted = editor_client.post(preview_url, draft)
    assert posted.json()["is_valid"], posted.content

    response = editor_client.get(preview_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "草稿中的新标题" in html and "草稿正文第一段。" in html
    # Marks of the static site's own templates: its stylesheet and its header.
    assert "/theme/css/site.css" in html
    assert "小微企业发展服务平台" in html
    # The published page is untouched.
    assert PolicyNewsPage.objects.get(pk=page.pk).title == "已发布的标题"


def test_a_page_never_saved_previews_too(editor_client, news_index):
    preview_url = f"/admin/pages/add/pages/policynewspage/{news_index.id}/preview/"
    posted = editor_client.post(preview_url, news_form("尚未保存的新稿件", "unsaved-draft"))
    assert posted.json()["is_valid"], posted.content
    html = editor_client.get(preview_url).content.decode()
    assert "尚未保存的新稿件" in html and "/theme/css/site.css" in html
    assert not PolicyNewsPage.objects.filter(slug="unsaved-draft").exists()


def test_every_editorial_kind_previews_with_its_site_template(rf, wagtail_root, django_user_model):
    from django.core.management import call_command

    from search.registry import registry

    call_command("load_content", verbosity=0)
    # Reports are drafted from complaint data, not seed content: one for an empty half-month.
    from cms.reports.drafting import draft_report
    from registry_api.complaints.report import Period

    draft_report(Period.parse("2026-11-01:2026-11-15")).page.get_latest_revision().publish()
    request = rf.get("/admin/")
    request.user = django_user_model.objects.create_superuser("previewer", password="x")
    page_kinds = [kind for kind in registry().values() if kind.page_model is not None]
    assert len(page_kinds) >= 8
    for kind in page_kinds:
        page = kind.page_model.objects.live().first()
        assert page is not None, f"no seed content for {kind.name}"
        response = page.serve_preview(request, page.default_preview_mode)
        html = response.content.decode()
        assert response.status_code == 200, kind.name
        assert "/theme/css/site.css" in html, kind.name
        assert page.title in html, kind.name
