"""Demo agencies and consultations: deterministic and idempotent."""

import pytest
from django.core.management import call_command

from registry_api.services.demo_data import make_demo_services
from registry_api.services.models import Agency, Consultation
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_tops_up():
    DistrictFactory(code="150402001", name="西屯街道")
    DistrictFactory(code="150402100", name="红庙子镇", kind="town")
    first = make_demo_services(agencies=6, consultations=20)
    assert (first.agencies_created, first.consultations_created) == (6, 20)
    codes = set(Consultation.objects.values_list("tracking_code", flat=True))
    again = make_demo_services(agencies=6, consultations=20)
    assert (again.agencies_created, again.consultations_created) == (0, 0)
    more = make_demo_services(agencies=8, consultations=30)
    assert (more.agencies_created, more.consultations_created) == (2, 10)
    assert codes <= set(Consultation.objects.values_list("tracking_code", flat=True))
    for consultation in Consultation.objects.all():
        consultation.full_clean()  # demo rows obey the model's rules
    for agency in Agency.objects.all():
        agency.full_clean()
    assert Consultation.objects.filter(status="published").count() > 15


def test_make_demo_data_services_option():
    DistrictFactory(code="150402001", name="西屯街道")
    call_command("make_demo_data", services=True, verbosity=0)
    assert Agency.objects.count() == 30
    assert Consultation.objects.count() == 200
    assert set(Consultation.objects.values_list("channel", flat=True)) == set(
        Consultation.Channel.values
    )
