"""Staff review job demands and key in HR agencies' replies in the Wagtail admin (用工需求 menu).

Both save through the jobs services (`core.admin_forms`): the model's rules (no phone or ID
number in a listed text, replies only from vetted HR agencies) hold in the admin as in the API.
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet
from core.public_requests.queue import PublicRequestQueue, read_only

from . import services
from .models import AgencyReply, JobDemand


class JobDemandReviewForm(ServiceModelForm):
    """Staff tidy the public text and list (招聘中), mark filled or close a demand; demands
    arrive through the public form only."""

    def service_update(self, instance, values):
        return services.job_demand_review(demand=instance, **values)


class AgencyReplyForm(ServiceModelForm):
    """The member of staff who keys a reply in is recorded as having relayed it."""

    def service_create(self, values):
        return services.agency_reply_create(relayed_by=self.for_user, **values)

    def service_update(self, instance, values):
        return services.agency_reply_update(reply=instance, **values)


class JobDemandViewSet(PublicRequestQueue):
    model = JobDemand
    service_form_class = JobDemandReviewForm
    icon = "user"
    menu_label = "用工需求"
    list_display = [
        "reference",
        "title",
        "enterprise",
        "trade",
        "headcount",
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "trade", "district"]
    search_fields = ["reference", "title"]
    ordering = ["status", "-submitted_at"]
    panels = [
        MultiFieldPanel(
            read_only("submitted_at", "enterprise", "contact_name", "contact_phone"),
            heading="提交企业与联系人（联系人和电话不公开）",
        ),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("trade"),
                FieldPanel("district"),
                FieldPanel("headcount"),
                FieldPanel("pay_min"),
                FieldPanel("pay_max"),
                FieldPanel("requirements"),
                FieldPanel("valid_until"),
            ],
            heading="公开内容（发布前请删去其中的手机号码、身份证号码）",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_note")], heading="审核"),
    ]


class AgencyReplyViewSet(ServiceSnippetViewSet):
    model = AgencyReply
    service_form_class = AgencyReplyForm
    icon = "mail"
    menu_label = "机构答复"
    list_display = ["demand", "agency", "replied_on", "visible"]
    list_filter = ["visible", "agency"]
    ordering = ["-replied_on", "-id"]
    list_per_page = 50
    panels = [
        FieldPanel("demand"),
        FieldPanel("agency"),
        FieldPanel("text"),
        FieldPanel("replied_on"),
        FieldPanel("visible"),
        FieldPanel("staff_note"),
    ]


class JobsGroup(SnippetViewSetGroup):
    menu_label = "用工需求"
    menu_icon = "user"
    menu_order = 325
    items = (JobDemandViewSet, AgencyReplyViewSet)


register_snippet(JobsGroup)
