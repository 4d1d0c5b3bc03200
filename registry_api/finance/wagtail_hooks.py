"""Staff edit pledges, historical mortgages, loan products and needs (融资服务 admin menu).

The four kinds the API writes, and trademark pledges, save through the finance services
(`core.admin_forms`), so the admin and the API refuse the same input and log the same entry.
Needs sent from the site wait as 待审核 until staff approve (a public status) or reject them;
banks' answers are shown at once and staff may hide one (银行答复).
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet, service_form
from core.admin_panels import review_panels
from core.public_requests.queue import PublicRequestQueue, read_only

from . import services
from .models import (
    ChattelMortgage,
    EquityPledge,
    FinancingAnswer,
    FinancingNeed,
    LoanProduct,
    TrademarkPledge,
    TrademarkPledgeConsultation,
)


class FinanceRecordForm(ServiceModelForm):
    def service_create(self, values):
        return services.record_create(type(self.instance), **values)

    def service_update(self, instance, values):
        return services.record_update(record=instance, **values)


class TrademarkPledgeForm(FinanceRecordForm):
    def service_create(self, values):
        # The marks are the form's many-to-many field, saved after the row (`_save_m2m`).
        return services.trademark_pledge_create(**values)


class FinanceRecordViewSet(ServiceSnippetViewSet):
    service_form_class = FinanceRecordForm


class EquityPledgeViewSet(FinanceRecordViewSet):
    model = EquityPledge
    icon = "lock"
    menu_label = "股权出质"
    list_display = ["registration_number", "enterprise", "pledgee", "registered_on", "status"]
    list_filter = ["status", "pledgor_type"]
    search_fields = ["registration_number", "pledgee"]
    list_per_page = 50


class ChattelMortgageViewSet(FinanceRecordViewSet):
    model = ChattelMortgage
    icon = "history"
    menu_label = "动产抵押（历史）"
    list_display = ["registration_number", "enterprise", "mortgagee", "registered_on", "status"]
    list_filter = ["status"]
    search_fields = ["registration_number", "mortgagee"]
    list_per_page = 50


class LoanProductViewSet(FinanceRecordViewSet):
    model = LoanProduct
    icon = "form"
    menu_label = "贷款产品"
    list_display = ["name", "bank", "collateral", "active"]
    list_filter = ["collateral", "active"]
    search_fields = ["name", "bank"]


class FinancingNeedForm(FinanceRecordForm):
    """Staff key a need in (published at once), or review one: its save approves or rejects."""

    def service_update(self, instance, values):
        return services.financing_need_review(need=instance, **values)


class FinancingNeedViewSet(ServiceSnippetViewSet):
    model = FinancingNeed
    service_form_class = FinancingNeedForm
    icon = "tasks"
    menu_label = "融资需求"
    list_display = ["enterprise", "amount", "term_months", "status", "reference", "published_on"]
    list_filter = ["status", "collateral_offered"]
    search_fields = ["reference", "purpose"]
    ordering = ["status", "-published_on"]
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("enterprise"),
                FieldPanel("amount"),
                FieldPanel("term_months"),
                FieldPanel("purpose"),
                FieldPanel("collateral_offered"),
                FieldPanel("published_on"),
            ],
            heading="需求（审核通过后公开）",
        ),
        MultiFieldPanel(
            read_only("reference", "submitted_at", "contact_name", "contact_phone"),
            heading="网上提交（联系人和电话不公开）",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("review_note")],
            heading="审核：待审核的需求改为“征集中”即审核通过并公开，改为“未通过审核”即驳回",
        ),
    ]


class FinancingAnswerViewSet(ServiceSnippetViewSet):
    """Banks send answers with their keys; staff read them and may hide one (or show it again)."""

    model = FinancingAnswer
    service_form_class = service_form(update=services.financing_answer_moderate, row="answer")
    icon = "comment"
    menu_label = "银行答复"
    list_display = ["need", "bank", "product", "status", "answered_at"]
    list_filter = ["status"]
    search_fields = ["bank", "text"]
    ordering = ["-answered_at"]
    list_per_page = 50
    panels = review_panels(
        received_heading="银行答复（银行通过 API 密钥提交）",
        received=["need", "bank", "product", "text", "answered_at"],
        decision_heading="处理",
        decision=[FieldPanel("status"), FieldPanel("staff_note")],
    )


class TrademarkPledgeViewSet(ServiceSnippetViewSet):
    model = TrademarkPledge
    service_form_class = TrademarkPledgeForm
    icon = "lock"
    menu_label = "商标质押"
    list_display = ["registration_number", "pledgor_name", "pledgee", "registered_on", "status"]
    list_filter = ["status", "pledgor_type"]
    search_fields = ["registration_number", "pledgee", "pledgor_name"]
    list_per_page = 50


class TrademarkPledgeConsultationViewSet(PublicRequestQueue):
    model = TrademarkPledgeConsultation
    menu_label = "商标质押咨询"
    list_display = ["reference", "company_name", "amount_wanted", "status", "submitted_at"]
    search_fields = ["reference", "company_name"]
    ordering = ["status", "-submitted_at"]
    panels = review_panels(
        received_heading="申请人（联系方式不公开）",
        received=[
            "submitted_at",
            "company_name",
            "contact_name",
            "contact_phone",
            "contact_email",
            "marks",
            "amount_wanted",
            "message",
        ],
        decision_heading="处理",
        decision=[FieldPanel("status"), FieldPanel("staff_note")],
    )


class FinanceGroup(SnippetViewSetGroup):
    menu_label = "融资服务"
    menu_icon = "folder-open-inverse"
    menu_order = 310
    items = (
        LoanProductViewSet,
        FinancingNeedViewSet,
        FinancingAnswerViewSet,
        EquityPledgeViewSet,
        TrademarkPledgeViewSet,
        TrademarkPledgeConsultationViewSet,
        ChattelMortgageViewSet,
    )


register_snippet(FinanceGroup)
