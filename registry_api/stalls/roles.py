"""The 食品摊位备案 group: staff who issue, renew, revoke and print food-stall cards and record
inspections. They see vendors' private fields (name, ID number, mobile) in the admin, as their
work needs; the public never does."""

from django.contrib.auth.models import Group

from core.roles import group_ensure

STALL_STAFF = "食品摊位备案"
PERMISSIONS = [
    *[("stalls", f"{action}_stallcard") for action in ("add", "change", "view")],
    *[("stalls", f"{action}_inspection") for action in ("add", "change", "view", "delete")],
    ("stalls", "view_renewal"),
    ("wagtailadmin", "access_admin"),
]


def stall_group_ensure() -> Group:
    """The group with its permissions (idempotent)."""
    return group_ensure(STALL_STAFF, PERMISSIONS)
