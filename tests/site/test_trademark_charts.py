"""The SVG charts of the trademark statistics page (plugin module charts.py), drawn alone."""

import pytest


@pytest.fixture(scope="module")
def charts(plugin):
    import hongshan_api.charts

    return hongshan_api.charts


def test_ticks_are_round_and_cover_the_maximum(charts):
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(7) == [0, 2, 4, 6, 8]
    assert charts.nice_ticks(2_397) == [0, 500, 1000, 1500, 2000, 2500]


def test_text_width_counts_chinese_as_one_em(charts):
    assert charts.text_width("西屯街道", 10) == 40
    assert charts.text_width("第25类", 10) == pytest.approx(32)  # digits about 0.6 em


def test_bar_chart_names_itself_labels_bars_and_escapes_text(charts):
    svg = str(
        charts.bar_chart(
            "chart-x",
            "各街镇商标件数",
            [("西屯街道", 3), ("<b>区外</b>", 0)],
            category_label="街镇",
            value_label="商标件数（件）",
        )
    )
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-x"')
    assert 'role="img" aria-labelledby="chart-x-title chart-x-desc"' in svg
    assert '<title id="chart-x-title">各街镇商标件数</title>' in svg
    assert "WenQuanYi Zen Hei" in svg and "<title>西屯街道：3</title>" in svg
    assert "<b>" not in svg and "&lt;b&gt;区外&lt;/b&gt;" in svg
    assert svg.count("<rect ") == 2 and svg.endswith("</svg>")


def test_line_chart_draws_one_line_per_series_with_a_legend(charts):
    svg = str(
        charts.line_chart(
            "chart-y",
            "历年商标申请与注册件数",
            [2024, 2025, 2026],
            [("申请件数", [5, 0, 2]), ("注册件数", [1, 4, 0])],
            category_label="年份",
            value_label="件数（件）",
        )
    )
    assert svg.count("<polyline ") == 2 and svg.count("<circle ") == 6
    assert "<title>2025年注册件数：4</title>" in svg
    assert "申请件数" in svg and "年份" in svg and "2026" in svg
