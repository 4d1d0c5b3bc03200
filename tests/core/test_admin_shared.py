"""The shared admin building blocks: `service_form`, `InspectOnlyViewSet` and `review_panels`."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.admin.panels import FieldPanel

from core.admin_forms import service_form
from core.admin_panels import review_panels
from core.admin_read_only import InspectOnlyViewSet


def group_form(**functions):
    """A form on Django's Group model whose save calls `functions` (built by `service_form`)."""

    class GroupForm(service_form(**functions)):
        class Meta:
            model = Group
            fields = ["name"]

    return GroupForm


@pytest.mark.django_db
def test_a_new_row_goes_through_create():
    calls = []

    def group_create(**values):
        calls.append(values)
        return Group(**values)

    form = group_form(create=group_create, update=None, row="group")(data={"name": "审核员"})
    assert form.is_valid(), form.errors
    assert form.save().name == "审核员"
    assert calls == [{"name": "审核员"}]


@pytest.mark.django_db
def test_a_changed_row_goes_through_update_under_its_keyword():
    calls = []
    group = Group.objects.create(name="旧名")

    def group_update(*, group, **values):
        calls.append((group, values))
        return group

    form = group_form(update=group_update, row="group")(data={"name": "新名"}, instance=group)
    assert form.is_valid(), form.errors
    form.save()
    assert calls == [(group, {"name": "新名"})]


@pytest.mark.django_db
def test_without_create_a_new_row_is_refused():
    form = group_form(update=lambda **values: None, row="group")(data={"name": "审核员"})
    assert form.is_valid(), form.errors
    with pytest.raises(ValidationError, match="此类记录不能在后台新建。"):
        form.save()


def test_an_inspect_only_viewset_has_the_listing_and_inspect_views_only():
    viewset = InspectOnlyViewSet("groups_inspected", model=Group)
    assert [pattern.name for pattern in viewset.get_urlpatterns()] == [
        "index",
        "index_results",
        "inspect",
    ]
    kwargs = viewset.get_common_view_kwargs()
    assert kwargs["inspect_url_name"] == "groups_inspected:inspect"
    assert "copy_url_name" not in kwargs
    for name in ("add", "edit", "delete", "history", "usage"):
        assert kwargs[f"{name}_url_name"] is None


def test_review_panels_show_what_arrived_read_only_then_the_decision():
    received, decision = review_panels(
        received_heading="申请",
        received=["submitted_at", "message"],
        decision_heading="处理",
        decision=[FieldPanel("status"), FieldPanel("decided_at", read_only=True)],
    )
    assert (received.heading, decision.heading) == ("申请", "处理")
    assert [(p.field_name, p.read_only) for p in received.children] == [
        ("submitted_at", True),
        ("message", True),
    ]
    assert [(p.field_name, p.read_only) for p in decision.children] == [
        ("status", False),
        ("decided_at", True),
    ]
