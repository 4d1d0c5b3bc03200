"""The blank and filled-in contract files: DOCX through python-docx, PDF written by hand."""

import datetime
import re
import zlib
from decimal import Decimal
from io import BytesIO

import docx
import pytest

from cms.legal.contract_docx import contract_docx_bytes
from cms.legal.contract_pdf import contract_pdf_bytes, wrap
from cms.legal.contract_text import contract_text
from cms.legal.models import ContractTemplatePage

from .pages import CURRENT_CLAUSES, edition

pytestmark = pytest.mark.django_db  # a new page asks for its default locale


def template_and_edition():
    page = ContractTemplatePage(
        title="商铺租赁合同（示范文本）", issuing_body="红山区市场监督管理局"
    )
    return page, edition("2026", "2026版", None, CURRENT_CLAUSES)


def test_blank_form_has_lines_to_write_on():
    text = contract_text(*template_and_edition())
    assert text.preamble == ("出租人（甲方）：＿＿＿＿＿＿", "承租人（乙方）：＿＿＿＿＿＿")
    assert text.clauses[1].label == "第二条"
    assert "{{" not in text.plain_text()


def test_values_are_written_as_a_contract_writes_them():
    values = {"月租金": Decimal("12000.50"), "起租日期": datetime.date(2026, 5, 1), "租期": 24}
    text = contract_text(*template_and_edition(), values)
    assert text.clauses[1].paragraphs == (
        "月租金为人民币12,000.50元（大写：壹万贰仟元伍角整），按季支付。",
    )
    assert text.clauses[2].paragraphs == ("租赁期限为24个月，自2026年5月1日起计算。",)


def test_docx_reads_back_with_title_edition_and_east_asian_font():
    content = contract_docx_bytes(contract_text(*template_and_edition()))
    document = docx.Document(BytesIO(content))
    lines = [paragraph.text for paragraph in document.paragraphs]
    assert lines[:3] == ["商铺租赁合同（示范文本）", "（2026版）", "红山区市场监督管理局 制定"]
    assert "第四条　维修责任" in lines
    assert document.core_properties.title == "商铺租赁合同（示范文本）（2026版）"
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        "宋体"
    )


def test_pdf_is_well_formed_and_deterministic():
    text = contract_text(*template_and_edition())
    content = contract_pdf_bytes(text)
    assert content == contract_pdf_bytes(text)
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")

    # Every xref offset points at its object; startxref points at the table.
    startxref = int(re.search(rb"startxref\n(\d+)", content).group(1))
    assert content[startxref:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n", content)
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset) :].startswith(f"{number} 0 obj".encode())

    assert b"/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H" in content
    stream = re.search(rb"stream\n(.*?)\nendstream", content, re.S).group(1)
    ops = zlib.decompress(stream).decode()
    title_hex = "".join(f"{ord(ch):04X}" for ch in "商铺租赁合同")
    assert title_hex in ops


def test_lines_never_start_with_closing_punctuation():
    lines = wrap("甲" * 9 + "。乙", width=100, size=10)
    assert lines == ["甲" * 9 + "。", "乙"]
    assert all(not line.startswith("。") for line in lines)
