"""Search kind "job_demand": the job demands staff listed, within their validity (用工需求).

Only what registry_api/jobs/selectors.demand_public_list returns is indexed, and only public
fields: the post, trade, place, headcount, pay and requirements with the enterprise's name and
code; never the contact person, the phone, the staff note or the 查询码. A demand past its
validity leaves the public lists with no save: the document carries `public_until` (the day
after `valid_until`), which the public query reads, and the daily expiry closes the row.
"""

import dataclasses
import datetime

from django.utils import timezone
from elasticsearch.dsl import Keyword

from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, EnterpriseFields, district_fields, enterprise_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document

from .models import JobDemand
from .selectors import demand_public_list, pay_display


class JobDemandDocument(SearchDocument, DistrictFields, EnterpriseFields):
    """A listed demand; the document id is the demand id."""

    trade = Keyword()  # Trade

    Index = index_options("job_demand")


def job_demand_document(demand: JobDemand) -> JobDemandDocument:
    enterprise = demand.enterprise
    facts = f"{demand.get_trade_display()} · 招聘{demand.headcount}人 · {pay_display(demand)}"
    return row_document(
        JobDemandDocument,
        "job_demand",
        demand,
        title=f"{demand.title}（{enterprise.name}）",
        body=join_text(facts, demand.requirements),
        all_text=join_text(
            demand.title,
            demand.get_trade_display(),
            enterprise.name,
            demand.district.name,
            demand.requirements,
        ),
        date=demand.published_on or timezone.localdate(demand.submitted_at),
        public_until=demand.valid_until + datetime.timedelta(days=1),
        trade=demand.trade,
        **district_fields(demand.district),
        **enterprise_fields(enterprise),
    )


JOB_DEMAND = dataclasses.replace(
    row_kind(
        "job_demand",
        "用工需求",
        JobDemandDocument,
        rows=demand_public_list,
        present=job_demand_document,
        related=("enterprise", "district"),
        follows=(
            Follow(
                "enterprises.Enterprise",
                lambda enterprise: enterprise.job_demands.values_list("pk", flat=True),
            ),
        ),
    ),
    # A demand waiting for staff changes nothing the public sees.
    shows_save=lambda demand, created: demand.status != JobDemand.Status.PENDING,
)
