"""The worker's site builds run in the warm build process when it answers (`build.py --serve`),
in a child process when it does not; the warm process leaves to be restarted when the code
on disk is no longer the code it runs, and a bad request does not stop it.

The byte-for-byte check of warm incremental builds against a full build is in
test_incremental.py (`any_build`)."""

import os
import shutil

import pytest

from cms.publishing.builder import build_in_warm_process
from cms.publishing.models import SiteBuild
from cms.publishing.services import site_build_run
from tests.conftest import ROOT, WarmBuilder

pytestmark = pytest.mark.build


def test_the_worker_builds_in_the_warm_process(
    content, live_server, warm_builder, settings, tmp_path
):
    settings.SITE_BUILDER_SOCKET = warm_builder.socket
    output = tmp_path / "out"
    first = site_build_run(api_url=live_server.url, output_dir=str(output))
    second = site_build_run(api_url=live_server.url, output_dir=str(output))
    assert (first.status, second.status) == (SiteBuild.Status.SUCCEEDED,) * 2, second.log
    assert "no warm build process answered" not in first.log + second.log
    assert "applied to the live build in place" in second.log
    assert "state file(s) read from memory" in second.log
    assert (output / "current" / "enterprises" / "index.html").is_file()


def test_without_a_warm_process_the_worker_builds_in_a_child_process(
    content, live_server, settings, tmp_path
):
    settings.SITE_BUILDER_SOCKET = tmp_path / "nobody-listens.sock"
    build = site_build_run(api_url=live_server.url, output_dir=str(tmp_path / "out"))
    assert build.status == SiteBuild.Status.SUCCEEDED, build.log
    assert build.log.startswith("no warm build process answered: built in a child process")
    assert (tmp_path / "out" / "current" / "index.html").is_file()


def test_a_bad_request_is_refused_and_the_process_lives_on(warm_builder, tmp_path):
    refused = build_in_warm_process(["--no-such-option"], warm_builder.socket)
    assert refused is not None and refused.returncode == 2
    serve_again = build_in_warm_process(["--serve", "x.sock"], warm_builder.socket)
    assert serve_again is not None and serve_again.returncode == 2
    assert warm_builder.process.poll() is None


def test_the_warm_process_leaves_to_be_restarted_when_its_code_changes(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "site", site, ignore=shutil.ignore_patterns("output", "__pycache__"))
    builder = WarmBuilder(tmp_path / "builder.sock", site_dir=site)
    try:
        changed = site / "plugins" / "hongshan_api" / "filters.py"
        stat = changed.stat()
        os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a deploy
        answer = build_in_warm_process(["--output", str(tmp_path / "out")], builder.socket)
        assert answer is None  # the caller builds in a child process instead
        assert builder.process.wait(timeout=10) == 3  # for its supervisor to start it again
        assert not (tmp_path / "out").exists()  # it built nothing with the old code
    finally:
        builder.stop()
