"""The complaints' long texts are capped: the submission's 事实与理由 (5,000 characters) and
诉求 (2,000), as the public form already caps them, and a handling step's 说明 (2,000). An
over-long 说明 in the file's handling form is refused, naming the field, and moves nothing;
the workflow refuses it too for any other caller; the demo texts stay within the caps."""

# The fixtures imported from test_admin are the tests' parameters (F811 by name only).
# ruff: noqa: F811

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry_api.audit.models import AuditEntry
from registry_api.complaints import demo_data, workflow
from registry_api.complaints.models import Complaint, ComplaintStep, Status
from tests.admin_edits import TOO_LONG, longest_texts, text_caps

from .test_admin import complaint, handler  # noqa: F401

CAPS = {Complaint: {"facts": 5000, "request": 2000}, ComplaintStep: {"note": 2000}}


def unchanged(complaint: Complaint):
    return (
        Complaint.objects.values().get(pk=complaint.pk),
        ComplaintStep.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_caps():
    assert {model: text_caps(model) for model in CAPS} == CAPS


@pytest.mark.parametrize("action", ["note", "escalate"])
def test_an_over_long_note_in_the_handling_form_is_refused_naming_the_field(
    client, handler, complaint, action
):
    client.force_login(handler)
    before = unchanged(complaint)
    handle = reverse("complaints:handle", args=[complaint.pk])
    response = client.post(handle, {"action": action, "note": "办" * 2001}, follow=True)
    message = "未能办理：说明：" + TOO_LONG.format(limit=2000, length=2001)
    assert message in response.content.decode()
    assert unchanged(complaint) == before
    # At the cap it is recorded.
    client.post(handle, {"action": action, "note": "办" * 2000})
    assert complaint.steps.latest("id").note == "办" * 2000


def test_the_workflow_refuses_an_over_long_note_before_writing_anything(reference, complaint):
    workflow.accept(complaint)
    before = unchanged(complaint)
    with pytest.raises(ValidationError) as refused:
        workflow.start_mediation(complaint, note="调" * 2001)
    assert refused.value.message_dict == {"note": ["不能超过2000个字。"]}
    assert unchanged(complaint) == before
    complaint.refresh_from_db()
    assert complaint.status == Status.ACCEPTED


def test_the_longest_demo_texts_fit(reference):
    demo_data.make_demo_complaints(150, today=datetime.date(2026, 11, 27))
    pools = {
        (Complaint, "facts"): list(demo_data.FACTS.values()),
        (Complaint, "request"): demo_data.REQUESTS,
        (ComplaintStep, "note"): demo_data.ESCALATION_NOTES,
    }
    for (model, name), pool in pools.items():
        assert max(map(len, pool)) <= CAPS[model][name]
    for model, caps in CAPS.items():
        longest = longest_texts(model)
        assert all(0 < longest[name] <= cap for name, cap in caps.items()), (model, longest)
