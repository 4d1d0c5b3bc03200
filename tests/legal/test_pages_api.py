"""Laws and contract templates in the Wagtail API v2: every field, anchors, editions, diffs."""

import pytest

from .pages import publish_contract, publish_law

pytestmark = pytest.mark.django_db

LAWS = "/api/cms/v2/pages/?type=legal.LawPage&fields=*"
CONTRACTS = "/api/cms/v2/pages/?type=legal.ContractTemplatePage&fields=*"


def test_law_fields_chapters_and_article_anchors(client, legal):
    publish_law(legal)
    item = client.get(LAWS).json()["items"][0]

    assert item["issuing_body"] == "全国人民代表大会常务委员会"
    assert item["document_number"] == "中华人民共和国主席令第七号"
    assert item["promulgation_date"] == "2013-10-25" and item["effective_date"] == "2014-03-15"
    assert item["validity"] == "in_force" and item["validity_display"] == "现行有效"
    assert item["level"] == "law" and item["level_display"] == "法律"
    assert item["excerpt"] is True and item["summary"] == "节选。"
    assert item["article_count"] == 3
    chapters = [block["value"] for block in item["chapters"]]
    assert chapters[0]["title"] == "第一章 总则" and chapters[0]["anchor"] == "chapter-1"
    article = chapters[1]["articles"][0]
    assert article["number"] == "第五十五条" and article["anchor"] == "article-55"
    assert article["paragraphs"] == [
        "经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失。",
        "增加赔偿的金额不足五百元的，为五百元。",
    ]


def test_contract_fields_editions_and_comparison(client, legal):
    publish_contract(legal)
    response = client.get(CONTRACTS)
    assert "\\u" not in response.content.decode()  # Chinese stays UTF-8
    item = response.json()["items"][0]

    assert item["category"] == "lease" and item["category_display"] == "租赁"
    assert item["issuing_body"] == "红山区市场监督管理局"
    assert item["scenarios"] == ["个体工商户租赁门面", "小微企业租赁铺位"]
    fields = {field["name"]: field for field in item["fill_fields"]}
    assert fields["月租金"]["field_type"] == "amount"
    assert fields["月租金"]["type_display"] == "金额（元）"
    assert fields["签订地点"]["required"] is False
    assert fields["甲方名称"]["help_text"] == "营业执照上的全称"
    assert item["current_edition"] == {
        "slug": "2026",
        "label": "2026版",
        "published_on": "2026-03-01",
    }

    current, earlier = item["editions"]
    assert current["is_current"] and not earlier["is_current"]
    assert earlier["label"] == "2021版"
    clause = current["clauses"][1]["value"]
    assert clause["label"] == "第二条" and clause["anchor"] == "clause-2"
    assert clause["placeholders"] == ["月租金"]
    assert clause["paragraphs"][0][:2] == [
        {"text": "月租金为人民币"},
        {"field": "月租金", "format": ""},
    ]
    assert current["preamble"][0] == [
        {"text": "出租人（甲方）："},
        {"field": "甲方名称", "format": ""},
    ]
    assert current["docx"] is None and current["pdf"] is None

    (comparison,) = item["comparisons"]
    assert comparison["key"] == "2021-2026" and comparison["title"] == "2021版与2026版对照"
    assert comparison["counts"] == {"added": 2, "removed": 1, "changed": 1, "unchanged": 1}
    statuses = [(row["status"], row["heading"]) for row in comparison["rows"]]
    assert statuses == [
        ("unchanged", "房屋基本情况"),
        ("changed", "租金"),
        ("removed", "押金"),
        ("added", "租赁期限"),
        ("added", "维修责任"),
    ]
    changed = comparison["rows"][1]["text_ops"]
    assert {"op": "insert", "text": "（大写：［月租金（大写）］）"} in changed


def test_drafts_are_not_in_the_api(client, legal):
    page = publish_contract(legal)
    page.unpublish()
    assert client.get(CONTRACTS).json()["meta"]["total_count"] == 0
