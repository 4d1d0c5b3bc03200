"""The local accounts `make run` creates and prints: an administrator, and one editor and one
moderator to try the moderation workflow with (never in production)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

USERNAME = "admin"


def password_file():
    return settings.VAR_DIR / "admin-password.txt"


def local_admin_ensure() -> tuple[str, str]:
    """Create the superuser `admin` once, with a random password kept in var/ (git-ignored)."""
    path = password_file()
    User = get_user_model()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    password = path.read_text().strip()
    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        User.objects.create_superuser(USERNAME, email="", password=password)
    return USERNAME, password


DEMO_EDITORS = {"editor": "编辑", "moderator": "审核员"}  # username → group


def local_demo_editors_ensure() -> list[str]:
    """Create `editor` (group 编辑) and `moderator` (group 审核员), with the admin's password."""
    from django.contrib.auth.models import Group

    _, password = local_admin_ensure()
    User = get_user_model()
    for username, group_name in DEMO_EDITORS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, password=password)
        user.groups.add(Group.objects.get(name=group_name))
    return list(DEMO_EDITORS)
