"""GuidePage (办事指南): where it lives, the rules on its fields and blocks, its API v2 fields."""

import pytest
from django.core.exceptions import ValidationError

from cms.guides.blocks import LawReferenceBlock, OfficeBlock, StepsBlock
from cms.guides.models import GuidePage
from cms.pages.models import NewsIndexPage, PlatformPage
from tests.factories import guide_page, publish_page

pytestmark = pytest.mark.django_db

GUIDES = "/api/cms/v2/pages/?type=guides.GuidePage&fields=*"


def block_errors(block, value) -> dict:
    with pytest.raises(ValidationError) as raised:
        block.clean(block.to_python(value))
    return raised.value.as_json_data()


def test_guides_live_below_a_platform_page():
    assert GuidePage.allowed_parent_page_models() == [PlatformPage]
    assert GuidePage not in NewsIndexPage.allowed_subpage_models()


def test_a_valid_guide_is_saved_and_published(platform_page):
    page = publish_page(platform_page("market-access"), guide_page())
    assert page.live and page.matter_type_display == "股权出质"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"promised_days": 5, "statutory_days": 3, "promised_time_limit": "5日"},
            "promised_days",
            "承诺时限不能长于法定时限。",
        ),
        (
            {"statutory_time_limit": "", "statutory_days": 3},
            "statutory_time_limit",
            "填写了法定时限天数，请同时用文字说明法定时限。",
        ),
        (
            {"online_service_name": "国家企业信用信息公示系统"},
            "online_url",
            "填写了网上办理平台名称，请同时填写链接。",
        ),
    ],
)
def test_cross_field_rules_refuse_bad_input(platform_page, fields, field, message):
    parent = platform_page("market-access")
    with pytest.raises(ValidationError) as raised:
        parent.add_child(instance=guide_page(**fields))
    assert raised.value.message_dict[field] == [message]
    assert not GuidePage.objects.exists()


def test_matter_type_must_be_a_known_choice(platform_page):
    with pytest.raises(ValidationError) as raised:
        platform_page("market-access").add_child(instance=guide_page(matter_type="tax"))
    assert "matter_type" in raised.value.message_dict


def test_a_guide_needs_at_least_one_step():
    assert "messages" in block_errors(StepsBlock(), [])


def test_office_phone_must_be_an_office_line_not_a_mobile():
    office = {"place": "红山区政务服务中心", "address": "", "hours": ""}
    assert OfficeBlock().clean(OfficeBlock().to_python({**office, "phone": "0476-8234567"}))
    assert OfficeBlock().clean(OfficeBlock().to_python({**office, "phone": "12315"}))
    mobile = block_errors(OfficeBlock(), {**office, "phone": "13812345678"})
    assert mobile["blockErrors"]["phone"]["messages"] == [
        "请填写办公电话或服务热线，不要公开个人手机号。"
    ]
    assert "phone" in block_errors(OfficeBlock(), {**office, "phone": "call us"})["blockErrors"]


def test_law_reference_link_text_needs_a_link():
    law = {"title": "《股权出质登记办法》", "provision": "", "link_text": "查看全文"}
    errors = block_errors(LawReferenceBlock(), {**law, "url": ""})
    assert errors["blockErrors"]["url"]["messages"] == ["填写了链接文字，请同时填写链接。"]
    assert LawReferenceBlock().clean(
        LawReferenceBlock().to_python({**law, "url": "https://www.samr.gov.cn/"})
    )


def test_every_guide_field_is_in_the_api(client, platform_page):
    publish_page(
        platform_page("market-access"),
        guide_page(
            fees="不收费",
            promised_time_limit="当场办结",
            promised_days=0,
            online_url="https://www.gsxt.gov.cn",
            online_service_name="国家企业信用信息公示系统",
            legal_basis=[
                {
                    "type": "law",
                    "value": {
                        "title": "《中华人民共和国民法典》",
                        "provision": "第四百四十三条",
                        "url": "",
                        "link_text": "",
                    },
                }
            ],
            offices=[
                {
                    "type": "office",
                    "value": {
                        "place": "红山区政务服务中心市场监管窗口",
                        "address": "",
                        "hours": "法定工作日",
                        "phone": "12345",
                    },
                }
            ],
        ),
    )
    item = client.get(GUIDES).json()["items"][0]
    assert item["matter_type"] == "equity_pledge" and item["matter_type_display"] == "股权出质"
    assert item["summary"].startswith("以股权出质的")
    assert [step["value"]["title"] for step in item["steps"]] == ["签订质权合同", "申请登记"]
    assert item["steps"][0]["value"]["description"] == "<p>书面合同。</p>"
    material = item["materials"][0]["value"]
    assert material == {
        "name": "质权合同",
        "form": "original",
        "form_display": "原件",
        "count": 1,
        "note": "",
    }
    assert item["fees"] == "不收费"
    assert (item["statutory_time_limit"], item["statutory_days"]) == ("当场办理", 0)
    assert (item["promised_time_limit"], item["promised_days"]) == ("当场办结", 0)
    assert item["legal_basis"][0]["value"]["provision"] == "第四百四十三条"
    assert item["offices"][0]["value"]["phone"] == "12345"
    assert item["online_url"] == "https://www.gsxt.gov.cn"
    assert item["online_service_name"] == "国家企业信用信息公示系统"
    assert item["faq"][0]["value"]["question"] == "股权被冻结还能出质吗？"
    assert item["body"] == []


def test_the_admin_offers_the_guide_form_below_a_platform(client, platform_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin"))
    parent = platform_page("market-access")
    response = client.get(f"/admin/pages/add/guides/guidepage/{parent.id}/")
    assert response.status_code == 200
    for label in ("办理流程", "申请材料", "法定时限", "常见问题", "网上办理链接"):
        assert label.encode() in response.content
