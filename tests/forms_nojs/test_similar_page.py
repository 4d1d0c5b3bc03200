"""/forms/trademarks/similar/?name=&classes=: the similarity check by name without
JavaScript, computed by the API's own selector on the real search engine."""

import pytest

from .conftest import page_text

PAGE = "/forms/trademarks/similar/"


@pytest.mark.engine
def test_similar_marks_by_name_as_a_page(browser_client, indexed, settings):
    response = browser_client.get(PAGE, {"name": "红山", "classes": ["33"]})
    assert response.status_code == 200
    html = page_text(response)
    assert "找到 1 件与“红山”近似的在先商标" in html
    assert 'href="/trademarks/10000002/">宏山</a>' in html and "相似度 90%" in html
    assert 'value="33" checked' in html and 'value="红山"' in html
    assert browser_client.get(PAGE)["Location"] == "/trademarks/similar/"

    refused = browser_client.get(PAGE, {"name": "！？", "classes": ["0"]})
    assert refused.status_code == 400
    name_error = (
        'data-error-for="name" id="error-name" role="alert">商标名称须包含文字、字母或数字。'
    )
    assert name_error + "</p>" in page_text(refused)

    settings.TRADEMARK_SIMILAR_RATE = "1/hour"
    browser_client.get(PAGE, {"name": "宏山"})
    throttled = browser_client.get(PAGE, {"name": "宏山"})
    assert throttled.status_code == 429 and "请求过于频繁" in page_text(throttled)
