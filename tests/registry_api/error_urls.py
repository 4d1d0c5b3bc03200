"""The project's URLs plus views that fail on purpose, for the error-answer tests."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny

from cms.urls import handler400, handler403, handler404, handler500
from cms.urls import urlpatterns as site_patterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


class Boom(RuntimeError):
    """An uncaught exception, as a bug in a view would raise."""


def plain_boom(request):
    raise Boom(f"secret detail from {__file__}")


@api_view(["GET"])
@permission_classes([AllowAny])
def drf_boom(request):
    raise Boom(f"secret detail from {__file__}")


@require_GET
def plain_get_only(request):
    return HttpResponse("ok")


def reads_body(request):
    return HttpResponse(f"{len(request.body)} bytes")


urlpatterns = [
    path("api/v1/test-boom/plain/", plain_boom),
    path("api/v1/test-boom/drf/", drf_boom),
    path("api/v1/test-get-only/", plain_get_only),
    path("test-boom/", plain_boom),
    path("test-reads-body/", reads_body),
    *site_patterns,
]
