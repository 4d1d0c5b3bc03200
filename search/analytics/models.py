"""Daily counts of site-wide searches and of clicked result ranks; nothing about who searched.

A row is a day and a query (scrubbed of personal numbers, search/analytics/scrubbing.py):
no address, session, user, user agent or time of day is stored anywhere. Rows older than
RETENTION_DAYS are deleted every night (search/analytics/services.py).
"""

from django.db import models

from search.query import MAX_QUERY_LENGTH

# Kept: the last 180 days, today included. The report's longest period is the same.
RETENTION_DAYS = 180
MAX_RANK = 1000  # 100 pages of 10 results (search/query.py MAX_PAGE × PAGE_SIZE)
VIEW_REPORT_PERMISSION = "search_analytics.view_search_report"


class SearchQueryDay(models.Model):
    """How often `query` was searched on `day` (page 1 of all kinds), and how often it found
    nothing."""

    day = models.DateField("日期")
    query = models.CharField("搜索词", max_length=MAX_QUERY_LENGTH)
    searches = models.PositiveIntegerField("搜索次数", default=0)
    zero_results = models.PositiveIntegerField("无结果次数", default=0)

    class Meta:
        verbose_name = "每日搜索词"
        verbose_name_plural = "每日搜索词"
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_day_unique"),
        ]
        indexes = [models.Index(fields=["day"], name="search_query_day_day")]
        # default_permissions would add four model permissions nobody uses: rows are written
        # only by search/analytics/recording.py and read only through the report.
        default_permissions = ()
        permissions = [("view_search_report", "可以查看搜索统计报表")]

    def __str__(self) -> str:
        return f"{self.day} {self.query}：{self.searches}"


class SearchClickDay(models.Model):
    """How often a result at `rank` (1-based over all pages) was clicked for `query` on `day`."""

    day = models.DateField("日期")
    query = models.CharField("搜索词", max_length=MAX_QUERY_LENGTH)
    rank = models.PositiveSmallIntegerField("结果位次")
    clicks = models.PositiveIntegerField("点击次数", default=0)

    class Meta:
        verbose_name = "每日结果点击"
        verbose_name_plural = "每日结果点击"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query", "rank"], name="search_click_day_unique"
            ),
        ]
        indexes = [models.Index(fields=["day"], name="search_click_day_day")]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.day} {self.query} #{self.rank}：{self.clicks}"
