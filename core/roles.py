"""Staff groups as code: a group and the permissions its work needs, ensured idempotently."""

from django.contrib.auth.models import Group, Permission


def group_ensure(name: str, permissions: list[tuple[str, str]]) -> Group:
    """The group `name` with each (app label, codename) permission added; re-running adds
    only what is missing and never removes what an administrator granted."""
    group, _ = Group.objects.get_or_create(name=name)
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
