"""Search kinds of 融资服务: equity pledges and loan products.

Search kind "equity_pledge": equity pledge registrations (股权出质登记), found by the
enterprise whose equity is pledged, the registration number or the pledgee; each links to the
entry on the enterprise's credit timeline, the one page the static site has for a pledge.

Search kind "loan_product": banks' loan products on sale (融资服务), linking to their pages.
"""

from django.utils import timezone
from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.finance.models import EquityPledge, LoanProduct
from search.documents import INDEX_SETTINGS, SearchDocument
from search.kind import Follow, Kind
from search.presenters import join_text, title_pinyin
from search.sources import Source


class EquityPledgeDocument(SearchDocument):
    """A pledge; the document id is the pledge id. A natural-person pledgor is left out
    entirely (not even masked): a masked name finds nothing and identifies no one."""

    credit_code = Keyword()
    enterprise_name = Keyword()
    registration_number = Keyword()
    status = Keyword()

    class Index:
        name = "equity_pledge"
        settings = INDEX_SETTINGS


def equity_pledge_document(pledge: EquityPledge) -> EquityPledgeDocument:
    enterprise = pledge.enterprise
    pledgor = (
        pledge.pledgor_name if pledge.pledgor_type == EquityPledge.PledgorType.ENTERPRISE else ""
    )
    summary = join_text(
        f"出质股权数额{pledge.amount:f}{pledge.get_amount_unit_display()}",
        f"质权人：{pledge.pledgee}",
        f"出质人：{pledgor}" if pledgor else "",
        f"状态：{pledge.get_status_display()}",
    )
    return EquityPledgeDocument(
        meta={"id": str(pledge.pk)},
        kind="equity_pledge",
        title=f"{enterprise.name} · 股权出质登记",
        body=summary,
        all_text=join_text(
            enterprise.name,
            enterprise.credit_code,
            "股权出质登记",
            pledge.registration_number,
            summary,
        ),
        pinyin=title_pinyin(enterprise.name),
        url=site_url("equity_pledge", credit_code=enterprise.credit_code, id=pledge.pk),
        date=pledge.registered_on,
        updated_at=pledge.updated_at,
        credit_code=enterprise.credit_code,
        enterprise_name=enterprise.name,
        registration_number=pledge.registration_number,
        status=pledge.status,
    )


EQUITY_PLEDGE = Kind(
    name="equity_pledge",
    label="股权出质",
    document=EquityPledgeDocument,
    source=Source(
        kind="equity_pledge",
        rows=EquityPledge.objects.all,
        id_field="pk",
        updated_field="updated_at",
        related=("enterprise",),
    ),
    present=equity_pledge_document,
    # The document shows the enterprise's name and code: follow a rename.
    follows=(
        Follow(
            "enterprises.Enterprise",
            lambda enterprise: enterprise.equity_pledges.values_list("pk", flat=True),
        ),
    ),
)


class LoanProductDocument(SearchDocument):
    """A product on sale; the document id is the product id. The branch phone is public on
    the product page but adds nothing to search, so it stays out of the index."""

    bank = Keyword()
    collateral = Keyword()

    class Index:
        name = "loan_product"
        settings = INDEX_SETTINGS


def loan_product_title(product: LoanProduct) -> str:
    return f"{product.bank} · {product.name}"  # the product page's title


def loan_product_document(product: LoanProduct) -> LoanProductDocument:
    title = loan_product_title(product)
    return LoanProductDocument(
        meta={"id": str(product.pk)},
        kind="loan_product",
        title=title,
        body=product.eligibility,
        all_text=join_text(
            title,
            "贷款产品",
            product.get_collateral_display(),
            product.eligibility,
            " ".join(product.target_industries or []),
        ),
        pinyin=title_pinyin(title),
        url=site_url("loan_product", id=product.pk),
        date=timezone.localdate(product.created_at) if product.created_at else None,
        updated_at=product.updated_at,
        bank=product.bank,
        collateral=product.collateral,
    )


LOAN_PRODUCT = Kind(
    name="loan_product",
    label="贷款产品",
    document=LoanProductDocument,
    # Only products on sale have a page on the site (it fetches `?active=true`).
    source=Source(
        kind="loan_product",
        rows=lambda: LoanProduct.objects.filter(active=True),
        id_field="pk",
        updated_field="updated_at",
    ),
    present=loan_product_document,
)
