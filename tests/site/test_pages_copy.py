"""CMS pages kept between builds (pages_copy.py): what is fetched again, what is patched."""

import datetime
import json

import pytest


@pytest.fixture
def pages_copy(plugin):
    from hongshan_api import pages_copy

    return pages_copy


def stored(pages_copy, tmp_path, answers: dict, *, age=datetime.timedelta(0)):
    """A previous build's state folder holding `answers` (page type → value)."""
    copy = pages_copy.PagesCopy(changed=[])
    for page_type, value in answers.items():
        copy.get(page_type, lambda value=value: value)
    fetched_at = (datetime.datetime.now(datetime.UTC) - age).isoformat()
    for entry in copy.current.values():
        entry["fetched_at"] = fetched_at
    copy.write(str(tmp_path))
    return str(tmp_path)


def fetcher(value, calls: list, name: str):
    def fetch(*args):
        calls.append((name, *args))
        return value(*args) if callable(value) else value

    return fetch


NEWS = [{"id": 1, "title": "一"}, {"id": 2, "title": "二"}]


def test_without_a_hint_every_type_is_fetched(pages_copy, tmp_path):
    state = stored(pages_copy, tmp_path, {"pages.PolicyNewsPage": NEWS})
    calls: list = []
    copy = pages_copy.PagesCopy(previous_state=state, changed=None)
    assert copy.get("pages.PolicyNewsPage", fetcher(NEWS, calls, "all")) == NEWS
    assert calls == [("all",)]


def test_an_unchanged_type_comes_from_the_copy_and_a_changed_one_is_fetched(pages_copy, tmp_path):
    state = stored(pages_copy, tmp_path, {"pages.PolicyNewsPage": NEWS, "guides.GuidePage": []})
    calls: list = []
    copy = pages_copy.PagesCopy(previous_state=state, changed=["guides.GuidePage"])
    assert copy.get("pages.PolicyNewsPage", fetcher([], calls, "news")) == NEWS
    assert copy.get("guides.GuidePage", fetcher([{"id": 9}], calls, "guides")) == [{"id": 9}]
    assert calls == [("guides",)]


def test_named_pages_are_patched_into_the_kept_list(pages_copy, tmp_path):
    """Page 2 was unpublished (the API no longer lists it), page 3 published, page 1 edited."""
    state = stored(pages_copy, tmp_path, {"pages.PolicyNewsPage": NEWS})
    live = {1: {"id": 1, "title": "一（改）"}, 3: {"id": 3, "title": "三"}}
    calls: list = []
    copy = pages_copy.PagesCopy(previous_state=state, changed=["pages.PolicyNewsPage:1:2:3"])
    items = copy.get(
        "pages.PolicyNewsPage", fetcher(NEWS, calls, "all"), fetcher(live.get, calls, "one")
    )
    assert sorted(items, key=lambda item: item["id"]) == [live[1], live[3]]
    assert calls == [("one", 1), ("one", 2), ("one", 3)]  # never the whole section
    copy.write(str(tmp_path / "next"))
    assert json.loads(copy.current["pages.PolicyNewsPage"]["text"]) == items


def test_the_platform_lists_follow_any_platform_change(pages_copy, tmp_path):
    state = stored(pages_copy, tmp_path, {"*": [["p"], {}]})
    for changed, fetched in (
        (["pages.PolicyNewsPage:1"], False),
        (["pages.PolicyNewsPage:1", "*"], True),
        (["pages.PlatformPage:4"], True),
    ):
        calls: list = []
        copy = pages_copy.PagesCopy(previous_state=state, changed=changed)
        copy.get("*", fetcher([["q"], {}], calls, "all"), also=("pages.PlatformPage",))
        assert bool(calls) is fetched, changed


def test_an_old_copy_or_another_fingerprint_is_fetched_again(pages_copy, tmp_path):
    state = stored(pages_copy, tmp_path, {"pages.PolicyNewsPage": NEWS}, age=pages_copy.MAX_AGE * 2)
    calls: list = []
    copy = pages_copy.PagesCopy(previous_state=state, changed=[])
    copy.get("pages.PolicyNewsPage", fetcher(NEWS, calls, "all"))
    other = pages_copy.PagesCopy(previous_state=state, changed=[], fingerprint="other")
    other.get("pages.PolicyNewsPage", fetcher(NEWS, calls, "all"))
    assert calls == [("all",), ("all",)]
