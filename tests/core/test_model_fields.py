"""The shared field definitions and abstract bases keep each model's fields as they were."""

from cms.pages.models import NoticePage, PolicyNewsPage
from registry_api.complaints.models import Complaint, ComplaintStep, Unit
from registry_api.enterprises.models import District, Enterprise
from registry_api.exchange.models import IdleListing
from registry_api.finance.models import ChattelMortgage, EquityPledge, TrademarkPledge
from registry_api.services.models import Agency, Consultation


def field_names(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields]


def definition(model, name: str) -> tuple:
    """What a migration records of the field: its class path and options."""
    _, path, args, kwargs = model._meta.get_field(name).deconstruct()
    return path, args, kwargs


def test_named_rows_are_shown_by_their_name():
    for model in (District, Enterprise, Unit, Agency):
        assert str(model(name="红山")) == "红山"


def test_registrations_are_shown_by_number_newest_first():
    for model in (EquityPledge, ChattelMortgage, TrademarkPledge):
        assert str(model(registration_number="DJ-1")) == "DJ-1"
        assert model._meta.ordering == ["-registered_on", "-id"]
        assert [index.fields for index in model._meta.indexes] == [["registered_on"], ["status"]]
    assert EquityPledge.PledgorType is TrademarkPledge.PledgorType


def test_a_field_group_keeps_its_place_in_the_admin_form_order():
    # Snippet forms without panels list the model's fields in this order.
    assert field_names(EquityPledge)[-3:] == ["registered_on", "status", "cancelled_on"]
    assert field_names(ChattelMortgage)[3] == "registration_number"
    assert field_names(Complaint)[-1] == "updated_at"
    assert field_names(IdleListing)[-3:] == [
        "owner_contact_name",
        "owner_contact_phone",
        "owner_contact_email",
    ]


def test_fields_of_one_name_are_declared_alike():
    assert definition(Complaint, "updated_at") == definition(Enterprise, "updated_at")
    assert definition(Consultation, "updated_at") == definition(Enterprise, "updated_at")
    assert definition(EquityPledge, "status") == definition(ChattelMortgage, "status")
    assert definition(PolicyNewsPage, "summary") == definition(NoticePage, "summary")
    assert definition(PolicyNewsPage, "issuing_authority") == definition(
        NoticePage, "issuing_authority"
    )
    assert ComplaintStep._meta.get_field("actor").remote_field.related_name is None
