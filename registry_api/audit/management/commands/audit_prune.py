"""`manage.py audit_prune --older-than-days N`: delete audit entries older than N days."""

from django.core.management.base import BaseCommand, CommandError

from registry_api.audit.services import audit_prune


class Command(BaseCommand):
    help = "Delete audit log entries older than N days (in batches); see docs/operations.md."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-days", type=int, required=True, metavar="N")

    def handle(self, *args, older_than_days: int, **options):
        if older_than_days < 1:
            raise CommandError("保留天数至少为 1 天。")
        deleted = audit_prune(older_than_days=older_than_days)
        self.stdout.write(f"已删除 {deleted} 条 {older_than_days} 天前的审计日志。")
