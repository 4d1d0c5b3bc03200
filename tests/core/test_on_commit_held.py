"""Held after-commit work: collected across many transactions, flushed once at the end."""

import pytest
from django.db import transaction

from core.on_commit import on_commit_collect, on_commit_held

pytestmark = pytest.mark.django_db(transaction=True)


def test_work_held_across_transactions_is_flushed_once_at_the_end():
    flushed = []
    with on_commit_held("build"):
        for chunk in range(3):
            with transaction.atomic():
                on_commit_collect("build", None, flushed.append)
                on_commit_collect("other", chunk, flushed.append)
        assert flushed == [[0], [1], [2]]  # other names are not held
    assert flushed == [[0], [1], [2], [None]]


def test_held_work_is_flushed_when_the_block_fails():
    """An interrupted import's committed rows are shown too."""
    flushed = []
    with pytest.raises(RuntimeError), on_commit_held("build"):
        with transaction.atomic():
            on_commit_collect("build", "a", flushed.append)
        raise RuntimeError
    assert flushed == [["a"]]


def test_nothing_collected_nothing_flushed():
    flushed = []
    with on_commit_held("build"):
        pass
    assert flushed == []
