"""Staff edit pledges, historical mortgages, loan products and needs (融资服务 admin menu).

The four kinds the API writes, and trademark pledges, save through the finance services
(`core.admin_forms`), so the admin and the API refuse the same input and log the same entry.
"""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_forms import ServiceModelForm, ServiceSnippetViewSet
from core.admin_panels import review_panels
from core.public_requests.queue import PublicRequestQueue

from . import services
from .models import (
    ChattelMortgage,
    EquityPledge,
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


class FinancingNeedViewSet(FinanceRecordViewSet):
    model = FinancingNeed
    icon = "tasks"
    menu_label = "融资需求"
    list_display = ["enterprise", "amount", "term_months", "status", "published_on"]
    list_filter = ["status", "collateral_offered"]
    list_per_page = 50


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
        EquityPledgeViewSet,
        TrademarkPledgeViewSet,
        TrademarkPledgeConsultationViewSet,
        ChattelMortgageViewSet,
    )


register_snippet(FinanceGroup)
