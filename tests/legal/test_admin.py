"""The Wagtail admin form of contract templates runs the page's cross-inline rules on the
edited fields and editions, not on the stored ones."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.legal.models import ContractTemplatePage

from .pages import publish_contract, publish_law

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", password="x-unused-x")
    client.force_login(user)
    return client


def post_data(fields, clause_text):
    return nested_form_data(
        {
            "title": "委托合同（示范文本）",
            "slug": "entrustment",
            "category": "entrustment",
            "issuing_body": "红山区市场监督管理局",
            "summary": "",
            "scenarios": "代办登记",
            "fill_fields": inline_formset(
                [
                    {"name": name, "label": name, "field_type": "text", "required": "on"}
                    for name in fields
                ]
            ),
            "editions": inline_formset(
                [
                    {
                        "label": "2026版",
                        "slug": "2026",
                        "published_on": "2026-03-01",
                        "notes": "",
                        "preamble": "",
                        "closing": "",
                        "clauses": streamfield(
                            [("clause", {"number": 1, "heading": "委托事项", "text": clause_text})]
                        ),
                    }
                ],
                min=1,
            ),
            "action-publish": "publish",
        }
    )


def add_url(legal) -> str:
    return f"/admin/pages/add/legal/contracttemplatepage/{legal.pk}/"


def test_a_placeholder_without_a_field_is_refused_in_the_admin(admin_client, legal):
    response = admin_client.post(
        add_url(legal), post_data(["委托人名称"], "受托人：{{受托人名称}}")
    )
    assert response.status_code == 200  # the form again, with the error
    content = response.content.decode()
    assert "占位符“{{受托人名称}}”没有对应的填写项" in content
    assert "填写项“委托人名称”没有在现行版本" in content
    assert not ContractTemplatePage.objects.exists()


def test_a_consistent_template_is_published_from_the_admin(admin_client, legal):
    response = admin_client.post(
        add_url(legal), post_data(["受托人名称"], "受托人：{{受托人名称}}")
    )
    assert response.status_code == 302
    page = ContractTemplatePage.objects.get(slug="entrustment")
    assert page.live and page.current().label == "2026版"
    assert [field.name for field in page.fill_fields.all()] == ["受托人名称"]


def test_edit_views_render(admin_client, legal):
    for page in (publish_law(legal), publish_contract(legal)):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
