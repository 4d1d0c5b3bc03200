"""Registry part 融资服务: loan products, financing needs with matches, pledges and mortgages.

Pages: /finance/ (overview), /finance/products/ and /finance/needs/ (paginated lists and one page
per item; a need's page shows its banks' answers), /finance/needs/new/ (the 发布融资需求 form,
`finance_form`), /finance/pledges/, /finance/trademark-pledges/ and /finance/mortgages/ (paginated
lists only; `enterprise_extras` hands each enterprise its pledges, trademark pledges and mortgages
for the credit part's timeline). Needs come with their top matches in the same requests
(`?include=matches`), not one request per need.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .client import ApiClient
from .finance_form import write_need_form
from .vocabulary import vocabulary_fetch

BASE = "finance/"
LISTS = {
    "products": ("api/v1/loan-products/", {"active": "true", "ordering": "id"}),
    "needs": ("api/v1/financing-needs/", {"include": "matches"}),
    "pledges": ("api/v1/equity-pledges/", {}),
    "mortgages": ("api/v1/chattel-mortgages/", {}),
    "trademark_pledges": ("api/v1/trademark-pledges/", {}),
}
# HONGSHAN_URLS keys of pages every build writes
URLS = ("finance_trademark_pledges", "financing_need_new")


def number(value) -> str:
    """The API's decimal strings without trailing zeros: "3.50" → 3.5, "100.00" → 100."""
    try:
        text = f"{Decimal(str(value)):f}"
    except InvalidOperation:
        return str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def present_product(product: dict, scales: dict[str, str]) -> dict:
    """The product with its page URL, and its ranges and targets as display strings
    (`scales`: the enterprise scales' labels): a new dict, the fetched one is kept as is."""
    targets = product.get("target_scales") or []
    return {
        **product,
        "url": product_url(product),
        "rate_range": f"{number(product['rate_min'])}%–{number(product['rate_max'])}%",
        "amount_range": f"{number(product['amount_min'])}–{number(product['amount_max'])}万元",
        "term_range": f"{product['term_min_months']}–{product['term_max_months']}个月",
        "scales_display": "、".join(scales.get(s, s) for s in targets) or "不限",
        "industries_display": "、".join(product.get("target_industries") or []) or "不限",
    }


def product_url(product: dict) -> str:
    return f"/{BASE}products/{product['id']}/"


def need_url(need: dict) -> str:
    return f"/{BASE}needs/{need['id']}/"


def fetch(client: ApiClient) -> dict:
    data = {key: list(client.registry_list(path, params)) for key, (path, params) in LISTS.items()}
    vocabulary = vocabulary_fetch(client)
    # Mortgages are the bureau's records before the central bank's registry took over.
    data["referral"] = vocabulary["texts"]["chattel_mortgage_referral"]
    # New dicts: a list answered 304 is the previous build's objects in a warm process.
    scales = vocabulary["lists"]["enterprise_scales"]
    data["products"] = [present_product(product, scales) for product in data["products"]]
    data["needs"] = [need_present(need) for need in data["needs"]]
    return data


def need_present(need: dict) -> dict:
    """The need with its page URL, and its matches' and answers' products with theirs (new
    dicts; an answer's product off sale has no page, hence no link)."""
    presented = {**need, "url": need_url(need)}
    presented["answers"] = [
        {
            **answer,
            "product": answer["product"] if (answer.get("product") or {}).get("url") else None,
        }
        for answer in need.get("answers") or []
    ]
    if "matches" in need:
        presented["matches"] = [
            {**match, "product": {**match["product"], "url": product_url(match["product"])}}
            for match in need["matches"]
        ]
    return presented


def timeline_entries(data: dict) -> dict[str, list[dict]]:
    """Pledges of each enterprise's equity and its historical mortgages, by credit code, as
    entries of the credit timeline (the shape of the API's credit profile: `type`, `date`)."""
    by_enterprise: dict[str, list[dict]] = {}
    for kind, items, date_field in (
        ("equity_pledge", data["pledges"], "registered_on"),
        ("chattel_mortgage", data["mortgages"], "registered_on"),
        ("trademark_pledge", data.get("trademark_pledges", []), "registered_on"),
    ):
        for item in items:
            if not item.get("enterprise"):  # a natural person's marks: no directory entry
                continue
            entry = {**item, "type": kind, "date": item[date_field]}
            by_enterprise.setdefault(item["enterprise"]["credit_code"], []).append(entry)
    return by_enterprise


def enterprise_extras(data: dict) -> dict[str, dict]:
    """Each enterprise's pledges and mortgages, by credit code: its page counts them, and the
    credit part puts them on its timeline (no request per enterprise: the lists are fetched
    once)."""
    return {code: {"finance_timeline": entries} for code, entries in timeline_entries(data).items()}


def write(generator, writer, data: dict) -> None:
    products, needs = data["products"], data["needs"]
    open_needs = [n for n in needs if n["status"] == "open"]
    generator._write(
        f"{BASE}index.html",
        "finance_overview",
        writer,
        page_title="融资服务",
        products=products[:6],
        counts={key: len(data[key]) for key in LISTS},
        open_count=len(open_needs),
        referral=data["referral"],
    )
    lists = (
        ("products", "finance_product_list", "贷款产品"),
        ("needs", "finance_need_list", "融资需求"),
        ("pledges", "finance_pledge_list", "股权出质登记"),
        ("trademark_pledges", "finance_trademark_pledge_list", "商标专用权质押登记"),
        ("mortgages", "finance_mortgage_list", "动产抵押登记（历史记录）"),
    )
    for key, template, title in lists:
        generator._write_paginated(
            f"{BASE}{key.replace('_', '-')}/index.html",
            f"{BASE}{key.replace('_', '-')}/",
            template,
            data[key],
            writer,
            page_title=title,
            referral=data["referral"],
        )
    for product in products:
        generator._write(
            f"{BASE}products/{product['id']}/index.html",
            "finance_product_detail",
            writer,
            item=product,
            page_title=f"{product['bank']} · {product['name']}",
        )
    for need in needs:
        generator._write(
            f"{BASE}needs/{need['id']}/index.html",
            "finance_need_detail",
            writer,
            item=need,
            page_title=f"{need['enterprise']['name']} · 融资需求",
        )
    write_need_form(generator, writer)
