"""The 投诉举报处理 group: the only staff, with superusers, who see complainants' data.

One group for all three tiers, not one per tier: what a station's, a 所's and the bureau's
handlers may DO is the same (view and handle complaints); what differs is WHICH complaints,
and that is their unit (UnitMembership, scope.py), kept as data in one place. A group per
tier could disagree with the unit (a 站 group member filed under a 所) and would add nothing
the membership does not already say. Units and memberships are edited by administrators
(superusers), not by handlers.
"""

from django.contrib.auth.models import Group

from core.roles import group_ensure

HANDLERS = "投诉举报处理"
PERMISSIONS = [
    ("complaints", "view_complaint"),
    ("complaints", "change_complaint"),
    ("complaints", "view_unit"),
    ("complaints", "view_intakeplace"),
    ("wagtailadmin", "access_admin"),
]


def handler_group_ensure() -> Group:
    return group_ensure(HANDLERS, PERMISSIONS)
