"""Write a contract (ContractText) as a Word document with python-docx."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .contract_text import ContractText

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
BODY_SIZE = Pt(12)


def _set_font(element_owner, name: str) -> None:
    """Latin and East Asian font of a style or run: Word picks CJK glyphs from w:eastAsia."""
    element_owner.font.name = name
    fonts = element_owner.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, *, bold=False, size=None, center=False, indent=False):
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        paragraph.paragraph_format.first_line_indent = BODY_SIZE * 2  # two characters
    run = paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = size
    if bold:
        _set_font(run, HEADING_FONT)
    return paragraph


def contract_docx_bytes(text: ContractText) -> bytes:
    """The contract as a .docx file: title, edition, parties, numbered clauses, signatures."""
    document = Document()
    normal = document.styles["Normal"]
    _set_font(normal, BODY_FONT)
    normal.font.size = BODY_SIZE
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(3.17)

    properties = document.core_properties
    properties.title = f"{text.title}{text.subtitle}"
    properties.author = text.issuing_body
    properties.subject = "合同示范文本"
    properties.language = "zh-CN"

    _paragraph(document, text.title, bold=True, size=Pt(18), center=True)
    _paragraph(document, text.subtitle, center=True)
    if text.issuing_body:
        _paragraph(document, f"{text.issuing_body} 制定", size=Pt(10.5), center=True)
    document.add_paragraph()
    for line in text.preamble:
        _paragraph(document, line)
    for clause in text.clauses:
        heading = _paragraph(document, f"{clause.label}　{clause.heading}", bold=True)
        heading.paragraph_format.space_before = Pt(6)
        for line in clause.paragraphs:
            _paragraph(document, line, indent=True)
    if text.closing:
        document.add_paragraph()
        for line in text.closing:
            _paragraph(document, line)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
