"""A real Pelican build renders laws and contract templates: article and clause anchors, the
fill-in form, downloads, earlier editions and the clause-by-clause comparison."""

import re
from pathlib import Path

import pytest

from cms.legal.models import ContractTemplatePage
from cms.legal.services import contract_edition_documents_update
from core.site_urls import site_url
from tests.legal.pages import publish_contract, publish_law

pytestmark = pytest.mark.build


@pytest.fixture
def legal_content(transactional_db, platform_page, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    legal = platform_page("legal")
    law = publish_law(legal)
    repealed = publish_law(
        legal, title="已废止的测试条例", slug="repealed", validity="repealed", excerpt=False
    )
    contract = publish_contract(legal)
    page = ContractTemplatePage.objects.get(pk=contract.pk)
    editions = page.editions_newest_first()
    contract_edition_documents_update(page=page, edition=editions[0])
    page.editions = editions  # the changed edition is part of the page's next revision
    page.save_revision().publish()
    return {"law": law, "repealed": repealed, "contract": page}


def read(site: Path, url_path: str) -> str:
    return (site / url_path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_laws_and_contracts_are_built(legal_content, live_server, tmp_path, run_build):
    result = run_build(live_server.url, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out" / "current"
    law, contract = legal_content["law"], legal_content["contract"]

    laws = read(site, "/laws/")
    assert law.title in laws and "现行有效" in laws and "节选" in laws
    assert "已废止" in laws

    detail = read(site, site_url("law", id=law.pk))
    assert 'id="article-55"' in detail and 'href="#article-55">第五十五条</a>' in detail
    assert 'id="chapter-7"' in detail and 'href="#chapter-7">第七章 法律责任</a>' in detail
    assert "中华人民共和国主席令第七号" in detail and "2014年3月15日" in detail
    assert "增加赔偿的金额不足五百元的，为五百元。" in detail
    assert "仅供查阅对照" in read(site, site_url("law", id=legal_content["repealed"].pk))

    contracts = read(site, "/contracts/")
    assert contract.title in contracts and "现行版本：2026版" in contracts

    page = read(site, site_url("contract", id=contract.pk))
    assert 'id="clause-2"' in page and 'href="#clause-2">第二条</a>　租金' in page
    assert '<span class="blank" title="填写项">月租金（大写）</span>' in page
    assert f'action="/api/v1/contracts/{contract.pk}/fill/"' in page
    assert re.search(r'name="月租金" type="text" inputmode="decimal" pattern="[^"]+"', page)
    assert re.search(r'name="起租日期" type="date"[^>]* required', page)
    assert re.search(r'name="租期" type="number" min="0" step="1"', page)
    assert re.search(r'name="签订地点" type="text" maxlength="200">', page)  # optional
    assert "出租人（甲方）名称" in page and "营业执照上的全称" in page
    assert re.search(r'href="/documents/\d+/contract-shop-lease-2026\.docx"', page)
    assert re.search(r'href="/documents/\d+/contract-shop-lease-2026\.pdf"', page)
    editions = f"/contracts/{contract.pk}/editions/"
    assert f'href="{editions}2021/"' in page and f'href="{editions}2026/"' in page
    compare_url = f"/contracts/{contract.pk}/compare/2021-2026/"
    assert f'href="{compare_url}"' in page

    earlier = read(site, f"{editions}2021/")
    assert "这是历史版本" in earlier and "按月支付" in earlier and 'id="clause-3"' in earlier
    assert f'href="{compare_url}"' in earlier
    assert "这是现行版本" in read(site, f"{editions}2026/")

    compare = read(site, compare_url)
    assert "新增 2 条，删除 1 条，修改 1 条" in compare
    assert "<del>月</del><ins>季</ins>" in compare
    assert 'class="compare-status compare-status--removed">删除</span>' in compare
