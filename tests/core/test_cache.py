"""The embedded shared cache writes without listing its folder each time (core/cache.py)."""

import pytest

from core import cache as folder_cache
from core.cache import FolderCache


@pytest.fixture
def small_cache(tmp_path):
    return FolderCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 50, "CULL_FREQUENCY": 2}})


def listings(cache, monkeypatch) -> list[int]:
    counted = []
    real = cache._list_cache_files

    def counting():
        files = real()
        counted.append(len(files))
        return files

    monkeypatch.setattr(cache, "_list_cache_files", counting)
    return counted


def test_writes_between_culls_do_not_list_the_folder(small_cache, monkeypatch):
    counted = listings(small_cache, monkeypatch)
    for number in range(200):
        small_cache.set(f"key-{number}", number)

    assert len(counted) == 1, "the folder is counted once per CULL_SECONDS, not per write"
    assert small_cache.get("key-199") == 199


def test_a_folder_over_its_limit_is_culled_once_the_interval_has_passed(small_cache, monkeypatch):
    for number in range(200):
        small_cache.set(f"key-{number}", number)
    assert len(small_cache._list_cache_files()) == 200, "over the limit until the next cull"

    monkeypatch.setattr(folder_cache, "CULL_SECONDS", 0.0)
    small_cache._cull_due = 0.0
    small_cache.set("one-more", 1)

    assert len(small_cache._list_cache_files()) == 101, "half culled (CULL_FREQUENCY 2), then one"
    assert small_cache.get("one-more") == 1
