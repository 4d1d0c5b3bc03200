"""The warm build process's memory of state files (plugins/hongshan_api/state_memo.py): a
value comes back for the very file it was read from or written to, renamed or linked, and
never for a file someone else wrote since."""

import json
import os

import pytest


@pytest.fixture
def memo(plugin, monkeypatch):
    from hongshan_api import state_memo

    monkeypatch.setattr(state_memo, "_enabled", True)
    monkeypatch.setattr(state_memo, "_current", {})
    monkeypatch.setattr(state_memo, "_previous", {})
    monkeypatch.setattr(state_memo, "hits", 0)
    return state_memo


def test_a_written_file_is_not_decoded_again_even_renamed_or_linked(memo, tmp_path):
    staged = tmp_path / "staged" / "manifest.json"
    staged.parent.mkdir()
    value = {"pages": {"index.html": "k1"}}
    memo.write_json(staged, value)
    live = tmp_path / "manifest.json"
    os.replace(staged, live)  # as build.py applies a build's state
    linked = tmp_path / "linked.json.gz"
    memo.write_json(tmp_path / "copy.json.gz", [1, 2])
    os.link(tmp_path / "copy.json.gz", linked)

    memo.build_started()
    assert memo.read_json(live) is value
    assert memo.read_json(linked) == [1, 2]
    assert memo.hits == 2


def test_a_file_another_writer_replaced_is_read_again(memo, tmp_path):
    path = tmp_path / "manifest.json"
    memo.write_json(path, {"pages": {"a": "old"}})
    replacement = tmp_path / "other.json"
    replacement.write_text(json.dumps({"pages": {"a": "new"}}), encoding="utf-8")
    os.replace(replacement, path)  # e.g. a one-off build.py run by hand
    assert memo.read_json(path) == {"pages": {"a": "new"}}
    assert memo.hits == 0


def test_only_the_last_two_builds_values_are_kept(memo, tmp_path):
    path = tmp_path / "lists.json.gz"
    memo.write_json(path, {"n": 1})
    memo.build_started()  # the next build: still remembered
    memo.build_started()  # the one after, and the file was not touched by the previous one
    assert memo.read_json(path) == {"n": 1}
    assert memo.hits == 0  # decoded again, then remembered afresh
    memo.build_started()
    assert memo.read_json(path) == {"n": 1} and memo.hits == 1


def test_nothing_is_remembered_unless_enabled(plugin, tmp_path):
    from hongshan_api import state_memo

    assert not state_memo._enabled  # a one-off build.py run
    path = tmp_path / "manifest.json"
    state_memo.write_json(path, {"pages": {}})
    first, second = state_memo.read_json(path), state_memo.read_json(path)
    assert first == second and first is not second
