"""The stalls' long texts are capped (备注 and 检查情况 2,000 characters, 注销原因 1,000): an
over-long input is a Chinese error under its field in every admin form that writes it and
changes nothing; the demo data stays within the caps."""

# The fixtures imported from test_admin are the tests' parameters (F811 by name only).
# ruff: noqa: F811

import datetime

import pytest
from django.urls import reverse

from registry_api.audit.models import AuditEntry
from registry_api.stalls import demo_data
from registry_api.stalls.models import Inspection, Renewal, StallCard
from tests.admin_edits import TOO_LONG, longest_texts, text_caps

from .factories import inspector, issue, network_stations
from .test_admin import card_form, staff  # noqa: F401

DAY = datetime.date(2026, 3, 1)
CAPS = {
    StallCard: {"revocation_reason": 1000, "note": 2000},
    Renewal: {"note": 2000},
    Inspection: {"note": 2000},
}


def too_long(limit: int) -> str:
    return TOO_LONG.format(limit=limit, length=limit + 1)


def unchanged(card: StallCard):
    """What the database holds of the card and everything a refused form could have written."""
    return (
        StallCard.objects.values().get(pk=card.pk),
        Renewal.objects.count(),
        Inspection.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_caps():
    assert {model: text_caps(model) for model in CAPS} == CAPS


def test_a_card_form_refuses_an_over_long_note(staff, station):
    card = issue(station, on=DAY)
    before = unchanged(card)
    response = staff.post(reverse("stall_cards:add"), card_form(station, note="备" * 2001))
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == [too_long(2000)]
    assert StallCard.objects.count() == 1
    edit = reverse("stall_cards:edit", args=[card.pk])
    response = staff.post(edit, card_form(station, note="备" * 2001))
    assert response.context["form"].errors["note"] == [too_long(2000)]
    assert too_long(2000) in response.content.decode()
    assert unchanged(card) == before


@pytest.mark.parametrize(
    ("view", "field", "limit", "data"),
    [
        ("renew", "note", 2000, {"renewed_on": "2027-01-01"}),
        ("revoke", "revocation_reason", 1000, {"revoked_on": "2027-03-01"}),
    ],
)
def test_renewal_and_revocation_refuse_an_over_long_text(staff, station, view, field, limit, data):
    card = issue(station, on=DAY, valid_to=datetime.date(2027, 2, 28))
    before = unchanged(card)
    url = reverse(f"stall_cards:{view}", args=[card.pk])
    response = staff.post(url, {**data, field: "因" * (limit + 1)})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [too_long(limit)]
    assert too_long(limit) in response.content.decode()
    assert unchanged(card) == before
    assert staff.post(url, {**data, field: "因" * limit}).status_code == 302
    assert unchanged(card) != before  # at the cap it is accepted


def test_an_inspections_findings_are_capped(staff, station):
    card, person = issue(station, on=DAY), inspector(station)
    before = unchanged(card)
    form = {
        "card": card.pk,
        "station": station.pk,
        "inspector": person.pk,
        "inspected_on": "2026-03-02",
        "result": "pass",
        "note": "查" * 2001,
    }
    response = staff.post(reverse("stall_inspections:add"), form)
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == [too_long(2000)]
    assert unchanged(card) == before


def test_the_longest_demo_texts_fit(db):
    inspector(network_stations(76)[0], "李春华")
    demo_data.make_demo_stalls(count=300, today=datetime.date(2026, 11, 12))
    pools = {
        (StallCard, "revocation_reason"): demo_data.REVOCATION_REASONS,
        (Inspection, "note"): [n for notes in demo_data.INSPECTION_NOTES.values() for n in notes],
    }
    for (model, name), pool in pools.items():
        assert max(map(len, pool)) <= CAPS[model][name]
    for model, caps in CAPS.items():
        longest = longest_texts(model)
        assert all(longest[name] <= cap for name, cap in caps.items()), (model, longest)
        assert all(longest.values()), (model, longest)  # the demo fills each of them
