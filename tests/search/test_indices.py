"""Versioned indices behind aliases: setup is idempotent, rebuilds swap without downtime."""

import pytest

from search.client import search_client
from search.indices import live_indices, migrate, setup, versions
from search.names import alias_name
from search.selectors import search_public
from search.services import search_reindex

from .conftest import refresh

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def test_setup_is_safe_to_rerun(search_engine, db):
    setup()
    first = {kind: live_indices(kind) for kind in ("news", "enterprise")}
    assert setup() == []
    assert {kind: live_indices(kind) for kind in ("news", "enterprise")} == first
    assert all(len(names) == 1 for names in first.values())


def test_reindex_swaps_alias_to_a_new_version_and_deletes_the_old(indexed):
    before = live_indices("news")
    assert search_public(query="红山").total == 2

    reports = search_reindex(kinds=["news"])

    after = live_indices("news")
    assert len(after) == 1 and after != before
    assert after[0] == reports[0].index and reports[0].indexed == 2
    assert reports[0].deleted_versions == before
    assert versions("news") == after
    assert not search_client().indices.exists(index=before[0])
    # The other kind was left alone.
    assert search_public(query="红山").total == 2


def test_search_keeps_answering_during_a_rebuild(indexed):
    answers = []

    def progress_factory(kind, total):
        # Called while the new version is being filled: the alias still serves the old one.
        def progress(n):
            answers.append(search_public(query="红山").counts[kind])

        return progress

    migrate(progress_factory=progress_factory)
    assert answers and all(count == 1 for count in answers)
    refresh()
    assert search_public(query="红山").total == 2


def test_changes_made_during_a_rebuild_are_reapplied(indexed):
    enterprise = indexed["enterprise_other"]
    changed = []

    def progress_factory(kind, total):
        def progress(n):
            if kind == "enterprise" and not changed:
                # A clerk edits a row mid-rebuild; its sync lands in the old version.
                enterprise.name = "赤峰松山红山联营有限公司"
                enterprise.save()
                changed.append(True)

        return progress

    reports = migrate(kinds=["enterprise"], progress_factory=progress_factory)
    refresh()
    assert reports[0].reapplied.get("indexed", 0) >= 1
    source = search_client().get(index=alias_name("enterprise"), id=enterprise.credit_code)
    assert source["_source"]["title"] == "赤峰松山红山联营有限公司"


def test_failed_rebuild_leaves_the_live_version_in_place(indexed):
    before = live_indices("news")

    def progress_factory(kind, total):
        def progress(n):
            raise RuntimeError("boom")

        return progress

    with pytest.raises(RuntimeError):
        migrate(kinds=["news"], progress_factory=progress_factory)
    assert live_indices("news") == before
    assert versions("news") == before
    assert search_public(query="专项").total == 1


def test_a_field_name_means_one_mapping_in_every_index():
    """`classes` was an integer in the idle-listing index and a keyword in the trademark
    index: a query or an aggregation over both meant two things."""
    from search.indices import _declared_fields
    from search.registry import kind_names, registry

    meanings: dict[str, dict[tuple, list[str]]] = {}
    for kind in kind_names():
        mapping = registry()[kind].document._doc_type.mapping.to_dict()["properties"]
        for name, spec in _declared_fields(mapping).items():
            meanings.setdefault(name, {}).setdefault(spec, []).append(kind)
    assert {name: found for name, found in meanings.items() if len(found) > 1} == {}


def test_a_mapping_changed_in_code_is_found(search_engine, db):
    """A re-run of the set-up rebuilds such a kind (setup_platform); writes cannot change an
    existing field's mapping."""
    from search.indices import mapping_changed

    setup(["idle_listing"])
    assert not mapping_changed("idle_listing")
    index = live_indices("idle_listing")[0]
    search_client().indices.delete(index=index)
    search_client().indices.create(
        index=index, mappings={"properties": {"classes": {"type": "integer"}}}
    )
    search_client().indices.put_alias(index=index, name=alias_name("idle_listing"))
    assert mapping_changed("idle_listing")
