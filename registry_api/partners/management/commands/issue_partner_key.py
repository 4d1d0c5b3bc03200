"""Issue a partner department's API key and print it once: it is stored only as a hash."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from registry_api.credit.models import Department
from registry_api.partners import services
from registry_api.partners.models import Scope


class Command(BaseCommand):
    help = "签发合作部门 API 密钥（明文只显示这一次）。"

    def add_arguments(self, parser):
        parser.add_argument("--department", required=True, help="department code, e.g. court")
        parser.add_argument(
            "--scopes",
            required=True,
            help=f"comma-separated, from: {', '.join(Scope.values)}",
        )
        parser.add_argument("--name", default="", help="what the key is for (default: 部门名)")
        parser.add_argument("--rate", type=int, default=120, help="requests per minute")
        parser.add_argument(
            "--expires-in-days", type=int, default=None, help="default: does not expire"
        )

    def handle(self, *args, **options):
        department = Department.objects.filter(code=options["department"]).first()
        if department is None:
            codes = ", ".join(Department.objects.values_list("code", flat=True))
            raise CommandError(f"unknown department {options['department']!r} (known: {codes})")
        scopes = [s.strip() for s in options["scopes"].split(",") if s.strip()]
        expires_at = None
        if options["expires_in_days"] is not None:
            expires_at = timezone.now() + datetime.timedelta(days=options["expires_in_days"])
        try:
            key, plain_key = services.key_issue(
                department=department,
                name=options["name"] or f"{department.name}接口",
                scopes=scopes,
                rate=options["rate"],
                expires_at=expires_at,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stderr.write(
            f"Issued key {key.prefix}… for {department.name} ({', '.join(key.scopes)}, "
            f"{key.rate}/min, expires: {key.expires_at or 'never'}). "
            "Copy it now: it is not stored and cannot be shown again."
        )
        self.stdout.write(plain_key)
