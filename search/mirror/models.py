"""The mirror table: one row per public document of the site-wide search, as the index has it.

Written beside the engine by search/indexing.py (search/mirror/services.py), rebuilt with it by
`search_reindex`; read by the suggestions, the degraded search and "did you mean"
(search/mirror/suggestions.py, degraded.py, did_you_mean.py). Like the index it is derived:
it can be emptied and refilled from the database at any time. Its fields mean what the index's
shared fields of the same name mean (search/documents.py).
"""

from django.db import models


class MirrorDocument(models.Model):
    """A search document's shared fields, kept in the database."""

    kind = models.CharField("类别", max_length=40)
    doc_id = models.CharField("文档编号", max_length=100)
    title = models.TextField("标题")
    # The document's all_text: everything it is found by.
    text = models.TextField("全文", blank=True)
    url = models.CharField("站内路径", max_length=500)
    date = models.DateField("日期", null=True, blank=True)
    public_until = models.DateField("公示截止", null=True, blank=True)
    # The title's pinyin, space-separated as in the index: "hong shan qu", "h s q".
    pinyin_full = models.TextField("标题全拼", blank=True)
    pinyin_initials = models.TextField("标题首字母", blank=True)

    class Meta:
        verbose_name = "检索副本文档"
        verbose_name_plural = "检索副本文档"
        constraints = [
            models.UniqueConstraint(fields=["kind", "doc_id"], name="mirror_kind_doc_id_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.doc_id}: {self.title}"
