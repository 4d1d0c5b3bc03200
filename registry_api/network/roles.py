"""The 网络管理 group: staff who keep the network's registry (places, stations, people and
their filing, publicity points). They see people's private fields; no one else but
superusers does."""

from django.contrib.auth.models import Group

from core.roles import group_ensure

NETWORK_STAFF = "网络管理"
MODELS = ["community", "branch", "station", "person", "personrole", "publicitypoint"]
PERMISSIONS = [
    *[("network", f"{action}_{model}") for model in MODELS for action in ("add", "change", "view")],
    ("network", "delete_publicitypoint"),
    ("network", "delete_personrole"),
    # The stations' handling units and QR places, read (the QR sheet is theirs).
    ("complaints", "view_unit"),
    ("complaints", "view_intakeplace"),
    # Photos of publicity points are Wagtail images.
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailadmin", "access_admin"),
]


def network_group_ensure() -> Group:
    """The group with its permissions (idempotent)."""
    return group_ensure(NETWORK_STAFF, PERMISSIONS)
