"""Charts as inline SVG, drawn at build time: horizontal bars and a line chart, with Chinese text.

No chart library and no script: the page carries the drawing, so it shows without JavaScript
and prints. Each chart is an `<svg role="img">` named by its <title> and <desc>; the page adds
a data table under it for screen readers and for exact figures. Every <text> inherits a
font-family list of CJK fonts (FONT_FAMILY): SVG text is drawn with the system's fonts, and a
browser without a Chinese font draws empty boxes (tofu) instead.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', "
    "'Microsoft YaHei', 'PingFang SC', sans-serif"
)
# The drawing is WIDTH units wide and shown at most that many CSS pixels wide (never stretched
# to a wide column): text is FONT_SIZE px on a desktop, and on a 390 px phone, whose text column
# is 358 px, 15 × 358 / 420 ≈ 12.8 px. Keep FONT_SIZE / WIDTH ≥ 12 / 358 when changing either.
WIDTH = 420
FONT_SIZE = 15
TITLE_SIZE = 16
BAR_COLOUR = "#1b4f8a"  # the site's accent colour
SERIES_COLOURS = ("#1b4f8a", "#c77c00")  # accent and an amber that differs in lightness too
TEXT_COLOUR = "#1f2328"
MUTED_COLOUR = "#5a6270"
GRID_COLOUR = "#d8dde3"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated drawn width: wide (CJK) characters one em, others about 0.6 em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in str(text))


def nice_ticks(maximum: float, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least `maximum` (0, 50, 100 … rather than 0, 47, 94)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x, y, content, *, size=FONT_SIZE, anchor="start", colour=TEXT_COLOUR, extra="") -> str:
    return (
        f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{colour}"{extra}>{escape(content)}</text>'
    )


@dataclass(frozen=True)
class Frame:
    """The outer parts every chart has: id (for aria), title, description, size."""

    chart_id: str
    title: str
    description: str
    width: int
    height: int

    def open(self) -> str:
        ids = f"{self.chart_id}-title {self.chart_id}-desc"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(self.chart_id)}" '
            f'role="img" aria-labelledby="{escape(ids)}" viewBox="0 0 {self.width} '
            f'{self.height}" width="{self.width}" height="{self.height}" '
            f'preserveAspectRatio="xMinYMin meet" style="max-width:100%;height:auto" '
            f'font-family="{FONT_FAMILY}">'
            f'<title id="{escape(self.chart_id)}-title">{escape(self.title)}</title>'
            f'<desc id="{escape(self.chart_id)}-desc">{escape(self.description)}</desc>'
            + _text(0, TITLE_SIZE + 2, self.title, size=TITLE_SIZE, extra=' font-weight="bold"')
        )


def bar_chart(
    chart_id: str,
    title: str,
    rows: list[tuple[str, int]],
    *,
    category_label: str,
    value_label: str,
    width: int = WIDTH,
) -> Markup:
    """Horizontal bars, one row per (label, value), the value written at the bar's end.

    Horizontal so that Chinese labels stay upright and a phone shows them at a readable size
    (see WIDTH).
    """
    row_height, bar_height = 26, 16
    label_width = max([text_width(label) for label, _ in rows] + [text_width(category_label)])
    left = math.ceil(label_width) + 8
    value_room = text_width(str(max([v for _, v in rows] + [0]))) + 8
    plot_width = width - left - value_room
    top = TITLE_SIZE + 30  # title, then the category axis name above the labels
    ticks = nice_ticks(max([v for _, v in rows] + [0]))
    scale = plot_width / ticks[-1]
    plot_bottom = top + row_height * len(rows)
    height = plot_bottom + 44
    frame = Frame(
        chart_id, title, f"{category_label}与{value_label}，共{len(rows)}项", width, height
    )
    parts = [frame.open(), _text(0, top - 8, category_label, colour=MUTED_COLOUR)]
    for tick in ticks:
        x = left + tick * scale
        parts.append(
            f'<line x1="{_fmt(x)}" y1="{top}" x2="{_fmt(x)}" y2="{plot_bottom}" '
            f'stroke="{GRID_COLOUR}"/>'
        )
        parts.append(_text(x, plot_bottom + 16, f"{tick:,}", anchor="middle", colour=MUTED_COLOUR))
    for index, (label, value) in enumerate(rows):
        y = top + index * row_height
        middle = y + row_height / 2 + FONT_SIZE * 0.35
        bar = value * scale
        parts.append(_text(left - 8, middle, label, anchor="end", extra=' class="chart__label"'))
        parts.append(
            f'<rect x="{left}" y="{_fmt(y + (row_height - bar_height) / 2)}" '
            f'width="{_fmt(bar)}" height="{bar_height}" fill="{BAR_COLOUR}">'
            f"<title>{escape(label)}：{value:,}</title></rect>"
        )
        parts.append(_text(left + bar + 4, middle, f"{value:,}", extra=' class="chart__value"'))
    parts.append(
        _text(
            left + plot_width / 2,
            plot_bottom + 36,
            value_label,
            anchor="middle",
            colour=MUTED_COLOUR,
        )
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    chart_id: str,
    title: str,
    categories: list[int],
    series: list[tuple[str, list[int]]],
    *,
    category_label: str,
    value_label: str,
    width: int = WIDTH,
    height: int = 300,
) -> Markup:
    """One line per (name, values) over `categories`, which are years, with a legend above
    the plot; every point carries a <title> with its figure, and about eight years are
    labelled on the axis."""
    maximum = max([v for _, values in series for v in values] + [0])
    ticks = nice_ticks(maximum)
    left = math.ceil(text_width(f"{ticks[-1]:,}")) + 14
    right = math.ceil(text_width("0000") / 2) + 4  # room for the last year's label
    top = TITLE_SIZE + 58  # title, legend, then the value axis name
    bottom = height - 40
    plot_width, plot_height = width - left - right, bottom - top
    step = plot_width / max(len(categories) - 1, 1)

    def x_of(index: int) -> float:
        return left + index * step

    def y_of(value: float) -> float:
        return bottom - value / ticks[-1] * plot_height

    frame = Frame(
        chart_id,
        title,
        f"{category_label}与{value_label}，{'、'.join(name for name, _ in series)}"
        + (f"，{categories[0]}至{categories[-1]}" if categories else ""),
        width,
        height,
    )
    parts = [frame.open()]
    legend_x = 0.0
    for (name, _), colour in zip(series, SERIES_COLOURS, strict=False):
        parts.append(
            f'<rect x="{_fmt(legend_x)}" y="{TITLE_SIZE + 12}" width="14" height="4" '
            f'fill="{colour}"/>'
        )
        parts.append(_text(legend_x + 18, TITLE_SIZE + 19, name, extra=' class="chart__legend"'))
        legend_x += 18 + text_width(name) + 20
    parts.append(_text(0, top - 14, value_label, colour=MUTED_COLOUR))
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{_fmt(y)}" x2="{width - right}" y2="{_fmt(y)}" '
            f'stroke="{GRID_COLOUR}"/>'
        )
        parts.append(_text(left - 6, y + 4, f"{tick:,}", anchor="end", colour=MUTED_COLOUR))
    every = max(1, math.ceil(len(categories) / 8))
    for index, category in enumerate(categories):
        if (len(categories) - 1 - index) % every == 0:  # evenly, ending on the last year
            parts.append(
                _text(x_of(index), bottom + 16, str(category), anchor="middle", colour=MUTED_COLOUR)
            )
    for (name, values), colour in zip(series, SERIES_COLOURS, strict=False):
        points = " ".join(f"{_fmt(x_of(i))},{_fmt(y_of(v))}" for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        for index, value in enumerate(values):
            parts.append(
                f'<circle cx="{_fmt(x_of(index))}" cy="{_fmt(y_of(value))}" r="2.5" '
                f'fill="{colour}"><title>{escape(categories[index])}年{escape(name)}：'
                f"{value:,}</title></circle>"
            )
    parts.append(
        _text(
            left + plot_width / 2, height - 6, category_label, anchor="middle", colour=MUTED_COLOUR
        )
    )
    parts.append("</svg>")
    return Markup("".join(parts))
