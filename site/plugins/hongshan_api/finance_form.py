"""The 发布融资需求 form: built as /finance/needs/new/, rendered again by Django's
/forms/finance/needs/ page after a post without JavaScript (the receipt with its 查询码, or
the form with each field's Chinese error and the visitor's values)."""

from __future__ import annotations

from .forms_pages import _render

FORM_PAGE = "/forms/finance/needs/"  # the form's action: Django answers it in the site's look
SUBMIT_API = "/api/v1/financing-needs/"
PURPOSE_MAX_LENGTH = 200  # FinancingNeed.PURPOSE_MAX_LENGTH
# The API's Collateral choices (the site imports no Django): value, label.
COLLATERAL_CHOICES = (
    ("credit", "信用"),
    ("mortgage", "抵押"),
    ("pledge", "质押"),
    ("guarantee", "保证"),
)


def form_context() -> dict:
    return {
        "page_url": FORM_PAGE,
        "submit_url": SUBMIT_API,
        "collaterals": [{"code": code, "label": label} for code, label in COLLATERAL_CHOICES],
        "purpose_max_length": PURPOSE_MAX_LENGTH,
    }


def write_need_form(generator, writer) -> None:
    generator._write(
        "finance/needs/new/index.html",
        "finance_need_new",
        writer,
        page_title="发布融资需求",
        **form_context(),
    )


def render_financing_need_new(
    *,
    values: dict | None = None,
    errors: dict[str, str] | None = None,
    status: dict | None = None,
    receipt: dict | None = None,
) -> str:
    """The form refilled after a refused post, or the receipt with its 查询码."""
    return _render(
        "finance_need_new",
        page_title="发布融资需求 - 提交成功" if receipt else "发布融资需求",
        values=values,
        errors=errors or {},
        status=status,
        receipt=receipt,
        **form_context(),
    )
