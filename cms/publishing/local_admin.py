"""The local administrator account that `make run` creates and prints (never in production)."""

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
