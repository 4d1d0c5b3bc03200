"""Fixtures of the training suite: two stations' people and a public and a private session."""

import datetime
from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from registry_api.network.models import Person, Role
from registry_api.training.models import SessionMaterial, TrainingSession
from tests.assessment import network_data as nd

D = datetime.date


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def people(db):
    dongcheng = nd.district()
    xitun = nd.district("150402001", "西屯街道")
    fulong = nd.station("fulong", "富龙社区消费维权服务站", dongcheng)
    west = nd.station("xitun", "西屯街道消费维权服务站", xitun)
    return SimpleNamespace(
        dongcheng=dongcheng,
        xitun=xitun,
        fulong=fulong,
        west=west,
        mediator=nd.person(
            "张海燕", fulong, id_number="150402198001011234", mobile="13900001111",
            home_address="东城街道富龙小区3号楼",
        ),
        officer=nd.person("刘志强", fulong, roles=(Role.INFO_OFFICER, Role.COORDINATOR)),
        gone=nd.person("赵离开", west, status=Person.Status.LEFT),
        nominated=nd.person("钱新人", west, status=Person.Status.NOMINATED),
    )  # fmt: skip


@pytest.fixture
def sessions(people):
    public = TrainingSession.objects.create(
        title="市场监督管理进农村进社区大讲堂（第1期）：食品安全",
        topic="食品安全与识假辨假",
        date=D(2026, 3, 15),
        venue="富龙社区党群服务中心",
        district=people.dongcheng,
        station=people.fulong,
        trainer="区市场监管局食品安全监管股",
        audience=["mediator", "info_officer"],
        hours=3,
    )
    SessionMaterial.objects.create(session=public, title="讲义", url="/learning/", sort_order=1)
    SessionMaterial.objects.create(session=public, title="课件", url="/learning/a/", sort_order=0)
    later = TrainingSession.objects.create(
        title="大讲堂（第2期）：防范传销",
        topic="防范和打击传销",
        date=D(2026, 7, 8),
        venue="西屯街道社区服务中心",
        district=people.xitun,
        trainer="区市场监管局执法稽查大队",
        audience=["coordinator"],
    )
    private = TrainingSession.objects.create(
        title="站长内部培训",
        topic="投诉处理",
        date=D(2026, 5, 1),
        venue="局会议室",
        trainer="区局",
        public=False,
    )
    return SimpleNamespace(public=public, later=later, private=private)
