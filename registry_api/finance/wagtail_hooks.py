"""Staff edit pledges, historical mortgages, loan products and needs (融资服务 admin menu)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ChattelMortgage, EquityPledge, FinancingNeed, LoanProduct


class EquityPledgeViewSet(SnippetViewSet):
    model = EquityPledge
    icon = "lock"
    menu_label = "股权出质"
    list_display = ["registration_number", "enterprise", "pledgee", "registered_on", "status"]
    list_filter = ["status", "pledgor_type"]
    search_fields = ["registration_number", "pledgee"]
    list_per_page = 50


class ChattelMortgageViewSet(SnippetViewSet):
    model = ChattelMortgage
    icon = "history"
    menu_label = "动产抵押（历史）"
    list_display = ["registration_number", "enterprise", "mortgagee", "registered_on", "status"]
    list_filter = ["status"]
    search_fields = ["registration_number", "mortgagee"]
    list_per_page = 50


class LoanProductViewSet(SnippetViewSet):
    model = LoanProduct
    icon = "form"
    menu_label = "贷款产品"
    list_display = ["name", "bank", "collateral", "active"]
    list_filter = ["collateral", "active"]
    search_fields = ["name", "bank"]


class FinancingNeedViewSet(SnippetViewSet):
    model = FinancingNeed
    icon = "tasks"
    menu_label = "融资需求"
    list_display = ["enterprise", "amount", "term_months", "status", "published_on"]
    list_filter = ["status", "collateral_offered"]
    list_per_page = 50


class FinanceGroup(SnippetViewSetGroup):
    menu_label = "融资服务"
    menu_icon = "folder-open-inverse"
    menu_order = 310
    items = (LoanProductViewSet, FinancingNeedViewSet, EquityPledgeViewSet, ChattelMortgageViewSet)


register_snippet(FinanceGroup)
