"""Staff review idle-mark listings and relay inquiries to owners (闲置商标交流 admin menu)."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_forms import ServiceSnippetViewSet, service_form
from core.admin_panels import review_panels
from core.public_requests.queue import PublicRequestQueue, read_only

from . import services
from .models import IdleListing, Inquiry


class IdleListingViewSet(ServiceSnippetViewSet):
    model = IdleListing
    # A new listing through `listing_create` (the owner's phone normalised as there).
    service_form_class = service_form(
        create=services.listing_create, update=services.listing_update, row="listing"
    )
    icon = "tag"
    menu_label = "闲置商标"
    list_display = ["trademark", "kind", "price", "negotiable", "valid_until", "status"]
    list_filter = ["status", "kind", "negotiable"]
    search_fields = ["terms", "owner_contact_name"]
    ordering = ["-listed_on"]
    list_per_page = 50
    panels = [
        FieldPanel("trademark"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("terms"),
                FieldPanel("price"),
                FieldPanel("negotiable"),
                FieldPanel("listed_on"),
                FieldPanel("valid_until"),
                FieldPanel("status"),
            ],
            heading="公开信息",
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_contact_name"),
                FieldPanel("owner_contact_phone"),
                FieldPanel("owner_contact_email"),
            ],
            heading="权利人联系方式（不公开，仅供工作人员转达意向）",
        ),
    ]


class InquiryViewSet(PublicRequestQueue):
    """The relay queue: 待转达 first (oldest at the top of the filtered list); staff open one,
    pass it to the owner, set 已转达 and save (the relay time is filled in by the model)."""

    model = Inquiry
    # Inquiries arrive through the public form only; staff relay or close them.
    service_form_class = service_form(update=services.inquiry_handle, row="inquiry")
    icon = "mail"
    menu_label = "意向咨询"
    list_display = ["reference", "listing", "status", "submitted_at", "relayed_at"]
    search_fields = ["reference", "inquirer_name"]
    ordering = ["status", "submitted_at"]
    panels = review_panels(
        received_heading="意向方（个人信息不公开）",
        received=[
            "listing",
            "submitted_at",
            "inquirer_name",
            "contact_phone",
            "contact_email",
            "message",
        ],
        decision_heading="转达",
        decision=[FieldPanel("status"), *read_only("relayed_at"), FieldPanel("staff_note")],
    )


class ExchangeGroup(SnippetViewSetGroup):
    menu_label = "闲置商标交流"
    menu_icon = "tag"
    menu_order = 335
    items = (InquiryViewSet, IdleListingViewSet)


register_snippet(ExchangeGroup)
