"""Selection and filing of the network's people (推荐 → 审核 → 备案), their private fields,
roles and the 四员 team of a community."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry_api.network import services
from registry_api.network.models import Community, Person, Role, Station
from registry_api.network.selectors import four_members_team
from registry_api.stalls.validators import id_check_character

DAY = datetime.date(2026, 3, 2)


def valid_id(body: str = "15040219800101123") -> str:
    return body + id_check_character(body)


@pytest.fixture
def fulong(network):
    return Community.objects.get(name="富龙社区")


@pytest.fixture
def nominate(fulong):
    def make(name="王建国", roles=(Role.MEDIATOR,), **extra):
        values = {
            "name": name,
            "district": fulong.district,
            "community": fulong,
            "station": fulong.stations.get(),
            "roles": roles,
            "nominated_by": "富龙社区居民委员会",
            "nominated_on": DAY,
            "id_number": valid_id(),
            "mobile": "13847650001",
            **extra,
        }
        return services.person_nominate(**values)

    return make


def file_person(person, day=DAY):
    services.person_approve(person=person, approved_by="城区第二市场监管所", approved_on=day)
    return services.person_file(person=person, filed_on=day)


def test_every_step_in_order(nominate):
    person = nominate(roles=[Role.MEDIATOR, Role.COORDINATOR])
    assert person.status == Person.Status.NOMINATED and person.nominated_by == "富龙社区居民委员会"
    assert person.role_labels() == ["市场监督协调员", "消费维权调解员"]
    services.person_approve(person=person, approved_by="城区第二市场监管所", approved_on=DAY)
    assert person.status == Person.Status.APPROVED and person.approved_on == DAY
    services.person_file(person=person, filed_on=DAY)
    assert person.status == Person.Status.FILED
    assert person.filing_number == "红市监网备〔2026〕0001号" and person.filed_on == DAY
    services.person_suspend(person=person, note="长期外出")
    assert person.status == Person.Status.SUSPENDED and "暂停：长期外出" in person.note
    services.person_reinstate(person=person)
    assert person.status == Person.Status.FILED
    assert person.filing_number == "红市监网备〔2026〕0001号"
    services.person_leave(person=person, note="迁居外地")
    person.refresh_from_db()
    assert person.status == Person.Status.LEFT and person.filing_number


@pytest.mark.parametrize(
    ("steps", "refused", "message"),
    [
        ([], "file", "当前状态为“已推荐”，不能备案；只有“已审核”的人员可以备案。"),
        ([], "suspend", "当前状态为“已推荐”，不能暂停"),
        (["approve"], "approve", "当前状态为“已审核”，不能审核"),
        (["approve", "file"], "file", "当前状态为“已备案”，不能备案"),
        (["approve", "file"], "reinstate", "只有“暂停”的人员可以恢复"),
        (["leave"], "approve", "当前状态为“已退出”，不能审核"),
        (["leave"], "leave", "当前状态为“已退出”，不能退出"),
    ],
)
def test_wrong_steps_are_refused_in_chinese(nominate, steps, refused, message):
    person = nominate()
    calls = {
        "approve": lambda: services.person_approve(person=person, approved_by="所"),
        "file": lambda: services.person_file(person=person),
        "suspend": lambda: services.person_suspend(person=person),
        "reinstate": lambda: services.person_reinstate(person=person),
        "leave": lambda: services.person_leave(person=person),
    }
    for step in steps:
        calls[step]()
    status = Person.objects.get(pk=person.pk).status
    with pytest.raises(ValidationError) as refusal:
        calls[refused]()
    assert message in refusal.value.message_dict["status"][0]
    assert Person.objects.get(pk=person.pk).status == status


def test_filing_numbers_are_unique_and_count_per_year(nominate):
    people = [nominate(name=f"人员{i}") for i in range(3)]
    numbers = [file_person(p).filing_number for p in people[:2]]
    last = file_person(people[2], datetime.date(2027, 1, 4)).filing_number
    assert numbers == ["红市监网备〔2026〕0001号", "红市监网备〔2026〕0002号"]
    assert last == "红市监网备〔2027〕0001号"
    # A person who left keeps the number; the next filing does not reuse it.
    services.person_leave(person=people[1])
    assert file_person(nominate(name="新人")).filing_number == "红市监网备〔2026〕0003号"


def test_approval_needs_a_unit_and_a_date_not_before_nomination(nominate):
    person = nominate()
    with pytest.raises(ValidationError) as blank:
        services.person_approve(person=person, approved_by=" ")
    assert blank.value.message_dict == {"approved_by": ["请填写审核单位。"]}
    with pytest.raises(ValidationError) as early:
        services.person_approve(
            person=person, approved_by="所", approved_on=DAY - datetime.timedelta(days=1)
        )
    assert "approved_on" in early.value.message_dict
    assert Person.objects.get(pk=person.pk).status == Person.Status.NOMINATED


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", "15040219800101123", "请填写18位居民身份证号码"),
        ("id_number", "wrong check", "身份证号码校验位不正确"),
        ("mobile", "0476-8888888", "请填写有效的11位手机号码"),
        ("mobile", "1384765000", "请填写有效的11位手机号码"),
    ],
)
def test_private_fields_are_checked_with_chinese_field_errors(nominate, field, value, message):
    if value == "wrong check":
        right = valid_id()
        value = right[:17] + ("1" if right[17] != "1" else "2")
    with pytest.raises(ValidationError) as refusal:
        nominate(**{field: value})
    assert message in refusal.value.message_dict[field][0]
    assert not Person.objects.exists()


def test_private_fields_are_normalised(nominate):
    person = nominate(id_number=valid_id("15040219900101123").lower(), mobile="+86 13847650002")
    assert person.mobile == "13847650002" and person.id_number == person.id_number.upper()


def test_place_must_lie_in_the_persons_district(nominate):
    elsewhere = Station.objects.get(code="station-150402100")
    with pytest.raises(ValidationError) as refusal:
        nominate(station=elsewhere)
    assert refusal.value.message_dict["station"] == ["所选服务站不在所选街镇内。"]


def test_roles_are_required_and_editable(nominate):
    with pytest.raises(ValidationError) as refusal:
        nominate(roles=[])
    assert refusal.value.message_dict == {"roles": ["请至少选择一个职务。"]}
    person = nominate(roles=[Role.MEDIATOR])
    services.person_update(person=person, roles=[Role.INFO_OFFICER, Role.VOLUNTEER])
    assert person.role_labels() == ["食药安全信息员", "志愿者"]
    with pytest.raises(ValidationError):
        services.person_update(person=person, status=Person.Status.FILED)


def test_the_four_members_team_of_a_community(nominate, fulong):
    team = [
        nominate(name=name, roles=[role])
        for name, role in zip(
            ["甲", "乙", "丙", "丁"],
            [Role.MANAGER, Role.ASSISTANT, Role.INFORMANT, Role.PUBLICIST],
            strict=True,
        )
    ]
    nominate(name="调解员", roles=[Role.MEDIATOR])
    gone = nominate(name="戊", roles=[Role.PUBLICIST, Role.MANAGER])
    services.person_leave(person=gone)
    assert list(four_members_team(fulong)) == sorted(team, key=lambda p: (p.name, p.id))
