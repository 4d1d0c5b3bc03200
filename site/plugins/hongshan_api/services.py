"""Registry part 人力资源 · 法律服务 · 在线咨询: vetted agencies and the public Q&A.

Pages: /agencies/ (grouped by kind, with each linked enterprise's credit standing),
/consultations/ and /consultations/channel/<channel>/ (published Q&A, paginated),
/consultations/<id>/ (one page per Q&A, where search results link) and
/consultations/ask/ (the submission form; consult.js posts it to the API and shows errors
inline; without JavaScript it goes to Django's /forms/consultations/, forms_pages.py, which
also answers the look-up by 查询码).
The API's Q&A carries no asker name or contacts, so nothing personal can reach these pages.
"""

from __future__ import annotations

from .client import ApiClient
from .forms_pages import CONSULTATION_PAGE
from .parts import write_faceted_lists
from .vocabulary import vocabulary_fetch

SUBMIT_URL = "/api/v1/consultations/"
QUESTION_MAX_LENGTH = 2000
# Agency kinds a 法律服务咨询 may be routed to (registry_api.services.models.Agency.LEGAL_KINDS).
LEGAL_KINDS = ("law_firm", "legal_service", "notary", "mediation")

URLS = ("agency_index", "consultation_index", "consultation_ask", "consultation_legal")
PLATFORM_LINKS = {
    "market-access": (("consultation_ask", "登记注册在线咨询"),),
    "human-resources": (("agency_index", "人力资源机构名录"),),
    "legal": (
        ("consultation_legal", "法律服务在线咨询"),
        ("agency_index", "入库法律服务机构"),
    ),
}


def channel_url(channel: str) -> str:
    return f"/consultations/channel/{channel}/"


def fetch(client: ApiClient) -> dict:
    agencies = list(client.registry_list("api/v1/agencies/", {}))
    consultations = list(client.registry_list("api/v1/consultations/", {}))
    lists = vocabulary_fetch(client)["lists"]
    return {
        "agencies": agencies,
        "consultations": consultations,
        "agency_kinds": lists["agency_kinds"],
        "channels": lists["consultation_channels"],
    }


def agency_groups(agencies: list[dict], kinds: dict[str, str]) -> list[dict]:
    """Kinds in the API's order, each with its agencies by name; empty kinds left out."""
    groups = []
    for kind, label in kinds.items():
        items = sorted((a for a in agencies if a["kind"] == kind), key=lambda a: a["name"])
        if items:
            groups.append({"kind": kind, "label": label, "agencies": items})
    return groups


def legal_agencies(agencies: list[dict]) -> list[dict]:
    """The firms the question form offers for a 法律服务咨询, by name."""
    return sorted((a for a in agencies if a["kind"] in LEGAL_KINDS), key=lambda a: a["name"])


def channel_nav(consultations: list[dict], channels: dict[str, str]) -> list[dict]:
    return [
        {
            "code": code,
            "label": label,
            "url": channel_url(code),
            "count": sum(1 for c in consultations if c["channel"] == code),
        }
        for code, label in channels.items()
    ]


def write(generator, writer, data: dict) -> None:
    agencies, consultations, labels = data["agencies"], data["consultations"], data["channels"]
    generator._write(
        "agencies/index.html",
        "agency_list",
        writer,
        page_title="人力资源与法律服务机构",
        groups=agency_groups(agencies, data["agency_kinds"]),
        agency_total=len(agencies),
        legal_kinds=LEGAL_KINDS,
    )
    channels = channel_nav(consultations, labels)
    write_faceted_lists(
        generator,
        writer,
        base="consultations/",
        template="consultation_list",
        items=consultations,
        title="咨询问答",
        facets=channels,
        facet_names=("channels", "channel"),
        facet_path=lambda channel: f"channel/{channel['code']}/",
        facet_title=lambda channel: f"咨询问答 · {channel['label']}",
        members=lambda channel: [c for c in consultations if c["channel"] == channel["code"]],
    )
    for consultation in consultations:
        code = consultation["channel"]
        generator._write(
            f"consultations/{consultation['id']}/index.html",
            "consultation_detail",
            writer,
            page_title=consultation["subject"],
            item=consultation,
            # Label and link only: a page need not change when its channel's count does.
            channel={"label": labels[code], "url": channel_url(code)} if code in labels else None,
        )
    generator._write(
        "consultations/ask/index.html",
        "consultation_ask",
        writer,
        page_title="我要咨询",
        channels=channels,
        page_url=CONSULTATION_PAGE,
        submit_url=SUBMIT_URL,
        question_max_length=QUESTION_MAX_LENGTH,
        legal_agencies=legal_agencies(agencies),
    )
