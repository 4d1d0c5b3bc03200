"""Builders of showcase stories for tests, published the way the admin publishes them."""

from __future__ import annotations

import datetime

from cms.showcase.models import ShowcaseStoryPage


def publish_story(parent, **fields) -> ShowcaseStoryPage:
    values = {
        "title": "佳盛饺子馆：后厨“亮”出来",
        "slug": "open-kitchen",
        "kind": ShowcaseStoryPage.Kind.PRACTICE,
        "publication_date": datetime.date(2026, 5, 20),
        "summary": "把后厨视频接到店堂屏幕上。",
        "body": [{"type": "paragraph", "value": "<p>明厨亮灶让顾客吃得放心。</p>"}],
    }
    values.update(fields)
    page = ShowcaseStoryPage(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
