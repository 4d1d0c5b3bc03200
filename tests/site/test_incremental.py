"""Incremental site builds against a live test server: what is reused, what is rendered, and
that the result equals a full build of the same data, byte for byte."""

import datetime
import filecmp
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from wagtail.models import Site

from cms.pages.models import HomePage, NewsIndexPage, NoticePage
from tests.factories import DistrictFactory, EnterpriseFactory, publish_news

pytestmark = pytest.mark.build

NOTICE_DAY = datetime.date(2026, 3, 1)


@pytest.fixture
def content(transactional_db, wagtail_root, settings, tmp_path):
    """Two districts, four enterprises, a home page, one news item, one notice valid until
    NOTICE_DAY."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    west = DistrictFactory(code="150402001", name="西屯街道")
    town = DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    enterprises = [
        EnterpriseFactory(district=west),
        EnterpriseFactory(district=west),
        EnterpriseFactory(district=town),
        EnterpriseFactory(district=town),
    ]
    home = HomePage(title="首页", slug="hongshan", intro="<p>欢迎访问。</p>")
    wagtail_root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    index = NewsIndexPage(title="政策资讯", slug="news")
    home.add_child(instance=index)
    news = publish_news(index, title="红山区举办小微企业招聘会", slug="job-fair")
    notice = NoticePage(
        title="测试公示",
        slug="publicity",
        notice_type="publicity",
        publication_date=NOTICE_DAY - datetime.timedelta(days=10),
        valid_until=NOTICE_DAY,
        document_number="红市监公告〔2099〕1号",
        body=json.dumps([{"type": "paragraph", "value": "<p>公示内容。</p>"}]),
    )
    index.add_child(instance=notice)
    notice.save_revision().publish()
    return {"enterprises": enterprises, "index": index, "news": news, "notice": notice}


def build(run_build, url: str, output: Path, *extra: str):
    result = run_build(url, output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def live(output: Path) -> Path:
    return (output / "current").resolve()


def manifest(output: Path) -> dict:
    state = output / "state" / live(output).name / "manifest.json"
    return json.loads(state.read_text(encoding="utf-8"))


def page(output: Path, url_path: str) -> Path:
    return live(output) / url_path.lstrip("/") / "index.html"


def inode(path: Path) -> int:
    return path.stat().st_ino


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def assert_same_tree(left: Path, right: Path) -> None:
    files = tree(left)
    assert files == tree(right)
    _, mismatch, errors = filecmp.cmpfiles(left, right, sorted(files), shallow=False)
    assert (mismatch, errors) == ([], [])


def test_unchanged_pages_are_linked_changed_ones_rendered_and_equal_a_full_build(
    content, live_server, tmp_path, run_build
):
    output = tmp_path / "out"
    first = build(run_build, live_server.url, output, "--today", "2026-02-01")
    assert "full build: no previous build with a manifest" in first.stdout
    assert manifest(output)["reused"] == 0
    kept, changed, deleted, moved = content["enterprises"]
    first_kept_page = page(output, f"/enterprises/{kept.credit_code}/")

    # Nothing changed: every page is reused except those of clock-reading templates (events).
    second = build(run_build, live_server.url, output, "--today", "2026-02-01")
    assert "full build" not in second.stdout
    again = manifest(output)
    assert again["incremental"] and again["rendered"] <= 2 and again["reused"] > 10
    assert re.search(r"built \d+ pages in \d+\.\ds \(rendered \d+, reused \d+\)", second.stdout)
    kept_page = page(output, f"/enterprises/{kept.credit_code}/")
    assert inode(kept_page) == inode(first_kept_page)

    # One enterprise renamed, one deleted, one moved to another district.
    changed.name = "赤峰红山改名后商贸有限公司"
    changed.save()
    deleted_code = deleted.credit_code
    deleted.delete()
    moved.district = kept.district
    moved.save()
    before = live(output)
    third = build(run_build, live_server.url, output, "--today", "2026-02-01")
    assert re.search(r"enterprise directory: \d+ changed, 1 deleted", third.stdout), third.stdout
    pages = manifest(output)["pages"]
    after = live(output)

    assert (
        "赤峰红山改名后商贸有限公司"
        in page(output, f"/enterprises/{changed.credit_code}/").read_text()
    )
    assert inode(page(output, f"/enterprises/{changed.credit_code}/")) != inode(
        before / "enterprises" / changed.credit_code / "index.html"
    )
    assert "赤峰红山改名后商贸有限公司" in page(output, "/enterprises/").read_text()
    assert not (after / "enterprises" / deleted_code).exists()
    assert f"enterprises/{deleted_code}/index.html" not in pages
    assert deleted_code not in page(output, "/enterprises/").read_text()
    # The moved enterprise left one district list and joined the other.
    assert moved.credit_code in page(output, "/enterprises/district/150402001/").read_text()
    assert moved.credit_code not in page(output, "/enterprises/district/150402100/").read_text()
    # Untouched: the very same file (hard link) as in the build before.
    assert inode(page(output, f"/enterprises/{kept.credit_code}/")) == inode(
        before / "enterprises" / kept.credit_code / "index.html"
    )
    assert inode(page(output, f"/news/{content['news'].id}/")) == inode(
        before / "news" / str(content["news"].id) / "index.html"
    )

    # The strong check: a full build of the same data, elsewhere, is byte-identical.
    full_output = tmp_path / "full"
    full = build(run_build, live_server.url, full_output, "--today", "2026-02-01", "--full")
    assert "full build: --full" in full.stdout
    assert manifest(full_output)["reused"] == 0
    assert_same_tree(live(output), live(full_output))


def test_a_new_day_re_renders_date_dependent_pages_only(content, live_server, tmp_path, run_build):
    output = tmp_path / "out"
    notice = f"/notices/{content['notice'].id}/"
    enterprise = f"/enterprises/{content['enterprises'][0].credit_code}/"
    build(run_build, live_server.url, output, "--today", NOTICE_DAY.isoformat())
    assert "已过期" not in page(output, notice).read_text()
    before = live(output)

    next_day = (NOTICE_DAY + datetime.timedelta(days=1)).isoformat()
    build(run_build, live_server.url, output, "--today", next_day)

    assert "已过期" in page(output, notice).read_text()
    assert inode(page(output, notice)) != inode(before / notice.strip("/") / "index.html")
    assert inode(page(output, enterprise)) == inode(before / enterprise.strip("/") / "index.html")
    # Same day again: the notice is reused as well.
    previous = page(output, notice)
    build(run_build, live_server.url, output, "--today", next_day)
    assert inode(page(output, notice)) == inode(previous)


def test_a_changed_fingerprint_or_full_flag_renders_everything(
    content, live_server, tmp_path, run_build
):
    output = tmp_path / "out"
    build(run_build, live_server.url, output)
    # What a template or plugin edit does to the live build's manifest: another fingerprint.
    state = output / "state" / live(output).name / "manifest.json"
    recorded = json.loads(state.read_text(encoding="utf-8"))
    state.write_text(json.dumps({**recorded, "fingerprint": "an older theme"}), encoding="utf-8")

    result = build(run_build, live_server.url, output)
    assert "full build: templates, plugin code or configuration changed" in result.stdout
    assert manifest(output)["reused"] == 0

    forced = build(run_build, live_server.url, output, "--full")
    assert "full build: --full" in forced.stdout
    assert "enterprise directory: full fetch (--full)" in forced.stdout
    assert manifest(output)["reused"] == 0


def test_fingerprint_follows_template_contents(plugin, tmp_path):
    from hongshan_api.incremental import fingerprint

    theme = tmp_path / "theme"
    shutil.copytree(Path(plugin.__file__).parents[2] / "theme" / "templates", theme / "templates")
    settings = {"THEME": str(theme), "HONGSHAN_SITE_URL": "https://example.test"}
    before = fingerprint(settings)
    assert fingerprint(settings) == before
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- edited -->", encoding="utf-8")
    assert fingerprint(settings) != before
    assert fingerprint({**settings, "HONGSHAN_SITE_URL": "https://other.test"}) != fingerprint(
        settings
    )


def test_template_inputs_name_shared_variables_and_clock_filters(plugin):
    from hongshan_api.filters import FILTERS
    from hongshan_api.incremental import TemplateInputs
    from jinja2 import DictLoader, Environment

    env = Environment(
        loader=DictLoader(
            {
                "base.html": "{{ SITENAME }}{% block content %}{% endblock %}",
                "_m.html": "{% macro when(x) %}{{ x|event_status }}{% endmacro %}",
                "list.html": '{% extends "base.html" %}{% block content %}'
                "{% for d in districts %}{{ d }}{% endfor %}{{ item.valid_until|is_past }}"
                "{% endblock %}",
                "event.html": '{% from "_m.html" import when %}{{ when(item) }}',
                "dynamic.html": "{% include item.template %}",
            }
        )
    )
    env.filters.update(FILTERS)
    inputs = TemplateInputs(env)
    variables, filters = inputs.of("list.html")
    assert {"SITENAME", "districts", "item"} <= variables and "is_past" in filters
    assert "event_status" in inputs.of("event.html")[1]
    assert inputs.of("dynamic.html") is None  # cannot know what it reads: always rendered


def test_a_path_written_twice_never_rewrites_the_live_builds_file(plugin, tmp_path):
    from hongshan_api.incremental import RenderCache
    from jinja2 import DictLoader, Environment

    env = Environment(loader=DictLoader({"t.html": "{{ item }}"}))
    old, new = tmp_path / "old", tmp_path / "new"
    (old / "a").mkdir(parents=True)
    (old / "a" / "index.html").write_text("live page", encoding="utf-8")

    def cache(previous_dir, previous):
        return RenderCache(
            env=env,
            context={},
            output_path=new,
            fingerprint="f",
            today=datetime.date(2026, 11, 27),
            previous_dir=previous_dir,
            previous=previous,
        )

    key = cache(None, None).key("t.html", "a/index.html", {"item": 1})
    current = cache(old, {"pages": {"a/index.html": key}})
    assert current.reuse("a/index.html", key)
    assert inode(new / "a" / "index.html") == inode(old / "a" / "index.html")
    # The same path again in this build: not linked twice; the link is dropped before writing.
    assert not current.reuse("a/index.html", key)
    current.before_render("a/index.html")
    (new / "a" / "index.html").write_text("second version", encoding="utf-8")
    assert (old / "a" / "index.html").read_text(encoding="utf-8") == "live page"
    assert current.manifest()["pages"] == {"a/index.html": key}


def stored_directory(output: Path) -> dict:
    path = output / "state" / live(output).name / "enterprises.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def test_a_stored_directory_of_another_shape_is_fetched_whole(
    content, live_server, tmp_path, run_build
):
    output = tmp_path / "out"
    build(run_build, live_server.url, output)
    # What the copy looks like after a deploy added a field to the API's enterprises.
    stored = stored_directory(output)
    assert len(stored["items"]) == 4
    for item in stored["items"]:
        item.pop("scale_display")
    path = output / "state" / live(output).name / "enterprises.json.gz"
    path.write_bytes(gzip.compress(json.dumps(stored).encode()))

    result = build(run_build, live_server.url, output)
    assert "full fetch (the API's enterprise fields changed)" in result.stdout
    assert all("scale_display" in item for item in stored_directory(output)["items"])
