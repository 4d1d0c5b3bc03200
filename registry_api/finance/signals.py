"""Keep derived copies (search index, static site) following every 融资服务 change.

Signals rather than service calls, because staff also edit these records in the Wagtail admin,
whose forms save the models directly. Equity pledges and loan products are search kinds;
historical mortgages and trademark pledges only appear on the site.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.publishing.services import site_build_request
from registry_api.enterprises.models import Enterprise
from search.services import search_sync_later

from .models import ChattelMortgage, EquityPledge, FinancingNeed, LoanProduct, TrademarkPledge


@receiver(post_save, sender=EquityPledge, dispatch_uid="equity_pledge_saved")
@receiver(post_delete, sender=EquityPledge, dispatch_uid="equity_pledge_deleted")
def equity_pledge_changed(sender, instance: EquityPledge, **kwargs) -> None:
    search_sync_later("equity_pledge", instance.pk)
    site_build_request()


@receiver(post_save, sender=LoanProduct, dispatch_uid="loan_product_saved")
@receiver(post_delete, sender=LoanProduct, dispatch_uid="loan_product_deleted")
def loan_product_changed(sender, instance: LoanProduct, **kwargs) -> None:
    # A product taken off sale is synced too: the task finds it not indexable and deletes it.
    search_sync_later("loan_product", instance.pk)
    site_build_request()


@receiver(post_save, sender=ChattelMortgage, dispatch_uid="chattel_mortgage_saved")
@receiver(post_delete, sender=ChattelMortgage, dispatch_uid="chattel_mortgage_deleted")
@receiver(post_save, sender=FinancingNeed, dispatch_uid="financing_need_saved")
@receiver(post_delete, sender=FinancingNeed, dispatch_uid="financing_need_deleted")
@receiver(post_save, sender=TrademarkPledge, dispatch_uid="trademark_pledge_saved")
@receiver(post_delete, sender=TrademarkPledge, dispatch_uid="trademark_pledge_deleted")
def finance_site_record_changed(sender, instance, **kwargs) -> None:
    site_build_request()


@receiver(post_save, sender=Enterprise, dispatch_uid="equity_pledge_enterprise_saved")
def equity_pledge_enterprise_changed(sender, instance: Enterprise, **kwargs) -> None:
    """A pledge's document carries its enterprise's name and code: follow a rename."""
    for pk in instance.equity_pledges.values_list("pk", flat=True):
        search_sync_later("equity_pledge", pk)
