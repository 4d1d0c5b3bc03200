"""The public fill-in endpoint: POST /api/v1/contracts/{id}/fill/ returns a personalised DOCX."""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.loader import render_to_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from core.openapi import FIELD_ERRORS_RESPONSE
from core.public_requests.views import FORM_POST_PARSERS, from_browser_form
from core.site_urls import site_url
from core.throttling import PublicDoorThrottle

from .selectors import contract_template_public
from .serializers import ContractFillRequestSerializer
from .services import FilledContract, contract_fill


def submitted_values(data) -> dict:
    """The values of a request body: `{"values": {…}}`, flat JSON fields, or a form post.

    A repeated form field keeps its list, which the value check refuses (one value each).
    """
    if hasattr(data, "lists"):  # QueryDict of a form post
        return {key: items[0] if len(items) == 1 else items for key, items in data.lists()}
    if not isinstance(data, dict):
        raise ValidationError({"_": ['请求体应为 JSON 对象，如 {"values": {…}}。']})
    if "values" in data:
        extra = sorted(set(data) - {"values"})
        if extra:
            raise ValidationError({key: ["与 values 同时提交时不能有其他字段。"] for key in extra})
        if not isinstance(data["values"], dict):
            raise ValidationError({"values": ["values 应为“字段名 → 填写值”的对象。"]})
        return data["values"]
    return data


def attachment(filled: FilledContract, fallback: str) -> HttpResponse:
    """The file as a download; the Chinese filename travels as RFC 5987 `filename*`."""
    response = HttpResponse(filled.content, content_type=filled.content_type)
    response["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filled.filename, safe='')}"
    )
    response["Cache-Control"] = "no-store"  # the values may be personal data
    return response


class ContractFillThrottle(PublicDoorThrottle):
    """Fill-ins per client address (each renders a Word document)."""

    scope = "contract_fill"
    rate_setting = "CONTRACT_FILL_RATE"


class ContractFillView(APIView):
    """Fill in a model contract's current edition and download it as a Word document."""

    permission_classes = [AllowAny]
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, ContractFillThrottle]
    authentication_classes: list = []  # public and sessionless, hence no CSRF check
    parser_classes = FORM_POST_PARSERS

    @extend_schema(
        operation_id="contract_fill",
        tags=["contracts"],
        summary="填写合同示范文本并下载 Word 文件",
        request={
            "application/json": ContractFillRequestSerializer,
            "application/x-www-form-urlencoded": OpenApiTypes.OBJECT,
            "multipart/form-data": OpenApiTypes.OBJECT,
        },
        responses={
            (200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"): (
                OpenApiResponse(response=OpenApiTypes.BINARY, description="填好的合同（DOCX）")
            ),
            400: FIELD_ERRORS_RESPONSE,
            404: OpenApiResponse(description="合同示范文本不存在或未发布（not_found）"),
        },
    )
    def post(self, request, pk: int):
        page = contract_template_public(pk)
        try:
            filled = contract_fill(page=page, values=submitted_values(request.data))
        except ValidationError as error:
            if from_browser_form(request):
                return self._form_errors(request, page, error)
            raise
        return attachment(filled, fallback=f"contract-{page.pk}.docx")

    @staticmethod
    def _form_errors(request, page, error: ValidationError) -> HttpResponse:
        """A person posting the site's form without JavaScript gets a readable page back."""
        labels = {field.name: field.label for field in page.fill_fields.all()}
        problems = [
            (labels.get(name, name), messages) for name, messages in error.message_dict.items()
        ]
        html = render_to_string(
            "legal/fill_errors.html",
            {"page": page, "problems": problems, "back": site_url("contract", id=page.pk)},
        )
        return HttpResponse(html, status=400, content_type="text/html; charset=utf-8")
