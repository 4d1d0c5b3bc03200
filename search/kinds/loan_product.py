"""Search kind "loan_product": banks' loan products on sale (融资服务), linking to their pages."""

from django.utils import timezone
from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.finance.models import LoanProduct

from ..documents import INDEX_SETTINGS, SearchDocument
from ..kind import Kind
from ..presenters import join_text, title_pinyin
from ..sources import Source


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


KIND = Kind(
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
