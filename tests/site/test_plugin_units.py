"""Units of the site build that need no server: theme filters, rich text, publishing."""

import datetime
import os

import pytest


def test_chinese_date_accepts_dates_timestamps_and_strings(plugin):
    chinese_date = plugin.filters.chinese_date
    assert chinese_date("2026-11-27") == "2026年11月27日"
    assert chinese_date("2026-03-09") == "2026年3月9日"
    assert chinese_date(datetime.date(2026, 1, 5)) == "2026年1月5日"
    # A timestamp keeps the day of its own offset: 00:30 in Shanghai is still the 27th.
    assert chinese_date("2026-11-27T00:30:00+08:00") == "2026年11月27日"
    assert chinese_date(None) == ""
    assert chinese_date("not a date") == ""


def test_file_size_and_capital_read_like_a_person_writes_them(plugin):
    assert plugin.filters.filesize(820) == "820 B"
    assert plugin.filters.filesize(35_000) == "34 KB"
    assert plugin.filters.filesize(1_300_000) == "1.2 MB"
    assert plugin.filters.filesize(None) == ""
    assert plugin.filters.capital("1200.50") == "1,200.5 万元"
    assert plugin.filters.capital("100.00") == "100 万元"
    assert plugin.filters.capital(None) == "—"


def test_internal_page_links_point_at_the_static_site(plugin):
    html = (
        '<p>见<a linktype="page" id="7">通知</a>和<a id="9" linktype="page">旧页</a>，'
        '附件<a linktype="document" id="3">下载</a>，<a href="/news/">列表</a>。</p>'
    )
    out = plugin.richtext.richtext_for_site(html, {7: "/news/7/"}.get)
    assert '<a href="/news/7/">通知</a>' in out
    assert "<a>旧页</a>" in out and "<a>下载</a>" in out
    assert '<a href="/news/">列表</a>' in out
    assert "linktype" not in out


def make_builds(builds, names):
    for name in names:
        (builds / name).mkdir(parents=True)


def test_publish_swaps_the_current_symlink_in_one_rename(build_script, tmp_path):
    builds = tmp_path / "builds"
    make_builds(builds, ["20260101T000000.000001Z", "20260101T000000.000002Z"])
    build_script.publish(tmp_path, builds / "20260101T000000.000001Z")
    build_script.publish(tmp_path, builds / "20260101T000000.000002Z")
    current = tmp_path / "current"
    assert current.is_symlink()
    assert os.readlink(current) == os.path.join("builds", "20260101T000000.000002Z")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".current")] == []


def test_prune_keeps_current_and_the_two_newest_others(build_script, tmp_path):
    builds = tmp_path / "builds"
    names = [f"20260101T00000{n}.000000Z" for n in range(6)]
    make_builds(builds, names)
    # The live build need not be the newest: a newer build may still be writing.
    build_script.publish(tmp_path, builds / names[3])
    build_script.prune(builds, tmp_path / "current", keep=2)
    assert sorted(p.name for p in builds.iterdir()) == [names[3], names[4], names[5]]
    # The detached deleter empties the trash; waited for here, or pytest's exit would find it
    # still running (a ResourceWarning that fails the session on a busy machine).
    for deleter in build_script.DELETERS:
        deleter.wait(timeout=30)
    assert [list(batch.iterdir()) for batch in (tmp_path / "trash").iterdir()] in ([], [[]])


def test_publish_refuses_to_replace_a_real_folder(build_script, tmp_path):
    (tmp_path / "current").mkdir()
    (tmp_path / "builds" / "b").mkdir(parents=True)
    with pytest.raises(RuntimeError, match="real folder"):
        build_script.publish(tmp_path, tmp_path / "builds" / "b")
