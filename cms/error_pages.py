"""Django's error handlers (cms/urls.py): JSON in the error format under /api/, elsewhere a
plain Chinese page. Never a traceback, a setting or a path: DEBUG is off wherever the public
is served (cms/settings/dev.py)."""

from django.http import HttpResponse
from django.utils.html import escape

from core.errors import bad_request_error, error_json, is_api_request

TITLES = {
    400: "请求有误",
    403: "无权访问",
    404: "页面不存在",
    413: "提交的内容过大",
    500: "服务器内部错误",
}
TEXTS = {
    400: "服务器无法处理该请求，请检查地址后重试。",
    403: "您没有访问该页面的权限。",
    404: "您访问的页面不存在或已被移除。",
    413: "提交的内容超过了允许的大小，请减小后重试。",
    500: "服务器暂时无法完成您的请求，请稍后再试。",
}
# Inline, not a template: the 500 page must render even when templates are what failed.
PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - 红山区市场监督管理局</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em">
<h1>{title}</h1><p>{text}</p><p><a href="/">返回首页</a></p></body></html>
"""


def plain_page(status_code: int) -> HttpResponse:
    body = PAGE.format(title=escape(TITLES[status_code]), text=escape(TEXTS[status_code]))
    return HttpResponse(body, status=status_code, content_type="text/html; charset=utf-8")


def bad_request(request, exception=None):
    """400, and 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE (Django raises it as a 400)."""
    code, status_code, message = bad_request_error(exception)
    if is_api_request(request):
        return error_json(code, status_code, message)
    return plain_page(status_code)


def permission_denied(request, exception=None):
    if is_api_request(request):
        return error_json("permission_denied", 403)
    return plain_page(403)


def page_not_found(request, exception=None):
    if is_api_request(request):
        return error_json("not_found", 404)
    return plain_page(404)


def server_error(request):
    if is_api_request(request):
        return error_json("server_error", 500)
    return plain_page(500)
