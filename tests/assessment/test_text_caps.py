"""An assessment rule's 说明 is capped at 1,000 characters: an over-long one is a Chinese error
under the field in the admin and changes nothing; the starting rules' texts fit."""

from django.urls import reverse

from registry_api.assessment.models import AssessmentRule
from registry_api.assessment.reference_data import load_assessment_rules
from tests.admin_edits import TOO_LONG, admin_form_data, longest_texts, text_caps


def test_the_cap():
    assert text_caps(AssessmentRule) == {"description": 1000}


def test_an_over_long_description_in_the_admin_form_is_refused(admin_client, rules):
    rule = rules.first()
    before = AssessmentRule.objects.values().get(pk=rule.pk)
    edit = reverse("assessment_rules:edit", args=[rule.pk])
    response = admin_client.post(edit, admin_form_data(admin_client, edit, description="评" * 1001))
    assert response.status_code == 200
    message = TOO_LONG.format(limit=1000, length=1001)
    assert response.context["form"].errors["description"] == [message]
    assert message in response.content.decode()
    assert AssessmentRule.objects.values().get(pk=rule.pk) == before
    response = admin_client.post(edit, admin_form_data(admin_client, edit, description="评" * 1000))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.description == "评" * 1000


def test_the_starting_rules_descriptions_fit(db):
    assert load_assessment_rules() > 0
    assert 0 < longest_texts(AssessmentRule)["description"] <= 1000
