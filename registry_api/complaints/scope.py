"""Which complaints a member of staff may see and handle: their unit's subtree.

The unit tree is 局 → 所 → 站 (complaints.Unit). A station's staff see their station's
complaints, a 所's staff their 所's and its stations', the bureau's staff and superusers all
of them, including those no unit holds yet. A handler without a unit (UnitMembership) sees
nothing and is told why (NO_UNIT). Every admin view of complaints reads through
`scope_for(request.user)`, so a filter or a URL may narrow what a handler sees, never widen it.
docs/complaints-units.md says the same for staff.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Complaint, Unit, UnitMembership

NO_UNIT = (
    "您的账号尚未设置所属办理单位，因此看不到任何投诉举报。"
    "请联系系统管理员在“投诉举报 › 办理人员”中为您设置所属单位。"
)


def unit_subtree(unit: Unit) -> list[int]:
    """The unit's pk and those of every unit below it (one query per tier, three at most)."""
    units, frontier = [unit.pk], [unit.pk]
    while frontier:
        frontier = list(Unit.objects.filter(parent__in=frontier).values_list("pk", flat=True))
        units += frontier
    return units


@dataclass(frozen=True)
class Scope:
    """What one person may see: everything (`unit_ids` None), a subtree, or nothing."""

    unit: Unit | None  # the person's unit; None for a superuser or a handler without one
    unit_ids: frozenset[int] | None

    @property
    def everything(self) -> bool:
        return self.unit_ids is None

    @property
    def nothing(self) -> bool:
        return self.unit_ids is not None and not self.unit_ids

    @property
    def label(self) -> str:
        """Whose complaints a listing shows, for its heading."""
        if self.everything:
            return "全部单位"
        if self.unit is None:
            return "无（未设置所属单位）"
        if self.unit.tier == Unit.Tier.STATION:
            return self.unit.name
        return f"{self.unit.name}及下级单位"

    def complaints(self, queryset: QuerySet[Complaint] | None = None) -> QuerySet[Complaint]:
        queryset = Complaint.objects.all() if queryset is None else queryset
        if self.everything:
            return queryset
        return queryset.filter(unit__in=self.unit_ids)

    def units(self, *, active_only: bool = True) -> QuerySet[Unit]:
        """The units this person may filter by, assign to or report on."""
        units = Unit.objects.filter(active=True) if active_only else Unit.objects.all()
        return units if self.everything else units.filter(pk__in=self.unit_ids)

    def covers(self, unit: Unit | None) -> bool:
        if self.everything:
            return True
        return unit is not None and unit.pk in self.unit_ids

    def covers_complaint(self, complaint: Complaint) -> bool:
        return self.everything or complaint.unit_id in self.unit_ids


def scope_for(user) -> Scope:
    """The person's scope, worked out once per request (kept on the user object)."""
    cached = getattr(user, "_complaint_scope", None)
    if cached is not None:
        return cached
    scope = _scope(user)
    user._complaint_scope = scope
    return scope


def _scope(user) -> Scope:
    if not user.is_authenticated or not user.is_active:
        return Scope(None, frozenset())
    membership = UnitMembership.objects.select_related("unit").filter(user=user).first()
    if user.is_superuser:
        return Scope(membership.unit if membership else None, None)
    if membership is None:
        return Scope(None, frozenset())
    unit = membership.unit
    if unit.tier == Unit.Tier.BUREAU and unit.parent_id is None:
        return Scope(unit, None)  # the bureau: every complaint, also those no unit holds
    return Scope(unit, frozenset(unit_subtree(unit)))


def forget_scope(user) -> None:
    """Drop the cached scope (after a membership changed within the same request or test)."""
    user.__dict__.pop("_complaint_scope", None)
