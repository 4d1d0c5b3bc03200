"""Staff vet agencies and answer, approve or withhold consultations in the Wagtail admin."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form
from core.public_requests.queue import PublicRequestQueue, read_only

from . import services
from .models import Agency, Consultation


class ConsultationReviewForm(ServiceModelForm):
    """Staff tidy the text, answer and set the status in one save; the first to save an
    answer is recorded as its author. Questions arrive through the public form only."""

    def service_update(self, instance, values):
        return services.consultation_review(consultation=instance, reviewer=self.for_user, **values)


class AgencyViewSet(ServiceSnippetViewSet):
    model = Agency
    service_form_class = service_form(
        create=services.agency_create, update=services.agency_update, row="agency"
    )
    icon = "group"
    menu_label = "服务机构"
    list_display = ["name", "kind", "district", "phone", "vetted_on", "active"]
    list_filter = ["kind", "district", "active"]
    search_fields = ["name", "qualification"]
    ordering = ["kind", "name"]
    list_per_page = 50


class ConsultationViewSet(PublicRequestQueue):
    model = Consultation
    service_form_class = ConsultationReviewForm
    menu_label = "咨询留言"
    list_display = ["subject", "channel", "status", "submitted_at", "answered_at", "public"]
    list_filter = ["channel", "status", "public", "agency"]
    search_fields = ["subject", "tracking_code"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("channel"),
                *read_only(
                    "submitted_at",
                    "asker_name",
                    "asker_phone",
                    "asker_email",
                    "enterprise_name",
                    "public",
                ),
            ],
            heading="咨询人（个人信息不公开）",
        ),
        FieldPanel("subject"),
        FieldPanel("question"),
        MultiFieldPanel(
            [FieldPanel("agency"), FieldPanel("answer"), FieldPanel("status")],
            heading="答复与审核（法律服务咨询：填写所转交机构的答复）",
        ),
    ]


class ServicesGroup(SnippetViewSetGroup):
    menu_label = "咨询与服务机构"
    menu_icon = "help"
    menu_order = 320
    items = (ConsultationViewSet, AgencyViewSet)


register_snippet(ServicesGroup)
