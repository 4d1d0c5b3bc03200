"""POST /api/v1/contracts/{id}/fill/: checked values in, a personalised DOCX out, nothing stored."""

import json
from io import BytesIO
from urllib.parse import quote

import docx
import pytest
import yaml
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Revision

from cms.legal.contract_docx import DOCX_CONTENT_TYPE

from .pages import publish_contract

pytestmark = pytest.mark.django_db

VALUES = {
    "甲方名称": "赤峰市红山区鑫源商贸有限公司",
    "乙方名称": "红山区老街坊餐馆",
    "月租金": "3500",
    "起租日期": "2026-05-01",
    "租期": "12",
}


@pytest.fixture
def contract(legal):
    return publish_contract(legal)


def fill_url(page) -> str:
    return f"/api/v1/contracts/{page.pk}/fill/"


def post_json(client, page, body, **extra):
    return client.post(
        fill_url(page), data=json.dumps(body), content_type="application/json", **extra
    )


def docx_text(response) -> str:
    document = docx.Document(BytesIO(response.content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def field_errors(response) -> dict:
    body = response.json()
    assert body["error"]["code"] == "validation_error", body
    return body["error"]["fields"]


def test_valid_values_give_a_docx_with_the_values_in_place(client, contract):
    response = post_json(client, contract, {"values": VALUES})

    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="contract-{contract.pk}.docx"' in disposition
    assert "filename*=UTF-8''" + quote("商铺租赁合同（示范文本）（2026版）.docx") in disposition
    assert response["Cache-Control"] == "no-store"

    text = docx_text(response)
    lines = text.splitlines()
    assert lines[0] == "商铺租赁合同（示范文本）" and lines[1] == "（2026版）"
    assert "出租人（甲方）：赤峰市红山区鑫源商贸有限公司" in lines
    assert "承租人（乙方）：红山区老街坊餐馆" in lines
    assert "第二条　租金" in lines
    assert "月租金为人民币3,500.00元（大写：叁仟伍佰元整），按季支付。" in lines
    assert "租赁期限为12个月，自2026年5月1日起计算。" in lines
    assert "签订地点：＿＿＿＿＿＿" in lines  # optional and left empty: a line to write on
    assert "{{" not in text


def test_flat_json_and_a_form_post_are_accepted(client, contract):
    flat = post_json(client, contract, {**VALUES, "签订地点": "红山区"})
    assert flat.status_code == 200 and "签订地点：红山区" in docx_text(flat)

    form = client.post(fill_url(contract), data=VALUES)  # application/x-www-form-urlencoded…
    assert form.status_code == 200
    assert "红山区老街坊餐馆" in docx_text(form)


def test_a_form_post_needs_no_csrf_token(contract):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        fill_url(contract),
        data="&".join(f"{quote(k)}={quote(v)}" for k, v in VALUES.items()),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200


def test_missing_required_values_are_field_errors(client, contract):
    values = {**VALUES, "甲方名称": "  "}
    del values["月租金"]
    response = post_json(client, contract, {"values": values})
    assert response.status_code == 400
    assert field_errors(response) == {"甲方名称": ["此项为必填项。"], "月租金": ["此项为必填项。"]}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("月租金", "-1", "金额不能为负数。"),
        ("月租金", "12.345", "金额最多保留两位小数。"),
        ("月租金", "三千五", "请输入金额数字（单位：元），如 12000 或 12000.50。"),
        ("月租金", "1e3", "请输入金额数字（单位：元），如 12000 或 12000.50。"),
        ("月租金", "NaN", "请输入金额数字（单位：元），如 12000 或 12000.50。"),
        ("月租金", "10000000000000", "金额过大，请核对。"),
        ("起租日期", "2026/05/01", "请输入有效日期，格式为 YYYY-MM-DD，如 2026-05-01。"),
        ("起租日期", "2026-02-30", "请输入有效日期，格式为 YYYY-MM-DD，如 2026-05-01。"),
        ("租期", "1.5", "请输入整数，如 12。"),
        ("租期", "-3", "请输入不小于0的整数。"),
        ("甲方名称", "甲\n方", "不能包含换行符或控制字符。"),
        ("甲方名称", "甲" * 201, "不能超过200个字符。"),
        ("甲方名称", True, "只能填写一个值。"),
        ("甲方名称", ["甲", "乙"], "只能填写一个值。"),
    ],
)
def test_malformed_values_are_field_errors(client, contract, name, value, message):
    response = post_json(client, contract, {"values": {**VALUES, name: value}})
    assert response.status_code == 400
    assert field_errors(response) == {name: [message]}


def test_json_numbers_are_accepted_for_numeric_fields(client, contract):
    response = post_json(client, contract, {"values": {**VALUES, "月租金": 3500.5, "租期": 6}})
    assert response.status_code == 200
    assert "月租金为人民币3,500.50元（大写：叁仟伍佰元伍角整），按季支付。" in docx_text(response)


def test_unknown_fields_are_refused(client, contract):
    response = post_json(client, contract, {"values": {**VALUES, "押金": "100"}})
    assert response.status_code == 400
    assert field_errors(response) == {"押金": ["未知字段：本合同没有这一填写项。"]}

    mixed = post_json(client, contract, {"values": VALUES, "甲方名称": "x"})
    assert field_errors(mixed) == {"甲方名称": ["与 values 同时提交时不能有其他字段。"]}


def test_a_body_that_is_not_an_object_is_refused(client, contract):
    assert "_" in field_errors(post_json(client, contract, ["甲方名称"]))
    assert "values" in field_errors(post_json(client, contract, {"values": "甲方名称"}))
    broken = client.post(fill_url(contract), data="{", content_type="application/json")
    assert broken.status_code == 400 and broken.json()["error"]["code"] == "parse_error"


def test_unknown_and_unpublished_templates_are_404_in_the_error_format(client, contract, legal):
    response = post_json(client, contract, {"values": VALUES}, **{})
    assert response.status_code == 200
    missing = client.post(
        "/api/v1/contracts/999999/fill/", data={}, content_type="application/json"
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert missing.json()["error"]["message"] == "未找到所请求的资源。"

    contract.unpublish()
    assert post_json(client, contract, {"values": VALUES}).status_code == 404


def test_only_post_is_allowed(client, contract):
    response = client.get(fill_url(contract))
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_filling_in_stores_nothing(client, contract):
    api = "/api/cms/v2/pages/?type=legal.ContractTemplatePage&fields=*"
    before = (client.get(api).json(), Revision.objects.count())
    documents = get_document_model().objects.count()

    post_json(client, contract, {"values": VALUES})
    post_json(client, contract, {"values": {**VALUES, "月租金": "-1"}})

    assert (client.get(api).json(), Revision.objects.count()) == before
    assert get_document_model().objects.count() == documents


def test_a_browser_form_with_errors_gets_a_readable_page(client, contract):
    response = client.post(
        fill_url(contract), data={**VALUES, "月租金": "abc"}, HTTP_ACCEPT="text/html,*/*"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert "填写有误" in html and "月租金（元）" in html and "请输入金额数字" in html
    assert f'href="/contracts/{contract.pk}/#fill"' in html


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    operation = schema["paths"]["/api/v1/contracts/{id}/fill/"]["post"]
    assert operation["operationId"] == "contract_fill"
    assert "application/x-www-form-urlencoded" in operation["requestBody"]["content"]
