"""Load the 法律服务 seed (content/laws/*.md, content/contracts/*.yaml) into Wagtail, idempotently.

A section loader of cms.pages.content_loader: every file is parsed and checked against the
page models' own rules before anything is written; pages are found by slug under the 法律服务
PlatformPage (created if missing); a page gets a new revision only when created or when its
source changed, and pages edited in the admin are kept unless `force`. Contract editions get
their blank DOCX and PDF generated when they are created or changed. See content/laws/README.md
and content/contracts/README.md for the file formats.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.pages.content_loader import ContentError, set_values, upsert_item_page
from cms.pages.models import HomePage, PlatformPage

from .content_files import ContractItem, LawItem, read_contracts, read_laws
from .models import (
    ContractEdition,
    ContractFillField,
    ContractTemplatePage,
    LawPage,
    contract_template_problems,
)
from .services import contract_edition_documents_update
from .validation_messages import stream_field_messages, validation_messages

PLATFORM_CODE = PlatformPage.Code.LEGAL
PLATFORM_INTRO = (
    "<p>发布法律法规和合同示范文本，选择业界信用良好的法律服务机构为企业提供在线互动服务。</p>"
)
PAGE_FIELDS = {f.name for f in Page._meta.get_fields()}


def _rows() -> dict[str, list[str]]:
    return {"created": [], "updated": [], "unchanged": [], "kept": []}


def ensure_legal_platform(home: HomePage) -> PlatformPage:
    """The 法律服务 sub-platform page under `home`; created and published if the platform
    loader (content/platforms/, which runs first) has not made it, e.g. in a test."""
    platform = PlatformPage.objects.child_of(home).filter(code=PLATFORM_CODE).first()
    if platform is None:
        platform = PlatformPage(
            code=PLATFORM_CODE,
            title=PlatformPage.Code.LEGAL.label,
            slug="legal",
            sort_order=7,
            intro=PLATFORM_INTRO,
        )
        home.add_child(instance=platform)
        platform.save_revision().publish()
    return platform


# --- building unsaved pages from items -------------------------------------------------------


def _law_values(item: LawItem) -> dict:
    return {
        "title": item.title,
        "draft_title": item.title,
        "level": item.level,
        "validity": item.validity,
        "issuing_body": item.issuing_body,
        "document_number": item.document_number,
        "promulgation_date": item.promulgation_date,
        "effective_date": item.effective_date,
        "excerpt": item.excerpt,
        "summary": item.summary,
        "search_description": item.summary,
        "chapters": [
            ("chapter", {"title": title, "articles": [{"number": n, "text": t} for n, t in arts]})
            for title, arts in item.chapters
        ],
    }


def _contract_values(item: ContractItem) -> dict:
    return {
        "title": item.title,
        "draft_title": item.title,
        "category": item.category,
        "issuing_body": item.issuing_body,
        "summary": item.summary,
        "search_description": item.summary,
        "scenarios": "\n".join(item.scenarios),
    }


def _fill_fields(item: ContractItem) -> list[ContractFillField]:
    return [
        ContractFillField(
            name=f.name,
            label=f.label,
            field_type=f.field_type,
            required=f.required,
            help_text=f.help_text,
            sort_order=i,
        )
        for i, f in enumerate(item.fields)
    ]


def _edition_values(edition) -> dict:
    return {
        "slug": edition.slug,
        "label": edition.label,
        "published_on": edition.published_on,
        "notes": edition.notes,
        "preamble": edition.preamble,
        "closing": edition.closing,
        "clauses": [
            ("clause", {"number": number, "heading": heading, "text": text})
            for number, heading, text in edition.clauses
        ],
    }


def _clean_messages(instance, clean) -> list[str]:
    """The messages of `instance`'s StreamField blocks, then those `clean()` raises."""
    messages = stream_field_messages(instance)
    try:
        clean()
    except ValidationError as error:
        messages += validation_messages(error)
    return messages


def _specific_fields_problems(page: Page, path: Path) -> list[str]:
    """The page's own fields checked as the model checks them (StreamField blocks included),
    without the tree fields an unsaved page lacks."""
    messages = _clean_messages(page, lambda: page.clean_fields(exclude=PAGE_FIELDS - {"title"}))
    return [f"{path.name}: {message}" for message in messages]


def check_law(item: LawItem) -> list[str]:
    page = LawPage(slug=item.slug, **_law_values(item))
    problems = _specific_fields_problems(page, item.path)
    problems += [f"{item.path.name}: {k}：{m}" for k, m in page.cross_field_errors().items()]
    return problems


def _child_problems(child, label: str, path: Path) -> list[str]:
    exclude = ["page", "sort_order", "docx", "pdf"]
    messages = _clean_messages(child, lambda: child.full_clean(exclude=exclude))
    return [f"{path.name}: {label}：{message}" for message in messages]


def check_contract(item: ContractItem) -> list[str]:
    page = ContractTemplatePage(slug=item.slug, **_contract_values(item))
    problems = _specific_fields_problems(page, item.path)
    fields = _fill_fields(item)
    editions = [
        ContractEdition(sort_order=i, **_edition_values(data))
        for i, data in enumerate(item.editions)
    ]
    for field in fields:
        problems += _child_problems(field, f"fields “{field.name}”", item.path)
    for edition in editions:
        problems += _child_problems(edition, f"editions “{edition.slug}”", item.path)
    problems += [f"{item.path.name}: {m}" for m in contract_template_problems(fields, editions)]
    return problems


# --- writing ---------------------------------------------------------------------------------


LAW_SNAPSHOT_FIELDS = (
    "title",
    "level",
    "validity",
    "issuing_body",
    "document_number",
    "promulgation_date",
    "effective_date",
    "excerpt",
    "summary",
)


def law_snapshot(page: LawPage) -> tuple:
    """What the loader sets on a law page, comparable with LawItem.snapshot()."""
    chapters = tuple(
        (c.value["title"], tuple((a["number"], a["text"]) for a in c.value["articles"]))
        for c in page.chapters
    )
    return (*(getattr(page, name) for name in LAW_SNAPSHOT_FIELDS), chapters)


def _apply_law(page: LawPage, item: LawItem) -> None:
    set_values(page, _law_values(item))


def upsert_law(platform: PlatformPage, item: LawItem, *, force: bool) -> str:
    return upsert_item_page(platform, LawPage, item, _apply_law, law_snapshot, force=force)


def contract_snapshot(page: ContractTemplatePage) -> tuple:
    """What the loader sets on a contract page, comparable with ContractItem.snapshot()."""
    fields = tuple(
        (f.name, f.label, f.field_type, f.required, f.help_text) for f in page.fill_fields.all()
    )
    editions = tuple(
        (
            e.slug,
            e.label,
            e.published_on,
            e.notes,
            e.preamble,
            tuple((c.value["number"], c.value["heading"], c.value["text"]) for c in e.clauses),
            e.closing,
        )
        for e in page.editions.all()
    )
    return (
        page.title,
        page.category,
        page.issuing_body,
        page.summary,
        page.scenarios,
        fields,
        editions,
    )


def _apply_contract(page: ContractTemplatePage, item: ContractItem) -> None:
    """Set the page, its fields and its editions from `item`; an edition keeps its identity
    (and its documents' ids) by slug; every edition's DOCX and PDF are written afresh."""
    for name, value in _contract_values(item).items():
        setattr(page, name, value)
    page.fill_fields = _fill_fields(item)
    existing = {edition.slug: edition for edition in page.editions.all()} if page.pk else {}
    editions = []
    for i, data in enumerate(item.editions):
        edition = existing.get(data.slug) or ContractEdition()
        for name, value in _edition_values(data).items():
            setattr(edition, name, value)
        edition.sort_order = i
        contract_edition_documents_update(page=page, edition=edition)
        editions.append(edition)
    page.editions = editions


def upsert_contract(platform: PlatformPage, item: ContractItem, *, force: bool) -> str:
    return upsert_item_page(
        platform, ContractTemplatePage, item, _apply_contract, contract_snapshot, force=force
    )


def load(content_dir: Path, home: HomePage, *, force: bool = False) -> dict:
    """SECTION_LOADERS entry: laws and contract templates of `content_dir`."""
    problems: list[str] = []
    laws, contracts = [], []
    try:
        laws = read_laws(content_dir / "laws")
    except ContentError as error:
        problems += error.errors
    try:
        contracts = read_contracts(content_dir / "contracts")
    except ContentError as error:
        problems += error.errors
    problems += [p for item in laws for p in check_law(item)]
    problems += [p for item in contracts for p in check_contract(item)]
    if problems:
        raise ContentError(problems)

    platform = ensure_legal_platform(home)
    report = {"law pages": _rows(), "contract templates": _rows()}
    for item in laws:
        report["law pages"][upsert_law(platform, item, force=force)].append(item.slug)
    for item in contracts:
        report["contract templates"][upsert_contract(platform, item, force=force)].append(item.slug)
    return report
