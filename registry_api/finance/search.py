"""Search kinds of 融资服务: equity pledges and loan products.

Search kind "equity_pledge": equity pledge registrations (股权出质登记), found by the
enterprise whose equity is pledged, the registration number or the pledgee; each links to the
entry on the enterprise's credit timeline, the one page the static site has for a pledge.

Search kind "loan_product": banks' loan products on sale (融资服务), linking to their pages.
"""

from django.utils import timezone
from elasticsearch.dsl import Keyword

from registry_api.finance.models import EquityPledge, LoanProduct
from search.documents import SearchDocument, index_options
from search.fields import EnterpriseFields, enterprise_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document, title_pinyin


class EquityPledgeDocument(SearchDocument, EnterpriseFields):
    """A pledge; the document id is the pledge id. A natural-person pledgor is left out
    entirely (not even masked): a masked name finds nothing and identifies no one."""

    registration_number = Keyword()
    status = Keyword()

    Index = index_options("equity_pledge")


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
    return row_document(
        EquityPledgeDocument,
        "equity_pledge",
        pledge,
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
        url={"credit_code": enterprise.credit_code, "id": pledge.pk},
        date=pledge.registered_on,
        **enterprise_fields(enterprise),
        registration_number=pledge.registration_number,
        status=pledge.status,
    )


EQUITY_PLEDGE = row_kind(
    "equity_pledge",
    "股权出质",
    EquityPledgeDocument,
    rows=EquityPledge.objects.all,
    present=equity_pledge_document,
    related=("enterprise",),
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

    Index = index_options("loan_product")


def loan_product_title(product: LoanProduct) -> str:
    return f"{product.bank} · {product.name}"  # the product page's title


def loan_product_document(product: LoanProduct) -> LoanProductDocument:
    title = loan_product_title(product)
    return row_document(
        LoanProductDocument,
        "loan_product",
        product,
        title=title,
        body=product.eligibility,
        all_text=join_text(
            title,
            "贷款产品",
            product.get_collateral_display(),
            product.eligibility,
            " ".join(product.target_industries or []),
        ),
        date=timezone.localdate(product.created_at) if product.created_at else None,
        bank=product.bank,
        collateral=product.collateral,
    )


LOAN_PRODUCT = row_kind(
    "loan_product",
    "贷款产品",
    LoanProductDocument,
    # Only products on sale have a page on the site (it fetches `?active=true`).
    rows=lambda: LoanProduct.objects.filter(active=True),
    present=loan_product_document,
)
