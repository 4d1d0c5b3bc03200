"""Registry part 人力资源 · 用工需求: enterprises' job demands and the HR agencies' replies.

Pages: /jobs/ (every listed demand, paginated), /jobs/district/<code>/ and /jobs/trade/<trade>/
(the same by 街镇 and by 工种), /jobs/<id>/ (one demand with the replies staff relayed, each
linking to the agency and the enterprise to its directory page) and /jobs/new/ (the form an
enterprise posts a demand with; without JavaScript it goes to Django's /forms/jobs/,
cms/forms_pages/jobs.py, which renders the same template again with the 查询码 or the errors).
The API's demands carry no contact person or phone, so nothing personal reaches these pages.
"""

from __future__ import annotations

from .client import ApiClient
from .forms_pages import _render
from .parts import district_choices, district_of, write_facet_lists
from .vocabulary import vocabulary_fetch

DEMANDS_PATH = "api/v1/job-demands/"
SUBMIT_URL = "/api/v1/job-demands/"
FORM_PAGE = "/forms/jobs/"
LOOKUP_PAGE = "/forms/jobs/lookup/"
REQUIREMENTS_MAX_LENGTH = 1000
# HONGSHAN_URLS keys of the pages every build writes (platform pages link only built pages).
URLS = ("job_index", "job_new")
PLATFORM_LINKS = {
    "human-resources": (("job_index", "用工需求"), ("job_new", "发布用工需求")),
}


def fetch(client: ApiClient) -> dict:
    return {
        "demands": list(client.registry_list(DEMANDS_PATH, {})),
        "districts": list(client.registry_list("api/v1/districts/", {})),
        # The 工种 labels in the registry's order (registry_api/jobs/models.py Trade).
        "trades": vocabulary_fetch(client)["lists"]["job_trades"],
    }


def form_context(districts: list[dict], trades: dict[str, str]) -> dict:
    """What the post form shows, for the build and for Django's /forms/jobs/ page alike."""
    return {
        "trades": [{"code": code, "label": label} for code, label in trades.items()],
        "districts": [{"code": d["code"], "label": d["name"]} for d in districts],
        "page_url": FORM_PAGE,
        "submit_url": SUBMIT_URL,
        "lookup_url": LOOKUP_PAGE,
        "requirements_max_length": REQUIREMENTS_MAX_LENGTH,
    }


def write(generator, writer, data: dict) -> None:
    demands = data["demands"]
    write_facet_lists(
        generator,
        writer,
        base="jobs/",
        template="job_list",
        items=demands,
        title="用工需求",
        dimensions={
            "district": (district_choices(data["districts"]), district_of),
            "trade": (data["trades"], lambda demand: demand["trade"]),
        },
    )
    for demand in demands:
        generator._write(
            f"jobs/{demand['id']}/index.html",
            "job_detail",
            writer,
            page_title=f"{demand['title']} - {demand['enterprise']['name']}",
            item=demand,
        )
    generator._write(
        "jobs/new/index.html",
        "job_new",
        writer,
        page_title="发布用工需求",
        **form_context(data["districts"], data["trades"]),
    )


def render_job_new(
    *,
    districts: list[dict],
    trades: dict[str, str],
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The post form refilled after a refused post, or the receipt with its 查询码 (Django's
    /forms/jobs/ page, in the build's look)."""

    return _render(
        "job_new",
        page_title="发布用工需求 - 提交成功" if receipt else "发布用工需求",
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
        **form_context(districts, trades),
    )
