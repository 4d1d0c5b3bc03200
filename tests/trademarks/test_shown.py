"""The marks' shapes kept per process (registry_api/trademarks/shown.py): the very shape the
serializer makes, made again whenever the mark, its events, its classes, its owner, the date
or the host change, and, when nothing did, answered with one query and no serializing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from registry_api.enterprises import services as enterprise_services
from registry_api.trademarks import services, shown
from registry_api.trademarks.models import Trademark
from registry_api.trademarks.selectors import trademark_list
from registry_api.trademarks.serializers import TrademarkSerializer

pytestmark = pytest.mark.django_db


def context(host="testserver"):
    return {"request": Request(APIRequestFactory().get("/", HTTP_HOST=host))}


def serialized(mark, host="testserver"):
    fresh = trademark_list().get(pk=mark.pk)
    return TrademarkSerializer(fresh, context=context(host)).data


def shape(mark, host="testserver"):
    return shown.marks_shown([mark.pk], context(host))[mark.pk]


def test_a_kept_shape_is_the_serializers_and_costs_one_query(library):
    marks = [library["hongshan"], library["person"], library["near"]]
    first = shown.marks_shown([m.pk for m in marks], context())
    assert [first[m.pk] for m in marks] == [serialized(m) for m in marks]

    with CaptureQueriesContext(connection) as queries:
        again = shown.shown_in_order([m.pk for m in reversed(marks)], context())
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert again == [first[m.pk] for m in reversed(marks)]


def test_every_change_that_shows_is_made_again(library):
    mark, dairy = library["hongshan"], library["dairy"]
    assert shape(mark)["name"] == "红山"

    services.trademark_update(trademark=Trademark.objects.get(pk=mark.pk), agent="赤峰知识产权代理")
    assert shape(mark)["agent"] == "赤峰知识产权代理"

    services.trademark_event_add(
        trademark=mark, kind="transfer", happened_on=datetime.date(2024, 5, 1), details="转让"
    )
    assert [e["kind"] for e in shape(mark)["events"]] == ["transfer"]

    services.trademark_classes_set(trademark=mark, classes={30: "茶；糖"})
    assert [c["number"] for c in shape(mark)["classes"]] == [30]

    enterprise_services.enterprise_update(enterprise=dairy, name="赤峰红山乳品有限公司")
    assert shape(mark)["owner"]["name"] == "赤峰红山乳品有限公司"
    assert shape(mark) == serialized(mark)


def test_the_renewal_state_moves_with_the_date(library, clock):
    mark = Trademark.objects.get(pk=library["hongshan"].pk)
    # Registered 2016-02-07: ten years on, the renewal window opens a year before.
    clock.move_to(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC))
    before = shape(mark)["renewal"]["state"]
    clock.move_to(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC))
    after = shape(mark)["renewal"]["state"]
    assert before != after
    assert shape(mark) == serialized(mark)


def test_each_host_reads_the_logo_at_its_own_address(library):
    mark = library["hongshan"]
    Trademark.objects.filter(pk=mark.pk).update(logo="trademarks/logos/hongshan.png")
    for host in ("testserver", "api.example.org", "testserver"):
        assert shape(mark, host) == serialized(mark, host)
        assert shape(mark, host)["logo"] == f"http://{host}/media/trademarks/logos/hongshan.png"


def test_a_new_process_keeps_the_latest_marks_before_they_are_asked_for(library, monkeypatch):
    monkeypatch.setattr(shown, "SIZE", 2)
    monkeypatch.setattr(shown, "WARM_BATCH", 1)
    marks = Trademark.objects.order_by("-updated_at")
    latest, older = list(marks[:2]), marks[2]
    expected = [serialized(m) for m in latest]
    shown.warm()
    with CaptureQueriesContext(connection) as queries:
        answered = shown.shown_in_order([m.pk for m in latest], context())
    assert len(queries) == 1, "both kept by warm()"
    assert answered == expected
    with CaptureQueriesContext(connection) as queries:
        shown.marks_shown([older.pk], context())
    assert len(queries) > 1, "only SIZE marks are kept"


def test_a_mark_gone_is_left_out(library):
    mark, other = library["near"], library["unrelated"]
    shown.marks_shown([mark.pk], context())
    Trademark.objects.filter(pk=mark.pk).delete()
    assert shown.shown_in_order([mark.pk, other.pk], context()) == [serialized(other)]


def test_the_oldest_shapes_go_first(library, monkeypatch):
    monkeypatch.setattr(shown, "SIZE", 2)
    a, b, c = library["hongshan"], library["near"], library["unrelated"]
    shown.marks_shown([a.pk, b.pk], context())
    shown.marks_shown([a.pk], context())  # a is now the most recently used
    shown.marks_shown([c.pk], context())
    with CaptureQueriesContext(connection) as queries:
        shown.marks_shown([a.pk, c.pk], context())
    assert len(queries) == 1, "a and c kept, b dropped"
