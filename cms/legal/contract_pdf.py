"""Write a contract (ContractText) as a small PDF, with no PDF library and no embedded font.

Text is set in STSong-Light, one of the CJK fonts PDF readers must supply themselves (Adobe's
Chinese Simplified font pack; Acrobat, pdf.js, PDFium and poppler-data all do), addressed
through the UniGB-UCS2-H CMap: a page of text costs a few kilobytes and the project needs no
heavy dependency or CJK font file. Layout is deliberately simple: A4, one column, lines
wrapped by character width, no line starting with closing punctuation.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from .contract_text import ContractText

PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72.0, 72.0, 64.0
BODY_SIZE = 11.0
LINE_FACTOR = 1.7
# Never at the start of a line (GB/T 15834 practice): closing marks and sentence punctuation.
NO_LINE_START = set("，。、；：？！）》」』”’】〕…—,.;:?!)")


@dataclass(frozen=True)
class Line:
    text: str
    size: float = BODY_SIZE
    bold: bool = False
    center: bool = False
    indent: float = 0.0  # points
    space_before: float = 0.0


def _char_width(ch: str) -> float:
    """Advance width in ems: half-width for ASCII (CIDs 1–95 of Adobe-GB1), full otherwise."""
    return 0.5 if " " <= ch <= "~" else 1.0


def _text_width(text: str, size: float) -> float:
    return sum(_char_width(ch) for ch in text) * size


def wrap(text: str, width: float, size: float, first_indent: float = 0.0) -> list[str]:
    """Break `text` into lines no wider than `width` points (the first one indented)."""
    lines: list[str] = []
    current, used, limit = "", 0.0, width - first_indent
    for ch in text:
        advance = _char_width(ch) * size
        if current and used + advance > limit and ch not in NO_LINE_START:
            lines.append(current)
            current, used, limit = "", 0.0, width
        current += ch
        used += advance
    if current or not lines:
        lines.append(current)
    return lines


def _layout(text: ContractText) -> list[Line]:
    lines = [
        Line(text.title, size=18, bold=True, center=True),
        Line(text.subtitle, center=True, space_before=4),
    ]
    if text.issuing_body:
        lines.append(Line(f"{text.issuing_body} 制定", size=9.5, center=True))
    lines.extend(
        Line(line, space_before=10 if i == 0 else 0) for i, line in enumerate(text.preamble)
    )
    for clause in text.clauses:
        lines.append(Line(f"{clause.label}　{clause.heading}", bold=True, space_before=8))
        lines.extend(Line(paragraph, indent=2 * BODY_SIZE) for paragraph in clause.paragraphs)
    lines.extend(
        Line(line, space_before=14 if i == 0 else 0) for i, line in enumerate(text.closing)
    )
    return lines


def _hex(text: str) -> str:
    """UCS-2 big-endian hex for a UniGB-UCS2-H string; characters beyond the BMP become ？."""
    return "".join(f"{ord(ch) if ord(ch) <= 0xFFFF else 0xFF1F:04X}" for ch in text)


def _page_streams(lines: list[Line]) -> list[bytes]:
    """Content streams, one per page."""
    width = PAGE_WIDTH - 2 * MARGIN_X
    pages: list[list[str]] = [[]]
    y = PAGE_HEIGHT - MARGIN_TOP
    for line in lines:
        rows = wrap(line.text, width, line.size, line.indent)
        y -= line.space_before
        for index, row in enumerate(rows):
            step = line.size * LINE_FACTOR
            if y - step < MARGIN_BOTTOM:
                pages.append([])
                y = PAGE_HEIGHT - MARGIN_TOP
            y -= step
            if line.center:
                x = (PAGE_WIDTH - _text_width(row, line.size)) / 2
            else:
                x = MARGIN_X + (line.indent if index == 0 else 0)
            # Render mode 2 (fill and stroke) thickens the strokes: a bold face without a font.
            mode = "2 Tr 0.35 w" if line.bold else "0 Tr"
            pages[-1].append(
                f"BT /F1 {line.size:g} Tf {mode} {x:.2f} {y:.2f} Td <{_hex(row)}> Tj ET"
            )
    return [zlib.compress("\n".join(ops).encode("ascii"), 9) for ops in pages]


def _info_string(text: str) -> str:
    return "<FEFF" + "".join(f"{b:02X}" for b in text.encode("utf-16-be")) + ">"


def contract_pdf_bytes(text: ContractText) -> bytes:
    """The contract as a PDF 1.4 file (A4), byte-for-byte the same for the same text."""
    streams = _page_streams(_layout(text))
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: str | bytes) -> int:
        objects.append(body.encode("ascii") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # filled in once the page tree exists
    pages_id = add("")
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        "/CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        f"/FontDescriptor {descriptor} 0 R /DW 1000 /W [1 95 500] >>"
    )
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        f"/DescendantFonts [{cid_font} 0 R] >>"
    )
    page_ids = []
    for stream in streams:
        content = add(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode("ascii")
            + stream
            + b"\nendstream"
        )
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R "
                f"/MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            )
        )
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] "
        f"/Count {len(page_ids)} >>"
    ).encode("ascii")
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode("ascii")
    info = add(
        f"<< /Title {_info_string(text.title + text.subtitle)} "
        f"/Author {_info_string(text.issuing_body)} /Producer (hongshan-platform) >>"
    )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)
