"""Public complaint endpoints: submit (POST /complaints/) and track (GET /complaints/track/)."""

from __future__ import annotations

import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.duplicates import submission_claim, submission_release
from core.idempotency import idempotency_key, idempotency_parameter
from core.images import ImageRefused
from core.openapi import FIELD_ERRORS_RESPONSE
from core.parsers import CheckedMultiPartParser, JSONObjectParser

from . import intake
from .deadlines import ACCEPT_DAYS, REPORT_DAYS
from .models import Complaint, IntakePlace, Kind
from .serializers import ComplaintReceiptSerializer, ComplaintSubmitSerializer, TrackingSerializer
from .throttling import SubmitPerAddressThrottle, SubmitPerPhoneThrottle, TrackPerAddressThrottle

NOT_FOUND = "查询码或验证信息不正确。"


def next_steps(complaint: Complaint) -> str:
    where = complaint.unit.name if complaint.unit_id else "红山区市场监督管理局"
    if complaint.kind == Kind.COMPLAINT:
        return (
            f"您的投诉已转{where}，将在{ACCEPT_DAYS}个工作日内（{complaint.due_on:%Y年%m月%d日}前）"
            "决定是否受理；受理后由工作人员联系您组织调解。请凭查询码和手机号后四位查询进度。"
        )
    return (
        f"您的举报已转{where}，将在{REPORT_DAYS}个工作日内（{complaint.due_on:%Y年%m月%d日}前）"
        "核查并作出处理决定。请凭查询码查询进度；我们依法为举报人保密。"
    )


class ComplaintSubmitView(APIView):
    """Anyone may submit; sessionless (no CSRF), throttled per address and per phone. The
    same content from the same phone (or, without one, the same address) within
    DUPLICATE_SUBMISSION_MINUTES is refused before anything is stored (`core.duplicates`):
    forty presses of "submit" are one complaint. Copies under one Idempotency-Key are one
    submission, answered by the intake's retry."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = [JSONObjectParser, CheckedMultiPartParser]
    throttle_classes = [SubmitPerAddressThrottle, SubmitPerPhoneThrottle]

    @extend_schema(
        summary="提交投诉或举报（网页表单、扫码表单）；返回查询码与后续办理说明",
        request={
            "application/json": ComplaintSubmitSerializer,
            "multipart/form-data": ComplaintSubmitSerializer,
        },
        parameters=[idempotency_parameter()],
        responses={
            201: ComplaintReceiptSerializer,
            200: OpenApiResponse(ComplaintReceiptSerializer, description="同一幂等键的重试"),
            400: FIELD_ERRORS_RESPONSE,
            409: OpenApiResponse(description="幂等键已用于内容不同的提交"),
            429: OpenApiResponse(description="提交过于频繁"),
        },
    )
    def post(self, request):
        key = idempotency_key(request)
        serializer = ComplaintSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        photos = request.FILES.getlist("photos") if hasattr(request, "FILES") else []
        if len(photos) > intake.MAX_PHOTOS:
            raise exceptions.ValidationError({"photos": [f"最多上传{intake.MAX_PHOTOS}张照片。"]})
        client_ip = SubmitPerAddressThrottle().get_ident(request)
        claim = submission_claim(
            kind="complaint",
            content={**serializer.validated_data, "photos": [p.size for p in photos]},
            sender=serializer.validated_data.get("complainant_phone", "") or client_ip,
            what="投诉举报",
            idempotency_key=key,
        )
        try:
            submission = intake.submit(
                serializer.validated_data,
                photos=photos,
                idempotency_key=key,
                client_ip=client_ip,
            )
        except ImageRefused as exc:
            submission_release(claim)
            raise exceptions.ValidationError({"photos": [str(exc)]}) from exc
        except BaseException:
            submission_release(claim)  # nothing stored: the same content may come again
            raise
        complaint = submission.complaint
        receipt = {
            "tracking_code": complaint.tracking_code,
            "tracking_pin": submission.pin,
            "status": complaint.status,
            "status_display": complaint.get_status_display(),
            "due_on": complaint.due_on,
            "unit": complaint.unit.name if complaint.unit_id else "",
            "next_steps": next_steps(complaint),
        }
        code = status.HTTP_201_CREATED if submission.created else status.HTTP_200_OK
        return Response(ComplaintReceiptSerializer(receipt).data, status=code)


class ComplaintTrackView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [TrackPerAddressThrottle]

    @extend_schema(
        summary="查询投诉举报办理进度（须提供联系电话后四位，匿名举报提供查询密码）",
        parameters=[
            OpenApiParameter(
                "phone", OpenApiTypes.STR, required=True, description="联系电话后四位或查询密码"
            )
        ],
        responses={200: TrackingSerializer, 404: OpenApiResponse(description=NOT_FOUND)},
    )
    def get(self, request, code: str):
        digits = request.query_params.get("phone", "").strip()
        if not re.fullmatch(r"\d{4}", digits):
            raise exceptions.ValidationError({"phone": ["请输入联系电话后四位（或查询密码）。"]})
        complaint = (
            Complaint.objects.select_related("unit")
            .prefetch_related("steps__unit")
            .filter(tracking_code=code.strip().upper())
            .first()
        )
        if complaint is None or not _verifies(complaint, digits):
            raise exceptions.NotFound(NOT_FOUND)
        return Response(TrackingSerializer(complaint).data)


def _verifies(complaint: Complaint, digits: str) -> bool:
    if complaint.complainant_phone:
        return complaint.complainant_phone[-4:] == digits
    return bool(complaint.tracking_pin) and complaint.tracking_pin == digits


class IntakePlaceSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    district = serializers.CharField(source="district.code")
    district_name = serializers.CharField(source="district.name")
    station = serializers.CharField(source="station.name")

    class Meta:
        model = IntakePlace
        fields = ["code", "name", "kind", "kind_display", "address", "district", "district_name"]
        fields += ["station"]


class IntakePlaceListView(generics.ListAPIView):
    """Where the QR codes hang: the form reads this to show the place a code names."""

    serializer_class = IntakePlaceSerializer
    permission_classes = [AllowAny]
    pagination_class = None
    filter_backends: list = []
    queryset = IntakePlace.objects.select_related("district", "station").order_by(
        "district__code", "kind", "code"
    )

    @extend_schema(summary="投诉举报受理点（服务站、市场；二维码中的 place 代码）")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
