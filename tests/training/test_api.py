"""GET /api/v1/trainings/: public sessions only, the contract's shape, counts and never a
name, with filters, cursor, ETag, the change feed, exports and the OpenAPI schema."""

from django.utils import timezone

from registry_api.training.services import attendance_record

URL = "/api/v1/trainings/"
FIELDS = {
    "id", "title", "topic", "date", "start_time", "venue", "district", "station", "trainer",
    "audience", "attendee_count", "completed_count", "materials", "registration", "updated_at",
}  # fmt: skip
PRIVATE = ["张海燕", "刘志强", "150402198001011234", "13900001111", "富龙小区"]


def attend(sessions, people):
    attendance_record(session=sessions.public, person=people.mediator, completed=True)
    attendance_record(session=sessions.public, person=people.officer)
    attendance_record(session=sessions.later, person=people.officer, attended=False)


def test_the_list_shape_and_counts(api, sessions, people):
    attend(sessions, people)
    body = api.get(URL).json()
    assert [row["id"] for row in body["results"]] == [sessions.later.pk, sessions.public.pk]
    first = body["results"][1]
    assert set(first) == FIELDS
    assert first["district"] == {"code": "150402004", "name": "东城街道"}
    assert first["station"] == {"code": "fulong", "name": "富龙社区消费维权服务站"}
    assert first["audience"] == ["消费维权调解员", "食药安全信息员"]
    assert (first["attendee_count"], first["completed_count"]) == (2, 1)
    assert first["materials"] == [
        {"title": "课件", "url": "/learning/a/"},
        {"title": "讲义", "url": "/learning/"},
    ]
    assert first["date"] == "2026-03-15"
    later = body["results"][0]
    assert later["station"] is None and (later["attendee_count"], later["completed_count"]) == (
        0,
        0,
    )


def test_private_sessions_are_not_public(api, sessions):
    ids = [row["id"] for row in api.get(URL).json()["results"]]
    assert sessions.private.pk not in ids
    assert api.get(f"{URL}{sessions.private.pk}/").status_code == 404
    assert api.get(f"{URL}{sessions.public.pk}/").json()["title"].startswith("市场监督管理")


def test_no_attendee_name_or_private_data_in_any_output(api, sessions, people):
    attend(sessions, people)
    outputs = [
        api.get(URL).content.decode(),
        api.get(f"{URL}{sessions.public.pk}/").content.decode(),
        b"".join(api.get(URL, {"format": "csv"}).streaming_content).decode(),
        b"".join(api.get(URL, {"format": "jsonl"}).streaming_content).decode(),
    ]
    for output in outputs:
        assert "富龙社区消费维权服务站" in output  # the outputs do hold the session
        for value in PRIVATE:
            assert value not in output


def test_filters(api, sessions):
    def ids(**query):
        return [row["id"] for row in api.get(URL, query).json()["results"]]

    assert ids(district="150402001") == [sessions.later.pk]
    assert ids(**{"from": "2026-04-01"}) == [sessions.later.pk]
    assert ids(to="2026-04-01") == [sessions.public.pk]
    assert ids(**{"from": "2026-03-15", "to": "2026-03-15"}) == [sessions.public.pk]
    bad = api.get(URL, {"from": "上周"})
    assert bad.status_code == 400


def test_cursor_pages(api, sessions):
    page = api.get(URL, {"page_size": 1}).json()
    assert len(page["results"]) == 1 and page["next"]
    second = api.get(page["next"]).json()
    assert second["results"][0]["id"] == sessions.public.pk and second["next"] is None


def test_etag_and_the_change_feed_follow_attendance(api, sessions, people):
    first = api.get(URL)
    etag = first["ETag"]
    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    since = timezone.now().isoformat()
    assert api.get(URL, {"updated_since": since}).json()["results"] == []
    attendance_record(session=sessions.public, person=people.mediator)
    assert api.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200
    changed = api.get(URL, {"updated_since": since}).json()["results"]
    assert [row["id"] for row in changed] == [sessions.public.pk]


def test_in_the_openapi_schema(api, db):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    listing = schema["paths"]["/api/v1/trainings/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"district", "from", "to", "updated_since", "cursor", "format"} <= names
    assert "/api/v1/trainings/{id}/" in schema["paths"]
