"""Search kind "equity_pledge": equity pledge registrations (股权出质登记), found by the
enterprise whose equity is pledged, the registration number or the pledgee; each links to the
entry on the enterprise's credit timeline, the one page the static site has for a pledge."""

from elasticsearch.dsl import Keyword

from core.site_urls import site_url
from registry_api.finance.models import EquityPledge

from ..documents import INDEX_SETTINGS, SearchDocument
from ..kind import Kind
from ..presenters import join_text, title_pinyin
from ..sources import Source


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


KIND = Kind(
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
)
