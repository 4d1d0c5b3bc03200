"""manage.py search_analytics_purge: delete search counts older than the retention period.

The task worker runs the same purge every night (`core.signals.day_started`); this command is
for a platform run without the worker, from a daily timer.
"""

from django.core.management.base import BaseCommand

from search.analytics.models import RETENTION_DAYS
from search.analytics.services import analytics_purge


class Command(BaseCommand):
    help = f"删除超过{RETENTION_DAYS}天的搜索统计。"

    def handle(self, *args, **options):
        deleted = analytics_purge()
        self.stdout.write(
            f"search analytics: {deleted} rows older than {RETENTION_DAYS} days deleted"
        )
