"""The network's long texts are capped (服务内容 and 备注 2,000 characters, a filing step's
说明 500): an over-long input is a Chinese error under its field in the admin and changes
nothing; the demo and reference data stay within the caps."""

# The fixtures imported from test_admin are the tests' parameters (F811 by name only).
# ruff: noqa: F811

import pytest

from registry_api.audit.models import AuditEntry
from registry_api.network import services
from registry_api.network.demo_data import make_demo_network
from registry_api.network.models import Person, PublicityPoint, Station
from tests.admin_edits import TOO_LONG, admin_form_data, longest_texts, text_caps

from .test_admin import person, superuser, url, wall  # noqa: F401

CAPS = {
    Station: {"services": 2000},
    Person: {"note": 2000},
    PublicityPoint: {"note": 2000},
}


def test_the_caps():
    assert {model: text_caps(model) for model in CAPS} == CAPS


# What `admin_form_data` cannot read back from the edit form: a list, an inline formset.
PHOTOS = {f"photos-{name}_FORMS": "0" for name in ("TOTAL", "INITIAL", "MIN_NUM")}
FORM_EXTRAS = {"person": {"held_roles": ["mediator"]}, "publicitypoint": PHOTOS}


@pytest.mark.parametrize(
    ("model", "field", "row"),
    [
        ("station", "services", None),
        ("person", "note", "person"),
        ("publicitypoint", "note", "wall"),
    ],
)
def test_an_over_long_text_in_the_admin_form_is_refused_under_its_field(
    client, superuser, request, network, model, field, row
):
    client.force_login(superuser)
    instance = (
        request.getfixturevalue(row) if row else Station.objects.get(code="station-150402004001")
    )
    before = type(instance).objects.values().get(pk=instance.pk)
    entries = AuditEntry.objects.count()
    edit = url(model, "edit", instance.pk)
    extras = FORM_EXTRAS.get(model, {})
    response = client.post(edit, admin_form_data(client, edit, **extras, **{field: "文" * 2001}))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [TOO_LONG.format(limit=2000, length=2001)]
    assert TOO_LONG.format(limit=2000, length=2001) in response.content.decode()
    assert type(instance).objects.values().get(pk=instance.pk) == before
    assert AuditEntry.objects.count() == entries
    # At the cap it is accepted.
    response = client.post(edit, admin_form_data(client, edit, **extras, **{field: "文" * 2000}))
    assert response.status_code == 302, response.context["form"].errors
    instance.refresh_from_db()
    assert getattr(instance, field) == "文" * 2000


def test_a_filing_steps_reason_is_capped_and_refused_with_its_fields_name(
    client, superuser, person
):
    client.force_login(superuser)
    filing = url("person", "filing", person.pk)
    response = client.post(filing, {"step": "leave", "note": "因" * 501})
    assert "未能办理：说明：" + TOO_LONG.format(limit=500, length=501) in response.content.decode()
    person.refresh_from_db()
    assert person.status == Person.Status.NOMINATED and person.note == ""


def test_a_step_that_would_overfill_the_note_moves_nothing(person):
    """The service's own check (the model's full_clean): the dated reason is appended."""
    from django.core.exceptions import ValidationError

    services.person_update(person=person, note="备" * 1995)
    with pytest.raises(ValidationError) as refused:
        services.person_leave(person=person, note="迁居外地")
    assert refused.value.message_dict["note"] == ["不能超过2000个字。"]
    person.refresh_from_db()
    assert person.status == Person.Status.NOMINATED and person.note == "备" * 1995


def test_the_longest_demo_and_reference_texts_fit(network):
    make_demo_network(seed=7)
    for model, caps in CAPS.items():
        longest = longest_texts(model)
        assert all(longest[name] <= cap for name, cap in caps.items()), (model, longest)
    assert longest_texts(Station)["services"] > 0 and longest_texts(Person)["note"] > 0
