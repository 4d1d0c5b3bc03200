"""App config for 融资服务: equity pledges, historical mortgages, needs and loan products."""

from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "registry_api.finance"
    label = "finance"
    verbose_name = "融资服务"
    # Shown on the site but not searched (publishing follows them: cms/publishing/signals.py).
    site_shows = ("ChattelMortgage", "FinancingNeed", "TrademarkPledge")
