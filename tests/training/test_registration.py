"""Registration for a 大讲堂 session (the second kind of core/registrations): places as counts
in the public list, the 确认码, the refusals, the cancellation, the admin's attendee list, and
the no-JavaScript page answered in the site's look."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.registrations import services
from registry_api.training.models import TrainingRegistration, TrainingSession

pytestmark = pytest.mark.django_db

LIST = "/api/v1/trainings/"
LOOKUP = "/api/v1/trainings/registrations/"
PERSON = {"name": "测试报名甲", "phone": "13904760001", "organisation": "红山区演示食品店"}
VISITOR = {"REMOTE_ADDR": "203.0.113.9", "HTTP_ACCEPT": "text/html"}


def person(number: int) -> dict:
    return {**PERSON, "name": f"测试报名{number}", "phone": f"139047600{number:02d}"}


def register_url(session) -> str:
    return f"/api/v1/trainings/{session.pk}/registrations/"


def form_url(session) -> str:
    return f"/forms/trainings/{session.pk}/register/"


@pytest.fixture
def open_session(people):
    """A public session ten days ahead at 09:30 with 3 places, open for registration."""
    return TrainingSession.objects.create(
        title="市场监督管理进农村进社区大讲堂（第6期）：冬季食品安全",
        topic="冬季食品安全",
        date=timezone.localdate() + datetime.timedelta(days=10),
        start_time=datetime.time(9, 30),
        venue="富龙社区党群服务中心",
        district=people.dongcheng,
        station=people.fulong,
        trainer="区市场监管局食品安全监管股",
        registration_open=True,
        capacity=3,
    )


def post(api, session, fields):
    return api.post(register_url(session), fields, format="json")


def test_register_answers_a_code_and_the_list_counts_the_place(api, open_session):
    before = api.get(register_url(open_session)).json()
    assert (before["capacity"], before["places_left"], before["registration_open"]) == (3, 3, True)
    starts = datetime.datetime.fromisoformat(before["registration_closes_at"])
    assert starts.utcoffset() == datetime.timedelta(hours=8)
    assert (starts.date(), starts.time()) == (open_session.date, datetime.time(9, 30))
    stamp = TrainingSession.objects.get(pk=open_session.pk).updated_at

    response = post(api, open_session, PERSON)
    assert response.status_code == 201
    receipt = response.json()
    stored = TrainingRegistration.objects.get()
    assert receipt["code"] == stored.code and stored.code.startswith("PX")
    assert receipt["target"]["url"] == f"/trainings/#training-{open_session.pk}"
    assert receipt["target"]["place"] == "富龙社区党群服务中心"
    assert TrainingSession.objects.get(pk=open_session.pk).updated_at > stamp

    row = next(r for r in api.get(LIST).json()["results"] if r["id"] == open_session.pk)
    assert row["start_time"] == "09:30:00"
    assert (row["registration"]["taken"], row["registration"]["places_left"]) == (1, 2)
    detail = api.get(f"{LIST}{open_session.pk}/").json()
    assert detail["registration"]["places_left"] == 2


def test_full_is_409_and_a_phone_twice_is_a_chinese_field_error(api, open_session):
    assert post(api, open_session, PERSON).status_code == 201
    twice = post(api, open_session, {**PERSON, "name": "测试报名乙"})
    assert twice.status_code == 400
    assert twice.json()["error"]["fields"]["phone"] == [services.DUPLICATE_PHONE]
    bad = post(api, open_session, {"name": "", "phone": "123"}).json()["error"]["fields"]
    assert bad["name"] == ["请填写姓名。"] and "手机号码" in bad["phone"][0]
    for number in (2, 3):
        assert post(api, open_session, person(number)).status_code == 201
    full = post(api, open_session, person(4))
    assert full.status_code == 409 and full.json()["error"]["message"] == "名额已满。"
    assert TrainingRegistration.objects.count() == 3


def test_cancel_by_code_and_phone_frees_the_place(api, open_session):
    code = post(api, open_session, PERSON).json()["code"]
    wrong = api.post(f"{LOOKUP}{code}/cancel/", {"phone": "13904769999"}, format="json")
    assert wrong.status_code == 404
    done = api.post(f"{LOOKUP}{code}/cancel/", {"phone": PERSON["phone"]}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    assert api.get(register_url(open_session)).json()["places_left"] == 3
    assert post(api, open_session, PERSON).status_code == 201  # the phone may come again


def test_lookup_and_public_outputs_name_nobody(api, open_session):
    code = post(api, open_session, PERSON).json()["code"]
    looked_up = api.get(f"{LOOKUP}{code.lower()}/")
    assert looked_up.status_code == 200 and looked_up.json()["status"] == "registered"
    outputs = [
        looked_up.content.decode(),
        api.get(LIST).content.decode(),
        api.get(f"{LIST}{open_session.pk}/").content.decode(),
        b"".join(api.get(LIST, {"format": "csv"}).streaming_content).decode(),
        b"".join(api.get(LIST, {"format": "jsonl"}).streaming_content).decode(),
        api.get(register_url(open_session)).content.decode(),
    ]
    for output in outputs:
        for private in PERSON.values():
            assert private not in output
    assert api.get(f"{LOOKUP}PX20260101AAAAAA/").status_code == 404


def test_a_session_not_public_or_not_open_takes_no_registration(api, open_session, sessions):
    assert api.get(register_url(sessions.private)).status_code == 404
    assert post(api, sessions.private, PERSON).status_code == 404
    closed = post(api, sessions.public, PERSON)  # past, and not offered
    assert closed.status_code == 409 and closed.json()["error"]["message"] == "本场不开放网上报名。"


def test_registration_closes_at_the_local_start(open_session):
    starts = open_session.registration_starts_at
    assert timezone.localtime(starts).time() == datetime.time(9, 30)
    open_session.start_time = None
    midnight = timezone.localtime(open_session.registration_starts_at)
    assert (midnight.date(), midnight.time()) == (open_session.date, datetime.time(0))
    assert open_session.registration_closed(0, now=starts) == "started"


def test_a_session_open_for_registration_queues_a_build_at_its_start(
    people, django_capture_on_commit_callbacks
):
    """/trainings/ shows the session's form until its start: a build is due then."""
    from django_tasks_db.models import DBTaskResult

    day = timezone.localdate() + datetime.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        session = TrainingSession.objects.create(
            title="大讲堂（第9期）：网络订餐",
            topic="网络订餐",
            date=day,
            start_time=datetime.time(14, 0),
            venue="富龙社区党群服务中心",
            district=people.dongcheng,
            registration_open=True,
            capacity=20,
        )
    builds = DBTaskResult.objects.filter(
        task_path="cms.publishing.tasks.build_static_site",
        run_after__gt=timezone.now(),
        run_after__lt=timezone.now() + datetime.timedelta(days=30),  # not a parked task
    )
    assert [row.run_after for row in builds] == [session.registration_closes_at]
    assert timezone.localtime(builds[0].run_after).time() == datetime.time(14, 0)


def test_the_session_rules_reject_what_the_admin_would(open_session):
    open_session.capacity = None
    open_session.registration_deadline = open_session.registration_starts_at + datetime.timedelta(
        hours=1
    )
    with pytest.raises(ValidationError) as refused:
        open_session.full_clean()
    assert refused.value.message_dict["capacity"] == ["开放网上报名须填写名额。"]
    assert refused.value.message_dict["registration_deadline"] == ["报名截止时间不能晚于开始时间。"]


def test_the_throttle_has_its_own_scope(api, open_session, settings):
    settings.REGISTRATION_SUBMIT_RATE = "1/hour"
    assert post(api, open_session, PERSON).status_code == 201
    assert post(api, open_session, person(2)).status_code == 429


# --- staff ---------------------------------------------------------------------------------


@pytest.fixture
def staff(client, wagtail_root):
    client.force_login(User.objects.create_superuser("training-clerk", password="not-used"))
    return client


def test_the_attendee_list_and_mark_attended(staff, open_session):
    registrations = [
        services.registration_create(
            model=TrainingRegistration, target=open_session, **fields
        ).registration
        for fields in (PERSON, person(2))
    ]
    url = reverse("wagtailsnippets_training_trainingregistration:list")
    html = staff.get(url, {"session": open_session.pk}).content.decode()
    assert "培训报名" in html and "测试报名甲" in html and registrations[0].code in html
    bulk = reverse(
        "wagtail_bulk_action", args=["training", "trainingregistration", "mark_attended"]
    )
    response = staff.post(f"{bulk}?id={registrations[0].pk}&id={registrations[1].pk}")
    assert response.status_code == 302
    assert set(TrainingRegistration.objects.values_list("status", flat=True)) == {"attended"}
    edit = reverse("wagtailadmin_home").rstrip("/")  # the session's form shows 网上报名
    session_form = staff.get(f"{edit}/training_sessions/edit/{open_session.pk}/")
    assert session_form.status_code == 200 and "网上报名" in session_form.content.decode()


# --- the page without JavaScript --------------------------------------------------------------


@pytest.fixture
def browser():
    return Client(**VISITOR)


def test_the_form_page_answers_the_code_in_the_sites_look(browser, open_session):
    response = browser.post(form_url(open_session), PERSON)
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    code = TrainingRegistration.objects.get().code
    html = response.content.decode()
    assert f'<strong class="consult-receipt__code">{code}</strong>' in html
    assert open_session.title in html and "报名成功" in html
    assert PERSON["name"] not in html and PERSON["phone"] not in html


def test_the_form_page_shows_field_errors_and_the_values(browser, open_session):
    response = browser.post(
        form_url(open_session), {**PERSON, "name": "", "phone": "123", "organisation": "<b>店</b>"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-error-for="name" id="error-name" role="alert">请填写姓名。</p>' in html
    assert 'data-error-for="phone" id="error-phone" role="alert">' in html
    assert 'value="&lt;b&gt;店&lt;/b&gt;"' in html
    assert f'action="/forms/trainings/{open_session.pk}/register/"' in html
    assert not TrainingRegistration.objects.exists()


def test_the_form_page_of_a_private_session_is_404_and_get_goes_to_the_list(
    browser, open_session, sessions
):
    assert browser.post(form_url(sessions.private), PERSON).status_code == 404
    response = browser.get(form_url(open_session))
    assert response.status_code == 302
    assert response["Location"] == f"/trainings/#training-{open_session.pk}"


def test_the_no_js_lookup_page_finds_and_cancels_a_training_registration(api, open_session):
    from django.test import Client

    from registry_api.training.models import TrainingRegistration

    code = post(api, open_session, PERSON).json()["code"]
    assert code.startswith("PX")
    visitor = Client(REMOTE_ADDR="203.0.113.21", HTTP_ACCEPT="text/html")
    html = visitor.get("/forms/registrations/", {"code": code}).content.decode()
    assert open_session.title in html and '<dd class="lookup-status">已报名</dd>' in html
    assert PERSON["name"] not in html and PERSON["phone"] not in html
    cancelled = visitor.post("/forms/registrations/cancel/", {"code": code, **PERSON})
    assert cancelled.status_code == 200 and "已取消报名" in cancelled.content.decode()
    assert TrainingRegistration.objects.get(code=code).status == "cancelled"
