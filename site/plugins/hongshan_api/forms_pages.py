"""Render the public forms' answers with the build's own Jinja environment and theme.

Django's /forms/ pages (cms/forms_pages/) take what the forms send without JavaScript, ask
the same serializers and services as the API, and hand the outcome here: the form again with
each field's Chinese error and the visitor's values (escaped by the templates' autoescape),
or the confirmation, tracking status, look-up or similarity results. The pages are the
static site's own templates, so they look like every other page. The build uses the paths
below as the forms' `action`; the scripts keep posting to the API (`data-api`).
"""

from __future__ import annotations

from .presenters import SiteUrls
from .preview import _site
from .search_page import safe_path
from .trademarks import SIMILAR_PAGE, section_paths, site_path

COMPLAINT_PAGE = "/forms/complaints/"
TRACK_PAGE = "/forms/complaints/track/"
CONSULTATION_PAGE = "/forms/consultations/"


def _render(template: str, **context) -> str:
    settings, env = _site()
    shared = {key: value for key, value in settings.items() if key.isupper()}
    return env.get_template(f"{template}.html").render(shared, **context)


def render_complaint_form(
    *,
    categories: list[tuple[str, str]],
    districts: list[dict],
    places: list[dict],
    submit_url: str,
    place: dict | None = None,
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The complaint form (`place` locked when a QR code named one), refilled with `values`
    and `errors` after a refused post; or, with `receipt`, the confirmation."""
    if receipt is not None:
        receipt = {**receipt, "track_url": TRACK_PAGE}
    return _render(
        "complaint_form",
        page_title="投诉举报 - 提交成功" if receipt else "投诉举报",
        categories=categories,
        districts=districts,
        places=places,
        page_url=COMPLAINT_PAGE,
        submit_url=submit_url,
        place=place,
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
    )


def render_complaint_track(
    *,
    track_url: str,
    code: str = "",
    phone: str = "",
    track: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
) -> str:
    """The tracking form with the code and digits asked, and the complaint's progress."""
    return _render(
        "complaint_track",
        page_title="投诉举报进度查询",
        page_url=TRACK_PAGE,
        track_url=track_url,
        code=code,
        phone=phone,
        track=track,
        errors=errors or {},
        status=status,
    )


def render_consultation_ask(
    *,
    channels: list[dict],
    submit_url: str,
    question_max_length: int,
    legal_agencies: list[dict] = (),
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The question form refilled after a refused post, or the receipt with its 查询码."""
    return _render(
        "consultation_ask",
        page_title="我要咨询 - 提交成功" if receipt else "我要咨询",
        channels=channels,
        page_url=CONSULTATION_PAGE,
        submit_url=submit_url,
        question_max_length=question_max_length,
        legal_agencies=legal_agencies,
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
    )


def render_lookup(
    template: str,
    *,
    code: str = "",
    found: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
) -> str:
    """A look-up by code (a template extending _lookup_page.html, which names the page): the
    code's form and, for a code found, what the API's look-up answers."""
    return _render(template, code=code, found=found, errors=errors or {}, status=status)


def present_similar(result: dict) -> dict:
    """One result of the similarity check as the page lists it; links stay on this site."""
    mark = result.get("trademark") or {}
    owner = mark.get("owner") or {}
    number = str(mark.get("registration_number") or "")
    return {
        "name": mark.get("name") or "",
        "registration_number": number,
        "url": f"/trademarks/{number}/",
        "percent": round((result.get("score") or 0) * 100),
        "reasons": list(result.get("reasons") or []),
        "classes": "、".join(f"第{c['number']}类" for c in mark.get("classes") or []),
        "status_display": mark.get("status_display") or "",
        "owner_name": owner.get("name") or mark.get("owner_name") or "",
        "owner_url": safe_path(owner.get("url")) if owner else None,
        "logo": safe_path(
            site_path(mark.get("logo_thumbnail_url") or mark.get("logo_url") or mark.get("logo"))
        ),
    }


def render_trademark_similar(
    *,
    nice_classes: list[dict],
    submit_url: str,
    logo_max_mb: int,
    name: str = "",
    classes: list[int] | None = None,
    results: list[dict] | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
) -> str:
    """The similarity check page with the name and classes asked and the marks found."""
    settings, _env = _site()
    return _render(
        "trademark_similar",
        page_title=f"“{name}”的近似商标 - 商标近似查询" if results is not None else "商标近似查询",
        nice_classes=nice_classes,
        sections=section_paths(SiteUrls(settings["HONGSHAN_URLS"])),
        page_url=SIMILAR_PAGE,
        submit_url=submit_url,
        logo_max_mb=logo_max_mb,
        similar={
            "name": name,
            "classes": classes or [],
            "results": [present_similar(r) for r in results or []],
        },
        errors=errors or {},
        status=status,
    )


def _render_registration(template: str, item: dict, *, receipt: dict | None, **context) -> str:
    return _render(
        template,
        page_title=f"{item['title']} - {'报名成功' if receipt else '网上报名'}",
        item=item,
        receipt=receipt,
        **context,
    )


def render_event_registration(
    *,
    event: dict,
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """An event's registration form refilled after a refused post (places as they are now),
    or the receipt with its 报名确认码. `event`: id, title, url, starts_at, ends_at, place and
    the availability (`registration`) as the page API gives them."""
    return _render_registration(
        "event_register", event, values=values, errors=errors or {}, status=status, receipt=receipt
    )


def render_training_registration(
    *,
    session: dict,
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The same for a 大讲堂 session. `session`: as /api/v1/trainings/<id>/ gives it (date,
    start_time, venue, trainer, `registration`), with its `url` on the 大讲堂 list."""
    return _render_registration(
        "training_register",
        session,
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
    )
