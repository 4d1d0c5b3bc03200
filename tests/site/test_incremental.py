"""Incremental site builds against a live test server: what is reused, what is rendered, that
the live build is patched in place, that a crash mid-apply leaves a manifest that never claims
a stale page, and that the result equals a full build of the same data, byte for byte."""

import datetime
import filecmp
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.conftest import NOTICE_DAY

pytestmark = pytest.mark.build


def build(run_build, url: str, output: Path, *extra: str):
    result = run_build(url, output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def live(output: Path) -> Path:
    return (output / "current").resolve()


def manifest(output: Path) -> dict:
    """The live manifest as the next build reads it: keys of the paths an interrupted apply
    listed as unknown (manifest.unknown.json) are None."""
    state = output / "state" / live(output).name
    found = json.loads((state / "manifest.json").read_text(encoding="utf-8"))
    delta = state / "manifest.delta.json"  # a warm process's changes since manifest.json
    if delta.exists():
        changes = json.loads(delta.read_text(encoding="utf-8"))
        if changes["base"] == found["id"]:
            pages = {**found["pages"], **changes["set"]}
            for path in changes["removed"]:
                del pages[path]
            found = {**changes["meta"], "pages": pages}
    unknown = state / "manifest.unknown.json"
    if unknown.exists():
        paths = json.loads(unknown.read_text(encoding="utf-8"))["paths"]
        found["pages"].update(dict.fromkeys(paths))
    return found


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


@pytest.fixture(params=["child process", "warm process"])
def any_build(request, run_build):
    """Both ways the worker builds: a child process each time, or the warm build process
    that remembers the state between builds (state_memo.py)."""
    if request.param == "child process":
        return run_build
    return request.getfixturevalue("warm_builder").run


def test_unchanged_pages_are_left_alone_changed_ones_rendered_and_equal_a_full_build(
    content, live_server, tmp_path, run_build, any_build
):
    output = tmp_path / "out"
    first = build(any_build, live_server.url, output, "--today", "2026-02-01")
    assert "full build: no previous build with a manifest" in first.stdout
    assert manifest(output)["reused"] == 0
    kept, changed, deleted, moved = content["enterprises"]
    first_kept_page = page(output, f"/enterprises/{kept.credit_code}/")

    # Nothing changed: every page is reused except those of clock-reading templates (events).
    second = build(any_build, live_server.url, output, "--today", "2026-02-01")
    assert "full build" not in second.stdout
    if any_build is not run_build:  # the manifest and the copies came from memory
        assert re.search(r"warm build process: [4-9] state file\(s\) read", second.stdout)
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
    changed_inode = inode(page(output, f"/enterprises/{changed.credit_code}/"))
    kept_inode = inode(page(output, f"/enterprises/{kept.credit_code}/"))
    news_inode = inode(page(output, f"/news/{content['news'].id}/"))
    third = build(any_build, live_server.url, output, "--today", "2026-02-01")
    assert re.search(r"enterprise directory: \d+ changed, 1 deleted", third.stdout), third.stdout
    pages = manifest(output)["pages"]
    after = live(output)
    assert after == before  # patched in place: no new build folder

    assert (
        "赤峰红山改名后商贸有限公司"
        in page(output, f"/enterprises/{changed.credit_code}/").read_text()
    )
    assert inode(page(output, f"/enterprises/{changed.credit_code}/")) != changed_inode
    assert "赤峰红山改名后商贸有限公司" in page(output, "/enterprises/").read_text()
    assert not (after / "enterprises" / deleted_code).exists()
    assert f"enterprises/{deleted_code}/index.html" not in pages
    assert deleted_code not in page(output, "/enterprises/").read_text()
    # The moved enterprise left one district list and joined the other.
    assert moved.credit_code in page(output, "/enterprises/district/150402001/").read_text()
    assert moved.credit_code not in page(output, "/enterprises/district/150402100/").read_text()
    # Untouched: the very same file as before the build.
    assert inode(page(output, f"/enterprises/{kept.credit_code}/")) == kept_inode
    assert inode(page(output, f"/news/{content['news'].id}/")) == news_inode

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
    notice_inode, enterprise_inode = inode(page(output, notice)), inode(page(output, enterprise))

    next_day = (NOTICE_DAY + datetime.timedelta(days=1)).isoformat()
    build(run_build, live_server.url, output, "--today", next_day)

    assert "已过期" in page(output, notice).read_text()
    assert inode(page(output, notice)) != notice_inode
    assert inode(page(output, enterprise)) == enterprise_inode
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


def test_reuse_trusts_the_manifest_and_a_path_written_twice_is_rendered(plugin, tmp_path):
    from hongshan_api.incremental import RenderCache
    from jinja2 import DictLoader, Environment

    env = Environment(loader=DictLoader({"t.html": "{{ item }}"}))

    def cache(previous):
        return RenderCache(
            env=env,
            context={},
            output_path=tmp_path / "staging",
            fingerprint="f",
            today=datetime.date(2026, 11, 27),
            previous_dir=tmp_path / "live" if previous else None,
            previous=previous,
        )

    key = cache(None).key("t.html", "a/index.html", {"item": 1})
    current = cache({"pages": {"a/index.html": key, "b/index.html": None}})
    # Reused on the manifest's word alone: no file is read, linked or written.
    assert current.reuse("a/index.html", key)
    assert not (tmp_path / "staging").exists()
    # The same path again in this build: rendered, not reused twice.
    assert not current.reuse("a/index.html", key)
    # A path marked unknown (a crashed apply) or absent is never reused.
    assert not current.reuse("b/index.html", key)
    assert not current.reuse("c/index.html", key)
    assert not cache(None).reuse("a/index.html", key)
    current.record("b/index.html", key, list_page=True)
    assert current.manifest()["pages"] == {"a/index.html": key, "b/index.html": key}
    assert current.manifest()["rendered_lists"] == ["b/index.html"]
    assert (current.reused, current.rendered) == (1, 1)


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


# A real build in a child process, as run_build does, whose apply_file raises once it has put
# the file `after` in place: what a crash (kill, full disk) half-way through an apply leaves.
CRASHING_BUILD = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("build", sys.argv[1])
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
applied, after, real = [], sys.argv[2], build.apply_file
def apply_file(staging, live, path, made):
    if after in applied:
        raise OSError("simulated crash half-way through the apply")
    real(staging, live, path, made)
    applied.append(path)
    print("applied", path)
build.apply_file = apply_file
sys.exit(build.main(sys.argv[3:]))
"""


def crashing_build(url: str, output: Path, after: str, *extra: str):
    script = Path(__file__).resolve().parents[2] / "site" / "build.py"
    return subprocess.run(
        [sys.executable, "-c", CRASHING_BUILD, str(script), after, "--api", url]
        + ["--output", str(output), *extra],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_an_incremental_build_patches_the_live_build_and_survives_a_crash_mid_apply(
    content, live_server, tmp_path, run_build
):
    output = tmp_path / "out"
    today = ("--today", "2026-02-01")
    build(run_build, live_server.url, output, *today)
    live_dir = live(output)
    builds = sorted(p.name for p in (output / "builds").iterdir())
    enterprise = content["enterprises"][0]
    detail = f"enterprises/{enterprise.credit_code}/index.html"
    old_name = enterprise.name

    # A rename, applied by a build that crashes once the detail page is in place (details go
    # before lists): the tree now has the new detail page and the old lists.
    enterprise.name = "赤峰红山崩溃测试商贸有限公司"
    enterprise.save()
    crashed = crashing_build(live_server.url, output, detail, *today)
    assert crashed.returncode == 1, crashed.stdout + crashed.stderr
    assert "simulated crash" in crashed.stdout
    assert f"applied {detail}" in crashed.stdout
    assert live(output) == live_dir
    assert "赤峰红山崩溃测试商贸有限公司" in (live_dir / detail).read_text(encoding="utf-8")
    assert "赤峰红山崩溃测试商贸有限公司" not in page(output, "/enterprises/").read_text()
    # The manifest does not vouch for the changed page nor for the list about to change.
    pages = manifest(output)["pages"]
    assert pages[detail] is None and pages["enterprises/index.html"] is None
    assert not (output / "staging").exists() or not any((output / "staging").iterdir())

    # The data goes back to what the manifest's old key described: the page must not be
    # reused as it is (it shows the new name), but rendered again.
    enterprise.name = old_name
    enterprise.save()
    build(run_build, live_server.url, output, *today)
    assert live(output) == live_dir
    assert sorted(p.name for p in (output / "builds").iterdir()) == builds  # no new build
    assert old_name in (live_dir / detail).read_text(encoding="utf-8")
    assert not (output / "staging").exists() or not any((output / "staging").iterdir())

    full_output = tmp_path / "full"
    build(run_build, live_server.url, full_output, *today, "--full")
    assert_same_tree(live(output), live(full_output))
    # Every key (None only for the clock-reading pages) as a full build of the same data has.
    assert manifest(output)["pages"] == manifest(full_output)["pages"]


def normalised(text: str) -> str:
    """The build log with the console's line wrapping undone."""
    return re.sub(r"\s+", " ", text)


def test_registry_lists_unchanged_since_the_previous_build_are_answered_304(
    content, live_server, tmp_path, run_build
):
    from registry_api.credit.models import Department
    from registry_api.credit.reference_data import load_credit_reference
    from tests.credit.conftest import make_record

    load_credit_reference()
    samr = Department.objects.get(code="samr")
    first, second = content["enterprises"][:2]
    make_record(first, samr, "红市监处罚〔2026〕8号")
    output = tmp_path / "out"
    initial = build(run_build, live_server.url, output)
    assert "(0 unchanged since the previous build: 304)" in normalised(initial.stdout)

    again = normalised(build(run_build, live_server.url, output).stdout)
    unchanged = int(re.search(r"\((\d+) unchanged since the previous build: 304\)", again)[1])
    assert unchanged >= 3  # credit records, finance's and services' lists

    # A new record changes the credit list's ETag: fetched whole again, and on the site.
    make_record(second, samr, "红市监处罚〔2026〕9号")
    changed = normalised(build(run_build, live_server.url, output).stdout)
    # (The agencies list shows its members' credit standing: its ETag changes as well.)
    now = int(re.search(r"\((\d+) unchanged since the previous build: 304\)", changed)[1])
    assert 0 < now < unchanged, changed
    timeline = page(output, f"/enterprises/{second.credit_code}/credit/").read_text()
    assert "红市监处罚〔2026〕9号" in timeline
    assert "红市监处罚〔2026〕9号" in page(output, "/credit/penalties/").read_text()

    full_output = tmp_path / "full"
    build(run_build, live_server.url, full_output, "--full")
    assert_same_tree(live(output), live(full_output))


def test_apply_order_puts_details_before_lists_and_the_sitemap_last(build_script):
    manifest = {
        "pages": dict.fromkeys(
            ["index.html", "news/index.html", "news/7/index.html", "404.html"], "k"
        ),
        "rendered_lists": ["news/index.html"],
    }
    staged = [
        "sitemap.xml",
        "index.html",
        "news/index.html",
        "feeds/news.atom.xml",
        "news/7/index.html",
        "theme/css/site.css",
    ]
    assert build_script.apply_order(staged, manifest) == [
        "news/7/index.html",
        "theme/css/site.css",
        "news/index.html",
        "index.html",
        "feeds/news.atom.xml",
        "sitemap.xml",
    ]


def inodes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in root.rglob("*") if p.is_file()}


def carried(result) -> int:
    """How many pages the build reused without keying them (a warm build's carry-over)."""
    found = re.search(r"\(([\d,]+) carried over unvisited\)", result.stdout)
    assert found, result.stdout
    return int(found.group(1).replace(",", ""))


def test_one_changed_item_renders_exactly_the_files_that_show_it(
    content, live_server, tmp_path, run_build, any_build
):
    """A changed enterprise re-renders its page, the lists and the sitemap chunk that show it,
    and nothing else besides the files every build writes; an unpublished page is removed
    from the tree, its list and the sitemap. A warm build process does not even key the
    pages of the items it had (the other enterprises, their lists), and writes the manifest
    as a delta."""
    warm = any_build is not run_build
    run_build = any_build
    output = tmp_path / "out"
    hint = "--cms-changed="
    build(run_build, live_server.url, output, "--today", "2026-02-01", hint)
    build(run_build, live_server.url, output, "--today", "2026-02-01", hint)
    before = inodes(live(output))
    build(run_build, live_server.url, output, "--today", "2026-02-01", hint)
    after = inodes(live(output))
    always = {path for path, number in after.items() if before.get(path) != number}
    # Pelican copies the theme's assets on every build; the rest are written every build.
    assert always <= {"robots.txt", "feeds/news.atom.xml"} | {
        path for path in after if path.startswith(("events/", "theme/"))
    }

    changed = content["enterprises"][1]
    changed.name = "赤峰红山一处改动商贸有限公司"
    changed.save()
    result = build(run_build, live_server.url, output, "--today", "2026-02-01", hint)
    rendered = {path for path, number in inodes(live(output)).items() if after[path] != number}
    state = output / "state" / live(output).name
    # The directory's copy: the previous one linked, the change beside it in a small delta.
    assert "赤峰红山一处改动商贸有限公司" in (state / "enterprises.delta.json").read_text("utf-8")
    pages = manifest(output)["pages"]
    details = [path for path in pages if re.fullmatch(r"enterprises/\w+/index.html", path)]
    if warm:  # every other enterprise's page at least, never the changed one's
        assert len(details) - 1 <= carried(result) < len(pages) - 3
        assert (state / "manifest.delta.json").exists()
    else:
        assert carried(result) == 0
        assert not (state / "manifest.delta.json").exists()
    district = changed.district.code
    assert rendered - always == {
        f"enterprises/{changed.credit_code}/index.html",
        "enterprises/index.html",
        f"enterprises/district/{district}/index.html",
        "sitemap-enterprises-1.xml",
    }

    news = content["news"]
    news.unpublish()
    build(
        run_build,
        live_server.url,
        output,
        "--today",
        "2026-02-01",
        f"--cms-changed={news.specific_class._meta.label}:{news.id}",
    )
    assert not (live(output) / "news" / str(news.id)).exists()
    assert f"/news/{news.id}/" not in page(output, "/news/").read_text()
    assert f"/news/{news.id}/" not in (live(output) / "sitemap-pages.xml").read_text()
    assert f"news/{news.id}/index.html" not in manifest(output)["pages"]
