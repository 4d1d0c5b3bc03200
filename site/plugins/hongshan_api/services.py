"""Registry part 人力资源 · 法律服务 · 在线咨询: vetted agencies and the public Q&A.

Pages: /agencies/ (grouped by kind, with each linked enterprise's credit standing),
/consultations/ and /consultations/channel/<channel>/ (published Q&A, paginated),
/consultations/<id>/ (one page per Q&A, where search results link) and
/consultations/ask/ (the submission form; it posts to the API, consult.js shows errors inline).
The API's Q&A carries no asker name or contacts, so nothing personal can reach these pages.
"""

from __future__ import annotations

from .client import ApiClient

AGENCY_KINDS = {
    "hr_agency": "人力资源服务机构",
    "law_firm": "律师事务所",
    "legal_service": "基层法律服务所",
    "notary": "公证处",
    "mediation": "人民调解组织",
}
CHANNELS = {
    "registration": "登记注册咨询",
    "equity_pledge": "股权出质咨询",
    "chattel_mortgage": "动产抵押咨询",
    "director_mailbox": "局长信箱",
    "enterprise_voice": "企业之声",
    "message_board": "留言板",
}
SUBMIT_URL = "/api/v1/consultations/"
QUESTION_MAX_LENGTH = 2000


def channel_url(channel: str) -> str:
    return f"/consultations/channel/{channel}/"


def fetch(client: ApiClient) -> dict:
    agencies = list(client.registry_list("api/v1/agencies/", {}))
    consultations = list(client.registry_list("api/v1/consultations/", {}))
    return {"agencies": agencies, "consultations": consultations}


def agency_groups(agencies: list[dict]) -> list[dict]:
    """Kinds in a fixed order, each with its agencies by name; empty kinds left out."""
    groups = []
    for kind, label in AGENCY_KINDS.items():
        items = sorted((a for a in agencies if a["kind"] == kind), key=lambda a: a["name"])
        if items:
            groups.append({"kind": kind, "label": label, "agencies": items})
    return groups


def channel_nav(consultations: list[dict]) -> list[dict]:
    return [
        {
            "code": code,
            "label": label,
            "url": channel_url(code),
            "count": sum(1 for c in consultations if c["channel"] == code),
        }
        for code, label in CHANNELS.items()
    ]


def write(generator, writer, data: dict) -> None:
    agencies, consultations = data["agencies"], data["consultations"]
    generator._write(
        "agencies/index.html",
        "agency_list",
        writer,
        page_title="人力资源与法律服务机构",
        groups=agency_groups(agencies),
        agency_total=len(agencies),
    )
    channels = channel_nav(consultations)
    generator._write_paginated(
        "consultations/index.html",
        "consultations/",
        "consultation_list",
        consultations,
        writer,
        page_title="咨询问答",
        channels=channels,
        channel=None,
    )
    for channel in channels:
        generator._write_paginated(
            f"consultations/channel/{channel['code']}/index.html",
            f"consultations/channel/{channel['code']}/",
            "consultation_list",
            [c for c in consultations if c["channel"] == channel["code"]],
            writer,
            page_title=f"咨询问答 · {channel['label']}",
            channels=channels,
            channel=channel,
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
            channel={"label": CHANNELS[code], "url": channel_url(code)}
            if code in CHANNELS
            else None,
        )
    generator._write(
        "consultations/ask/index.html",
        "consultation_ask",
        writer,
        page_title="我要咨询",
        channels=channels,
        submit_url=SUBMIT_URL,
        question_max_length=QUESTION_MAX_LENGTH,
    )
