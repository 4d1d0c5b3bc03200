"""StreamField blocks of legal texts: a law's chapters and articles, a contract's clauses.

Each shapes its own API JSON with the anchor the static site gives it (`article-12`,
`clause-3`), so a search hit or a link can point at one article or clause.
"""

from __future__ import annotations

from wagtail import blocks

from cms.pages.blocks import field_error

from . import placeholders
from .numerals import article_anchor, article_sort_key, chapter_anchor, clause_label


def paragraphs(text: str) -> list[str]:
    """A plain text's non-empty lines: an article's 款 and 项, a clause's paragraphs."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ArticleBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=20, label="条号", help_text="如：第十二条、第十二条之一")
    text = blocks.TextBlock(label="条文", help_text="每款、每项另起一行")

    class Meta:
        icon = "list-ol"
        label = "条"

    def clean(self, value):
        value = super().clean(value)
        try:
            article_anchor(value["number"])
        except ValueError:
            raise field_error("number", "条号格式应为“第十二条”或“第十二条之一”") from None
        return value

    def get_api_representation(self, value, context=None):
        number = value["number"].strip()
        return {
            "number": number,
            "anchor": article_anchor(number),
            "text": value["text"],
            "paragraphs": paragraphs(value["text"]),
        }


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=100,
        required=False,
        label="章名",
        help_text="如：第二章 商标注册的申请；不分章的法规留空",
    )
    articles = blocks.ListBlock(ArticleBlock(), min_num=1, label="条文")

    class Meta:
        icon = "folder-open-1"
        label = "章"

    def get_api_representation(self, value, context=None):
        title = (value["title"] or "").strip()
        return {
            "title": title,
            "anchor": chapter_anchor(title),
            "articles": [
                self.child_blocks["articles"].child_block.get_api_representation(article, context)
                for article in value["articles"]
            ],
        }


class LawTextBlock(blocks.StreamBlock):
    """A law's text: chapters of articles, article numbers unique and ascending."""

    chapter = ChapterBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        seen: list[tuple[tuple[int, int], str]] = []
        problems = []
        for child in value:
            for article in child.value["articles"]:
                number = article["number"].strip()
                key = article_sort_key(number)
                if any(key == earlier for earlier, _ in seen):
                    problems.append(f"条号“{number}”重复")
                elif seen and key < seen[-1][0]:
                    problems.append(f"条号“{number}”应排在“{seen[-1][1]}”之前")
                seen.append((key, number))
        if problems:
            raise blocks.StreamBlockValidationError(non_block_errors=problems)
        return value


class ClauseBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(min_value=1, max_value=999, label="条款序号")
    heading = blocks.CharBlock(max_length=60, label="条款标题", help_text="如：价款及支付方式")
    text = blocks.TextBlock(
        label="条款内容",
        help_text="每段另起一行；需要填写的地方写作 {{字段名}}，金额大写写作 {{字段名|大写}}",
    )

    class Meta:
        icon = "doc-full"
        label = "条款"

    def clean(self, value):
        value = super().clean(value)
        problems = placeholders.syntax_problems(value["text"])
        if problems:
            raise field_error("text", problems)
        return value

    def get_api_representation(self, value, context=None):
        return {
            "number": value["number"],
            "label": clause_label(value["number"]),
            "anchor": f"clause-{value['number']}",
            "heading": value["heading"],
            "text": value["text"],
            "placeholders": sorted({p.name for p in placeholders.placeholders(value["text"])}),
            "paragraphs": placeholders.segments(value["text"]),
        }


class ClausesBlock(blocks.StreamBlock):
    """The numbered clauses of one contract edition, numbers unique and ascending."""

    clause = ClauseBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        numbers = [child.value["number"] for child in value]
        problems = []
        for previous, number in zip(numbers, numbers[1:], strict=False):
            if number <= previous:
                problems.append(f"条款序号应依次递增：{previous} 之后是 {number}")
        if problems:
            raise blocks.StreamBlockValidationError(non_block_errors=problems)
        return value
