"""API views: /api/v1/trainings/ (the public 大讲堂 sessions; counts, never attendees) and
their registration (a session's places, register, look-up by 确认码, cancel)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from core.conditional import ConditionalGetMixin
from core.export import ExportMixin
from core.openapi import filter_parameter, list_parameters
from core.pagination import RegistryCursorPagination
from core.registrations import views as registration_views
from core.site_urls import site_url

from . import selectors
from .filters import TrainingSessionFilter
from .models import TrainingRegistration, TrainingSession
from .serializers import TrainingSessionSerializer

ORDERING = ["date", "updated_at"]


class TrainingSessionPagination(RegistryCursorPagination):
    ordering = ("-date", "-id")


@extend_schema_view(
    list=extend_schema(
        summary="公开的“进农村进社区大讲堂”讲座（不含参训人员姓名，可导出 CSV / JSON Lines）",
        parameters=list_parameters(
            ORDERING,
            "trainings",
            [
                filter_parameter("district", OpenApiTypes.STR, "所在街镇（区划代码）", "150402004"),
                filter_parameter("from", OpenApiTypes.DATE, "日期不早于", "2026-01-01"),
                filter_parameter("to", OpenApiTypes.DATE, "日期不晚于", "2026-12-31"),
            ],
        ),
    ),
    retrieve=extend_schema(summary="讲座详情（参训与完成人数、讲座材料）"),
)
class TrainingSessionViewSet(ExportMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    """Recording attendance or a registration moves the session's updated_at
    (services.session_touch), so the list's validators and the change feed see new counts;
    the day is part of the validators too (registration closes as a session starts)."""

    queryset = selectors.session_public_list()
    serializer_class = TrainingSessionSerializer
    pagination_class = TrainingSessionPagination
    filterset_class = TrainingSessionFilter
    ordering_fields = ORDERING
    conditional_related = ("station__updated_at",)
    conditional_today = True
    export_name = "trainings"


class TrainingRegistrationKind(registration_views.RegistrationKindMixin):
    model = TrainingRegistration
    submit_scope = "training_registration"
    submit_rate_setting = "REGISTRATION_SUBMIT_RATE"

    def get_targets(self):
        return TrainingSession.objects.filter(public=True)

    def target_summary(self, target: TrainingSession) -> dict:
        return {
            "id": target.pk,
            "title": target.title,
            "starts_at": target.registration_starts_at,
            "place": target.venue,
            "url": session_site_url(target.pk),
        }


def session_site_url(pk: int) -> str:
    """A session has no page of its own: its entry on the 大讲堂 list."""
    return f"{site_url('training_index')}#training-{pk}"


@extend_schema_view(
    get=extend_schema(operation_id="trainings_registration_availability"),
    post=extend_schema(operation_id="trainings_registration_create"),
)
class TrainingRegistrationView(TrainingRegistrationKind, registration_views.RegistrationSubmitView):
    """GET/POST /api/v1/trainings/<id>/registrations/."""


@extend_schema_view(get=extend_schema(operation_id="trainings_registration_lookup"))
class TrainingRegistrationLookupView(
    TrainingRegistrationKind, registration_views.RegistrationLookupView
):
    """GET /api/v1/trainings/registrations/<code>/."""


@extend_schema_view(post=extend_schema(operation_id="trainings_registration_cancel"))
class TrainingRegistrationCancelView(
    TrainingRegistrationKind, registration_views.RegistrationCancelView
):
    """POST /api/v1/trainings/registrations/<code>/cancel/."""
