"""Editors' tuning: synonym groups widen a search at once, best bets lead page 1 until they
expire, and both refuse bad input with a field error."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from search.models import BestBet, Synonym
from search.reference_data import load_synonyms
from search.tuning import rewrites, synonym_groups
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"
GROUPS = (("住房租赁", "租房", "租赁"), ("个体工商户", "个体户"), ("登记", "注册"), ("3·15", "315"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("租房合同", ["住房租赁合同", "租赁合同"]),
        # Two groups combine; a rewrite is never rewritten again through another group.
        ("个体户注册", ["个体工商户注册", "个体户登记", "个体工商户登记"]),
        # Latin and digit terms only as whole words: 315 is not inside 12315.
        ("12315投诉", []),
        ("315", ["3·15"]),
        # A text that already names a group two ways is left alone.
        ("3·15 315", []),
        ("食品经营", []),
    ],
)
def test_rewrites(text, expected):
    assert rewrites(text, GROUPS) == expected


def test_groups_come_from_the_admin_and_follow_its_changes():
    group = Synonym.objects.create(terms="租房、住房租赁")
    assert ("租房", "住房租赁") in synonym_groups()
    group.active = False
    group.save()
    assert ("租房", "住房租赁") not in synonym_groups()  # at once, not after the minute


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("租房", "至少填写两个不同的词"),
        ("租房,租房", "至少填写两个不同的词"),
        ("租房、租", "至少两个字"),
    ],
)
def test_a_bad_group_is_a_field_error(terms, message):
    with pytest.raises(ValidationError) as error:
        Synonym(terms=terms).full_clean()
    assert message in error.value.message_dict["terms"][0]


def test_the_seed_is_loaded_once_and_never_overwrites_editors():
    created = load_synonyms()
    assert created >= 30 and Synonym.objects.count() == created
    edited = Synonym.objects.get(key="zulin")
    edited.terms = "住房租赁、租房、租屋"
    edited.save()
    Synonym.objects.get(key="xiaofa").delete()
    assert load_synonyms() == 1  # only the deleted one comes back (it has a key)
    assert Synonym.objects.get(key="zulin").terms == "住房租赁、租房、租屋"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("/guides/12/", True),
        ("https://www.samr.gov.cn/", True),
        ("//evil.example/", False),
        ("javascript:alert(1)", False),
        ("http://plain.example/", False),
        ("/a b/", False),
    ],
)
def test_best_bet_links_are_site_paths_or_https(url, ok):
    bet = BestBet(query="年报", title="年度报告", url=url, expires_on=datetime.date(2099, 1, 1))
    if ok:
        bet.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            bet.full_clean()
        assert "url" in error.value.message_dict


@pytest.mark.engine
def test_a_synonym_finds_what_the_words_do_not_and_a_best_bet_leads(client, indexed):
    EnterpriseFactory(
        name="赤峰住房租赁服务有限公司", district=indexed["enterprise_hongshan"].district
    )
    from search.services import search_reindex
    from tests.search.conftest import refresh

    search_reindex(kinds=["enterprise"])
    refresh()
    assert client.get(URL, {"q": "租房"}).json()["total"] == 0
    Synonym.objects.create(terms="住房租赁、租房")
    found = client.get(URL, {"q": "租房"}).json()
    assert [r["title"] for r in found["results"]] == ["赤峰住房租赁服务有限公司"]

    BestBet.objects.create(
        query="租房公司",
        title="住房租赁合同（示范文本）",
        url="/contracts/1/",
        expires_on=datetime.date(2099, 1, 1),
    )
    BestBet.objects.create(
        query="租房公司", title="过期的推荐", url="/x/", expires_on=datetime.date(2000, 1, 1)
    )
    answer = client.get(URL, {"q": " 租房公司 "}).json()
    assert [bet["title"] for bet in answer["best_bets"]] == ["住房租赁合同（示范文本）"]
    assert client.get(URL, {"q": "租房公司", "page": 2}).json()["best_bets"] == []


@pytest.mark.engine
def test_near_identical_questions_are_one_result(client, indexed):
    """The same question asked three times (punctuation aside) is one result; another
    question is its own."""
    from django.utils import timezone

    from registry_api.services.models import Consultation
    from search.services import search_reindex
    from tests.search.conftest import refresh

    for number, subject in enumerate(
        [
            "公司注销需要多长时间？",
            "公司注销需要多长时间",
            "公司注销需要多长时间?",
            "公司注销要交哪些材料？",
        ]
    ):
        Consultation.objects.create(
            tracking_code=f"ZX2026{number:06d}",
            channel=Consultation.Channel.REGISTRATION,
            asker_name="测试",
            asker_phone="13800000000",
            subject=subject,
            question="请问公司注销的流程。",
            answer="一般二十个工作日。",
            status=Consultation.Status.PUBLISHED,
            public=True,
            submitted_at=timezone.now(),
            answered_at=timezone.now(),
        )
    search_reindex(kinds=["consultation"])
    refresh()
    answer = client.get(URL, {"q": "公司注销", "kind": "consultation"}).json()
    titles = sorted(result["title"] for result in answer["results"])
    assert len(titles) == 2 and "公司注销要交哪些材料？" in titles, titles
