"""The 法律服务 seed loader: idempotent, keeps admin edits, refuses bad files before writing."""

import shutil
from io import BytesIO
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Revision

from cms.legal.content import load
from cms.legal.models import ContractTemplatePage, LawPage
from cms.pages.content_loader import SECTION_LOADERS, ContentError
from cms.pages.models import PlatformPage

pytestmark = pytest.mark.django_db

CONTENT = Path(settings.BASE_DIR) / "content"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    for name in ("laws", "contracts"):
        shutil.copytree(CONTENT / name, target / name)
    return target


def state() -> dict:
    return {
        "laws": sorted(LawPage.objects.values_list("id", "slug", "latest_revision_id", "live")),
        "contracts": sorted(
            ContractTemplatePage.objects.values_list("id", "slug", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "documents": sorted(get_document_model().objects.values_list("id", "file", "file_size")),
    }


def test_seed_loads_under_the_legal_platform_and_is_idempotent(home_page):
    report = load(CONTENT, home_page)

    assert len(report["law pages"]["created"]) >= 8
    assert len(report["contract templates"]["created"]) >= 8
    platform = PlatformPage.objects.get(code="legal")
    assert LawPage.objects.child_of(platform).live().count() >= 8
    assert ContractTemplatePage.objects.child_of(platform).live().count() >= 8

    trademark = LawPage.objects.get(slug="trademark-law")
    assert trademark.excerpt and "节选" in trademark.summary
    anchors = [article["anchor"] for _, article in trademark.articles()]
    assert "article-57" in anchors and "article-43" in anchors
    assert LawPage.objects.get(slug="anti-unfair-competition-law-2019").validity == "amended"

    with_two = [
        page
        for page in ContractTemplatePage.objects.all()
        if len(page.editions_newest_first()) >= 2
    ]
    assert len(with_two) >= 2
    sale = ContractTemplatePage.objects.get(slug="sale-contract")
    current = sale.current()
    assert current.slug == "2026"
    for edition in sale.editions.all():
        assert edition.docx.file_extension == "docx" and edition.pdf.file_extension == "pdf"
    with current.docx.open_file() as handle:
        text = "\n".join(p.text for p in docx.Document(BytesIO(handle.read())).paragraphs)
    assert "买卖合同（示范文本）" in text and "第五条　检验与异议" in text
    assert "{{" not in text and "＿＿＿" in text
    with current.pdf.open_file() as handle:
        assert handle.read(8) == b"%PDF-1.4"

    before = state()
    again = load(CONTENT, home_page)
    assert again["law pages"]["created"] == again["law pages"]["updated"] == []
    assert again["contract templates"]["updated"] == []
    assert len(again["contract templates"]["unchanged"]) == len(with_two) + (
        ContractTemplatePage.objects.count() - len(with_two)
    )
    assert state() == before


def test_a_changed_file_updates_only_its_page(home_page, content_copy):
    load(content_copy, home_page)
    sale = ContractTemplatePage.objects.get(slug="sale-contract")
    docx_id, revision = sale.current().docx_id, sale.latest_revision_id

    path = content_copy / "contracts" / "sale-contract.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("万分之五", "万分之四"), encoding="utf-8"
    )
    report = load(content_copy, home_page)

    assert report["contract templates"]["updated"] == ["sale-contract"]
    assert report["law pages"]["updated"] == []
    sale.refresh_from_db()
    assert sale.latest_revision_id != revision
    assert "万分之四" in sale.current().clauses[6].value["text"]
    assert sale.current().docx_id == docx_id  # same document, new file


def test_pages_edited_in_the_admin_are_kept_unless_forced(home_page, content_copy):
    load(content_copy, home_page)
    editor = get_user_model().objects.create_user("editor", password="x-unused-x")
    law = LawPage.objects.get(slug="advertising-law")
    law.summary = "编辑在后台修改的说明。"
    law.save_revision(user=editor).publish()

    report = load(content_copy, home_page)
    assert report["law pages"]["kept"] == ["advertising-law"]
    law.refresh_from_db()
    assert law.summary == "编辑在后台修改的说明。"

    report = load(content_copy, home_page, force=True)
    assert report["law pages"]["updated"] == ["advertising-law"]
    law.refresh_from_db()
    assert law.summary.startswith("节选")


def test_bad_files_are_refused_with_file_and_field_before_anything_is_written(
    home_page, content_copy
):
    law = content_copy / "laws" / "trademark-law.md"
    law.write_text(
        law.read_text(encoding="utf-8").replace("第二十三条　", "第23条　"), encoding="utf-8"
    )
    contract = content_copy / "contracts" / "loan-contract.yaml"
    contract.write_text(
        contract.read_text(encoding="utf-8")
        .replace("type: amount}", "type: money}", 1)
        .replace("{{借款用途}}", "{{借款目的}}"),
        encoding="utf-8",
    )

    with pytest.raises(ContentError) as raised:
        load(content_copy, home_page)

    errors = raised.value.errors
    assert any(e.startswith("trademark-law.md: 正文第") for e in errors), errors
    assert any(e.startswith("loan-contract.yaml: fields[2].type") for e in errors), errors
    assert not LawPage.objects.exists() and not ContractTemplatePage.objects.exists()
    assert not PlatformPage.objects.filter(code="legal").exists()


def test_rules_of_the_models_are_checked_before_writing(home_page, content_copy):
    contract = content_copy / "contracts" / "loan-contract.yaml"
    contract.write_text(
        contract.read_text(encoding="utf-8").replace("{{借款用途}}", "{{借款目的}}"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load(content_copy, home_page)
    assert "loan-contract.yaml: 2024版：占位符“{{借款目的}}”没有对应的填写项" in raised.value.errors
    assert any("“借款用途”没有在现行版本" in e for e in raised.value.errors)
    assert not ContractTemplatePage.objects.exists()


def test_the_loader_is_a_section_loader():
    assert "cms.legal.content.load" in SECTION_LOADERS
