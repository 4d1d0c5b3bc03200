"""One error format for every API endpoint: machine code, Chinese message, field errors.

{"error": {"code": "validation_error", "message": "提交的数据有误。",
           "fields": {"district": ["请选择有效的街镇代码。"]}}}
"""

import json
import math

from django.conf import settings
from django.core.exceptions import DisallowedHost, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core import text

MESSAGES = {
    "validation_error": "提交的数据有误，请按字段提示修改。",
    "not_found": "未找到所请求的资源。",
    "not_authenticated": "需要登录或提供有效的 API 密钥。",
    "authentication_failed": "身份认证失败，请检查 API 密钥。",
    "permission_denied": "没有执行此操作的权限。",
    "method_not_allowed": "不支持该请求方法。",
    "throttled": "请求过于频繁，请稍后再试。",
    "conflict": "请求与现有数据冲突。",
    "parse_error": "请求体格式错误，无法解析。",
    "unsupported_media_type": "不支持的请求内容类型。",
    "not_acceptable": "无法提供所请求的响应格式。",
    "search_unavailable": "搜索服务暂时不可用，请稍后再试。",
    "server_error": "服务器内部错误，请稍后再试。",
    "service_unavailable": "服务暂时不可用，请稍后再试。",
    "bad_request": "请求有误，无法处理。",
    "invalid_host": "请求头 Host 中的主机名无效。",
    "payload_too_large": "请求体过大，请减小后重试。",
    "invalid_cursor": "分页游标 cursor 无效：请使用列表响应中 next 或 previous 给出的链接。",
    "error": "请求无法处理。",
    # Partner departments' API keys (registry_api/partners).
    "api_key_invalid": "API 密钥无效：请检查请求头 Authorization: Api-Key <密钥>。",
    "api_key_revoked": "API 密钥已被撤销，请联系市场监管局重新签发。",
    "api_key_expired": "API 密钥已过期，请联系市场监管局重新签发。",
    "scope_missing": "该 API 密钥的权限范围不包含此操作。",
    "subscription_scope_missing": (
        "该 API 密钥没有变更订阅权限（subscriptions）：请联系市场监管局在 API 密钥设置中开通。"
    ),
    "department_mismatch": "该 API 密钥只能报送本部门的信用记录。",
    "batch_too_large": "本批数据超过上限，请拆分后分批提交。",
    "import_rejected": "本批数据有错误，未写入任何数据；请按 report.errors 修改后重新提交。",
}


def error_body(code: str, message: str | None = None, fields: dict | None = None) -> dict:
    return {
        "error": {
            "code": code,
            "message": message or MESSAGES.get(code, code),
            "fields": fields or {},
        }
    }


def _as_field_errors(detail) -> dict:
    """DRF's nested error detail as {field: [messages]}; non-field errors under '_'."""
    if isinstance(detail, dict):
        fields = {}
        for key, value in detail.items():
            name = "_" if key in ("non_field_errors", "__all__") else key
            fields[name] = (
                [_message(item) for item in value] if isinstance(value, list) else [str(value)]
            )
        return fields
    if isinstance(detail, list):
        return {"_": [_message(item) for item in detail]}
    return {"_": [str(detail)]}


def _message(item) -> str:
    """One error's message; ours where DRF's Chinese one is misleading (text.py)."""
    return text.MESSAGES_BY_CODE.get(getattr(item, "code", None), str(item))


class Conflict(exceptions.APIException):
    """409: a valid request that the stored data forbids (e.g. deleting a row others need)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = MESSAGES["conflict"]


def api_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every API error leaves in the one format above."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"_": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    exc = _method_first(exc, context)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        body = error_body("validation_error", fields=_as_field_errors(exc.detail))
    else:
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        code = code if isinstance(code, str) else "error"
        body = error_body(code, _specific_message(exc), getattr(exc, "fields", None))
    return Response(body, status=response.status_code, headers=_passthrough_headers(response))


def _method_first(exc, context):
    """405 for a method the view has no handler for, whoever asks: DRF checks permissions
    before the method, so an anonymous PUT on a read-only list would be told to sign in."""
    view, request = context.get("view"), context.get("request")
    refusal = (exceptions.NotAuthenticated, exceptions.PermissionDenied)
    if isinstance(exc, refusal) and view is not None and request is not None:
        if request.method not in getattr(view, "allowed_methods", [request.method]):
            return exceptions.MethodNotAllowed(request.method)
    return exc


def _specific_message(exc) -> str | None:
    """A message for this very case where the code's message is too general."""
    if isinstance(exc, Conflict):
        return str(exc.detail)
    if isinstance(exc, exceptions.NotFound) and exc.detail != exceptions.NotFound.default_detail:
        return str(exc.detail)  # a view's own words ("未找到该编号的…"); Django's 404s have none
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        return f"请求过于频繁，请在{max(1, math.ceil(exc.wait))}秒后重试。"
    return None


def _passthrough_headers(response) -> dict:
    return {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Allow", "Retry-After")}


# The code of an answer that carries no code of its own, by HTTP status.
STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "throttled",
    500: "server_error",
    503: "service_unavailable",
}


def is_api_request(request) -> bool:
    """Under /api/: errors are JSON in the format above, never an HTML page."""
    return request.path_info.startswith("/api/")


def is_browser_form_post(request) -> bool:
    """A form posted by a browser without JavaScript: its errors are an HTML page on purpose
    (consultations, idle-mark inquiries, contract fill-in; docs/api.md)."""
    form_types = ("application/x-www-form-urlencoded", "multipart/form-data")
    accept = request.headers.get("Accept", "")
    return (request.content_type or "").startswith(form_types) and "text/html" in accept


def is_error_body(content: bytes) -> bool:
    """Whether a response body already is `{"error": {"code": …, …}, …}` (the import's 400
    carries its report beside the error)."""
    try:
        body = json.loads(content)
    except ValueError:
        return False
    return (
        isinstance(body, dict) and isinstance(body.get("error"), dict) and "code" in body["error"]
    )


def error_json(
    code: str, status_code: int, message: str | None = None, fields: dict | None = None
) -> JsonResponse:
    return JsonResponse(
        error_body(code, message, fields),
        status=status_code,
        json_dumps_params={"ensure_ascii": False},
    )


def bad_request_error(exception) -> tuple[str, int, str | None]:
    """(code, status, message) of a request Django refused before any view ran."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return (
            "payload_too_large",
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            f"请求体超过{limit / 1024 / 1024:g} MB的上限，请减小后重试。",
        )
    if isinstance(exception, DisallowedHost):
        return "invalid_host", status.HTTP_400_BAD_REQUEST, None
    return "bad_request", status.HTTP_400_BAD_REQUEST, None


@csrf_exempt  # a POST to an unknown address is a 404, not a missing CSRF token
def not_found_json(request, exception=None):
    """404 for unknown URLs under /api/ (outside any DRF view)."""
    return error_json("not_found", status.HTTP_404_NOT_FOUND)


def server_error_json(request):
    return error_json("server_error", status.HTTP_500_INTERNAL_SERVER_ERROR)
