"""manage.py ensure_admin: create the local superuser and print how to log in."""

from django.core.management.base import BaseCommand

from cms.publishing.local_admin import local_admin_ensure


class Command(BaseCommand):
    help = "Create the local superuser `admin` (password kept in var/admin-password.txt)."

    def handle(self, *args, **options):
        username, password = local_admin_ensure()
        self.stdout.write(f"管理后台账号：{username} / {password}")
