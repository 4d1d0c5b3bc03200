"""What editors tune the public search with, in the admin: synonyms and best bets.

Both are read at query time (search/tuning.py), so a change takes effect at the next search
without a reindex; saving one also moves the answer cache's generation, so no cached answer
outlives it.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .parsing import normalize_terms

MAX_TERMS = 12
_SEPARATORS = re.compile(r"[,，、;；\s]+")


def split_terms(text: str) -> list[str]:
    """The distinct normalized terms of a comma (or 、) separated list, in order."""
    terms: list[str] = []
    for part in _SEPARATORS.split(text or ""):
        term = normalize_terms(part)
        if term and term not in terms:
            terms.append(term)
    return terms


class Synonym(models.Model):
    """A group of words that mean the same to someone searching (租房、住房租赁): a query
    containing one of them also finds the others. `key` names a group seeded from
    content/reference/search_synonyms.csv, so a re-run never duplicates it; editors' own
    groups have none."""

    terms = models.CharField(
        "同义词",
        max_length=300,
        help_text="用逗号或顿号分隔，如：租房、住房租赁、租赁。搜索其中任意一个词时，也会查找其他词。",
    )
    key = models.SlugField("种子编号", max_length=60, unique=True, null=True, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)
    active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "搜索同义词"
        verbose_name_plural = "搜索同义词"
        ordering = ["terms"]

    def __str__(self) -> str:
        return "、".join(self.term_list()) or self.terms

    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def clean(self) -> None:
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": "至少填写两个不同的词，用逗号或顿号分隔。"})
        if len(terms) > MAX_TERMS:
            raise ValidationError({"terms": f"一组最多{MAX_TERMS}个词。"})
        if any(len(term) < 2 for term in terms):
            raise ValidationError({"terms": "每个词至少两个字（单字同义词会让搜索结果过宽）。"})


class BestBet(models.Model):
    """An editor's pick for a query (GOV.UK's best bets): shown above the results of page 1
    whenever the normalized query equals `query`, until `expires_on` (inclusive)."""

    query = models.CharField(
        "搜索词",
        max_length=100,
        help_text="访客输入的搜索词（忽略全角半角、繁简和首尾空格），完全一致时显示。",
    )
    title = models.CharField("标题", max_length=120)
    url = models.CharField(
        "链接",
        max_length=300,
        help_text="站内路径（如 /guides/12/）或 https:// 开头的地址。",
    )
    description = models.CharField("说明", max_length=200, blank=True)
    position = models.PositiveSmallIntegerField("排序", default=0)
    expires_on = models.DateField(
        "有效期至", help_text="过了这一天不再显示（推荐内容应定期复核）。"
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "推荐结果"
        verbose_name_plural = "推荐结果"
        ordering = ["query", "position", "title"]
        indexes = [models.Index(fields=["query", "expires_on"])]

    def __str__(self) -> str:
        return f"{self.query} → {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.query = normalize_terms(self.query)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if not normalize_terms(self.query):
            errors["query"] = "请填写搜索词。"
        url = (self.url or "").strip()
        if not (
            (url.startswith("/") and not url.startswith("//")) or url.startswith("https://")
        ) or any(ch.isspace() for ch in url):
            errors["url"] = "链接须为 / 开头的站内路径或 https:// 开头的地址，且不含空格。"
        if self.expires_on and self.expires_on < timezone.localdate():
            errors["expires_on"] = "有效期不能早于今天。"
        if errors:
            raise ValidationError(errors)
