"""The 投诉举报处理 group: the only staff, with superusers, who see complainants' data."""

from django.contrib.auth.models import Group, Permission

HANDLERS = "投诉举报处理"
PERMISSIONS = [
    ("complaints", "view_complaint"),
    ("complaints", "change_complaint"),
    ("complaints", "view_unit"),
    ("complaints", "view_intakeplace"),
    ("wagtailadmin", "access_admin"),
]


def handler_group_ensure() -> Group:
    group, _ = Group.objects.get_or_create(name=HANDLERS)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
