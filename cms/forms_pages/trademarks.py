"""/forms/trademarks/similar/?name=&classes=: the similarity check by name, as a page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect
from elasticsearch import ApiError, BadRequestError, TransportError
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from registry_api.trademarks import selectors
from registry_api.trademarks.models import NiceClass
from registry_api.trademarks.serializers import SimilarMarkSerializer, similar_request
from registry_api.trademarks.views import ENGINE_REFUSED, SimilarCheckThrottle
from search.views import search_unavailable

from .pages import SitePageMixin, html_page, site_forms_module, status_line

SIMILAR_API = "/api/v1/trademarks/similar/"
STATIC_FORM = "/trademarks/similar/"
LOGO_MAX_MB = 2  # the API's upload limit, as the page's logo form states it


def _classes(values: list[str]) -> list:
    """The ticked class boxes as the API's JSON list; anything else is left for its check."""
    return [int(value) if value.isdigit() else value for value in values]


class SimilarCheckPage(SitePageMixin, APIView):
    """The API's POST /trademarks/similar/ by name (its request check, throttles and the
    selector it calls) for a GET form. A check by logo needs an upload: JavaScript's."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, SimilarCheckThrottle]

    def get_throttles(self):
        return super().get_throttles() if "name" in self.request.query_params else []

    def get(self, request):
        if "name" not in request.query_params:
            return redirect(STATIC_FORM)
        params = similar_request(
            {
                "name": request.query_params.get("name", ""),
                "classes": _classes(request.query_params.getlist("classes")),
            }
        )
        params.is_valid(raise_exception=True)
        data = params.validated_data
        try:
            marks = selectors.trademark_similar(name=data["name"], classes=data["classes"])
        except BadRequestError as exc:
            raise exceptions.ValidationError({"name": [ENGINE_REFUSED["name"]]}) from exc
        except (ApiError, TransportError):
            return search_unavailable()
        results = SimilarMarkSerializer(marks, many=True, context={"request": request})
        return Response({"name": data["name"], "results": results.data})

    def _render(self, **context) -> str:
        params = self.request.query_params
        return site_forms_module().render_trademark_similar(
            nice_classes=list(NiceClass.objects.order_by("number").values("number", "name")),
            submit_url=SIMILAR_API,
            logo_max_mb=LOGO_MAX_MB,
            classes=[int(c) for c in params.getlist("classes") if c.isdigit()],
            **context,
        )

    def answer_page(self, data, status: int) -> HttpResponse:
        results = data["results"]
        name = data["name"]
        text = (
            f"找到 {len(results)} 件与“{name}”近似的在先商标，按相似度排列。"
            if results
            else f"未发现与“{name}”近似的在先商标。"
        )
        html = self._render(name=name, results=results, status=status_line(text, "success"))
        return html_page(html, status)

    def error_page(self, message: str, fields: dict[str, str], status: int) -> HttpResponse:
        name = self.request.query_params.get("name", "")[:50]
        html = self._render(name=name, errors=fields, status=status_line(message))
        return html_page(html, status)
