"""Staff vet agencies and answer, approve or withhold consultations in the Wagtail admin."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.public_requests.queue import PublicRequestQueue, read_only

from .models import Agency, Consultation


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_label = "服务机构"
    list_display = ["name", "kind", "district", "phone", "vetted_on", "active"]
    list_filter = ["kind", "district", "active"]
    search_fields = ["name", "qualification"]
    ordering = ["kind", "name"]
    list_per_page = 50


class ConsultationViewSet(PublicRequestQueue):
    model = Consultation
    menu_label = "咨询留言"
    list_display = ["subject", "channel", "status", "submitted_at", "answered_at", "public"]
    list_filter = ["channel", "status", "public"]
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
        MultiFieldPanel([FieldPanel("answer"), FieldPanel("status")], heading="答复与审核"),
    ]


class ServicesGroup(SnippetViewSetGroup):
    menu_label = "咨询与服务机构"
    menu_icon = "help"
    menu_order = 320
    items = (ConsultationViewSet, AgencyViewSet)


register_snippet(ServicesGroup)


@hooks.register("after_edit_snippet")
def consultation_answered_by(request, instance):
    """The staff member who first saves an answer is recorded as its author."""
    if isinstance(instance, Consultation) and instance.answer.strip() and not instance.answered_at:
        Consultation.objects.filter(pk=instance.pk).update(
            answered_by=request.user, answered_at=timezone.now()
        )
