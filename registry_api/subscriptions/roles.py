"""The 变更订阅管理 group: staff who watch partners' webhook deliveries and resend them. They
see subscriptions (never their secrets) and every delivery, and may replay a delivery."""

from django.contrib.auth.models import Group

from core.roles import group_ensure

SUBSCRIPTION_STAFF = "变更订阅管理"
REPLAY_PERMISSION = "subscriptions.change_delivery"
PERMISSIONS = [
    ("subscriptions", "view_subscription"),
    ("subscriptions", "view_delivery"),
    ("subscriptions", "change_delivery"),
    ("subscriptions", "view_deliveryattempt"),
    ("wagtailadmin", "access_admin"),
]


def subscription_group_ensure() -> Group:
    """The group with its permissions (idempotent)."""
    return group_ensure(SUBSCRIPTION_STAFF, PERMISSIONS)
