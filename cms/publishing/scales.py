"""The two demo scales of `make run`: `default` (what the local engine answers interactively)
and `district` (today's volume of the bureau, for benchmarks and real clusters).

The local noida-db engine examines every document of every index a request names, at roughly
100–180 µs a document, and the site-wide search names every kind's index. So the volume the
site-wide search covers bounds its latency: about 3,000 documents keep a query near 0.4 s.
The default scale keeps every registry alive (a thousand enterprises and marks, each registry
with enough rows to page, filter and chart) inside that budget. Counts that are never indexed
(complaints) stay larger, so the half-monthly figures are not all suppressed below 5. The
village and community network keeps the source's numbers at every scale (76 stations, 212
people in the three roles, 500 boards); only the food-stall cards, which the source does not
count and which each add a document to the site-wide search, are fewer at `default` (300,
four or so per station) than at `district` (1,500).

Every count is a top-up target: moving from `default` to `district` adds rows, moving back
removes none (start from an empty `var/` for that).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class DemoScale:
    name: str
    enterprises: int
    credit_records: int
    trademarks: int
    complaints: int
    loan_products: int
    financing_needs: int
    equity_pledges: int
    chattel_mortgages: int
    agencies: int
    consultations: int
    idle_listings: int
    idle_inquiries: int
    trademark_pledges: int
    pledge_consultations: int
    stall_cards: int

    @property
    def finance_counts(self) -> dict[str, int]:
        return {
            "products": self.loan_products,
            "needs": self.financing_needs,
            "pledges": self.equity_pledges,
            "mortgages": self.chattel_mortgages,
        }


SCALES = {
    "default": DemoScale(
        name="default",
        enterprises=1_000,
        credit_records=300,
        trademarks=1_000,
        complaints=2_000,
        loan_products=20,
        financing_needs=40,
        equity_pledges=60,
        chattel_mortgages=20,
        agencies=30,
        consultations=60,
        idle_listings=40,
        idle_inquiries=10,
        trademark_pledges=20,
        pledge_consultations=5,
        stall_cards=300,
    ),
    "district": DemoScale(
        name="district",
        enterprises=20_000,
        credit_records=8_000,
        trademarks=30_000,
        complaints=12_000,
        loan_products=40,
        financing_needs=300,
        equity_pledges=600,
        chattel_mortgages=200,
        agencies=30,
        consultations=200,
        idle_listings=300,
        idle_inquiries=40,
        trademark_pledges=100,
        pledge_consultations=12,
        stall_cards=1_500,
    ),
}


def scale_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-scale.json"


def scale_record(scale: DemoScale) -> None:
    """Note which scale `make run` loaded last, for benchmarks to print."""
    scale_file().parent.mkdir(parents=True, exist_ok=True)
    scale_file().write_text(json.dumps(asdict(scale), ensure_ascii=False, indent=1))
