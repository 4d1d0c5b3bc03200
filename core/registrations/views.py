"""The API views a registration kind subclasses: a target's places and the register action,
the look-up by code, and the cancellation by code and phone.

A kind sets `model` (its concrete Registration), `targets` (the queryset of registrable,
public targets), `target_summary(target)` (id, title, starts_at, place, site url), the
throttle scope and rate setting, and the page a browser's form goes back to.
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import idempotency_key, idempotency_parameter
from core.openapi import FIELD_ERRORS_RESPONSE
from core.public_requests.views import (
    FORM_POST_PARSERS,
    THROTTLED_RESPONSE,
    PublicRequestPhoneThrottle,
    PublicRequestThrottle,
)
from core.throttling import CodeLookupThrottle

from . import services
from .serializers import (
    AvailabilitySerializer,
    RegistrationCancelSerializer,
    RegistrationReceiptSerializer,
    RegistrationSubmitSerializer,
)

NOT_FOUND = "没有找到这个确认码，请核对后重新输入。"
CANCEL_NOT_FOUND = "确认码或联系电话不正确。"
TARGET_NOT_FOUND = "未找到该活动，或它已下线。"
RECEIPT_MESSAGE = "报名成功。请记下确认码，凭它可查询或取消报名；您的姓名和电话不会公开。"
CANCELLED_MESSAGE = "已取消报名，名额已释放。"
IDEMPOTENCY_PARAMETER = idempotency_parameter(
    "每份报名生成一个（8–64位字母数字），重试时原样携带：返回同一确认码"
)

SUBMIT_EXAMPLE = OpenApiExample(
    "个人报名",
    request_only=True,
    value={"name": "王秀兰", "phone": "13904761234", "organisation": "红山区秀兰饺子馆"},
)
RECEIPT_EXAMPLE = OpenApiExample(
    "报名成功",
    response_only=True,
    status_codes=["201"],
    value={
        "code": "HD20261204K7QX2M",
        "status": "registered",
        "status_display": "已报名",
        "submitted_at": "2026-12-04T10:15:00+08:00",
        "target": {
            "id": 812,
            "title": "2026年冬季银企洽谈会",
            "starts_at": "2026-12-16T09:00:00+08:00",
            "place": "红山区政务服务中心三楼会议室",
            "url": "/events/812/",
        },
        "message": RECEIPT_MESSAGE,
    },
)
AVAILABILITY_EXAMPLE = OpenApiExample(
    "尚有名额",
    response_only=True,
    value={
        "registration_open": True,
        "closed_reason": "",
        "closed_message": "",
        "capacity": 60,
        "taken": 41,
        "places_left": 19,
        "registration_closes_at": "2026-12-15T17:00:00+08:00",
    },
)


class RegistrationKindMixin:
    """What a kind declares once for its three views."""

    model = None  # the concrete Registration
    submit_scope = ""
    submit_rate_setting = ""

    def get_targets(self):
        raise NotImplementedError

    def target_summary(self, target) -> dict:
        raise NotImplementedError

    def receipt(self, registration, message: str = "") -> dict:
        data = {
            "code": registration.code,
            "status": registration.status,
            "status_display": registration.get_status_display(),
            "submitted_at": registration.submitted_at,
            "target": self.target_summary(registration.target),
        }
        if message:
            data["message"] = message
        return data


class RegistrationSubmitView(RegistrationKindMixin, APIView):
    """GET: the target's places; POST: register (public, sessionless, throttled per address
    and per phone; an Idempotency-Key makes a retry answer the same code)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and sessionless, hence no CSRF check
    parser_classes = FORM_POST_PARSERS

    def get_throttles(self):
        if self.request.method == "POST":
            return [
                PublicRequestThrottle(
                    scope=self.submit_scope, rate_setting=self.submit_rate_setting
                ),
                PublicRequestPhoneThrottle(scope=self.submit_scope, phone_field="phone"),
            ]
        return super().get_throttles()

    def target(self, pk):
        target = self.get_targets().filter(pk=pk).first()
        if target is None:
            raise exceptions.NotFound(TARGET_NOT_FOUND)
        return target

    @extend_schema(
        summary="名额与报名状态（名额、剩余名额、是否开放；不含报名人员信息）",
        responses={200: AvailabilitySerializer, 404: OpenApiResponse(description=TARGET_NOT_FOUND)},
        examples=[AVAILABILITY_EXAMPLE],
    )
    def get(self, request, pk: int):
        target = self.target(pk)
        return Response(services.registration_availability(self.model, target))

    @extend_schema(
        summary="报名（返回确认码，不返回个人信息）",
        parameters=[IDEMPOTENCY_PARAMETER],
        examples=[SUBMIT_EXAMPLE, RECEIPT_EXAMPLE],
        request={
            "application/json": RegistrationSubmitSerializer,
            "application/x-www-form-urlencoded": RegistrationSubmitSerializer,
        },
        responses={
            201: RegistrationReceiptSerializer,
            200: OpenApiResponse(RegistrationReceiptSerializer, description="同一幂等键的重试"),
            400: FIELD_ERRORS_RESPONSE,
            404: OpenApiResponse(description=TARGET_NOT_FOUND),
            409: OpenApiResponse(
                description="名额已满、报名已截止或活动已开始（message 说明原因），"
                "或幂等键已用于另一份报名"
            ),
            429: THROTTLED_RESPONSE,
        },
    )
    def post(self, request, pk: int):
        key = idempotency_key(request)
        target = self.target(pk)
        form = RegistrationSubmitSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        registered = services.registration_create(
            model=self.model,
            target=target,
            name=data["name"],
            phone=data["phone"],
            organisation=data.get("organisation", ""),
            idempotency_key=key,
        )
        code = status.HTTP_201_CREATED if registered.created else status.HTTP_200_OK
        return Response(self.receipt(registered.registration, RECEIPT_MESSAGE), status=code)


class RegistrationLookupThrottle(CodeLookupThrottle):
    """Look-ups and cancellations by 确认码, the kind's scope given by the view."""


class RegistrationLookupView(RegistrationKindMixin, APIView):
    """GET <code>/: a registration's status and what it is for, by its code alone."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def get_throttles(self):
        return [RegistrationLookupThrottle(f"{self.submit_scope}_lookup")]

    @extend_schema(
        summary="凭确认码查询报名（活动名称与报名状态；不含个人信息）",
        responses={
            200: RegistrationReceiptSerializer,
            404: OpenApiResponse(description=NOT_FOUND),
            429: THROTTLED_RESPONSE,
        },
    )
    def get(self, request, code: str):
        registration = services.registration_by_code(self.model, code)
        if registration is None:
            raise exceptions.NotFound(NOT_FOUND)
        return Response(self.receipt(registration))


class RegistrationCancelView(RegistrationKindMixin, APIView):
    """POST <code>/cancel/ with the phone registered: the place is freed."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    parser_classes = FORM_POST_PARSERS

    def get_throttles(self):
        return [RegistrationLookupThrottle(f"{self.submit_scope}_lookup")]

    @extend_schema(
        summary="凭确认码和报名电话取消报名",
        request={
            "application/json": RegistrationCancelSerializer,
            "application/x-www-form-urlencoded": RegistrationCancelSerializer,
        },
        responses={
            200: RegistrationReceiptSerializer,
            400: FIELD_ERRORS_RESPONSE,
            404: OpenApiResponse(description=CANCEL_NOT_FOUND),
            409: OpenApiResponse(description="已签到或活动已开始，不能在网上取消"),
            429: THROTTLED_RESPONSE,
        },
    )
    def post(self, request, code: str):
        form = RegistrationCancelSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        registration = services.registration_cancel(
            model=self.model, code=code, phone=form.validated_data["phone"]
        )
        if registration is None:
            raise exceptions.NotFound(CANCEL_NOT_FOUND)
        return Response(self.receipt(registration, CANCELLED_MESSAGE))
