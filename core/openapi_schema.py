"""The schema class of the API: each operation declares the error statuses its view can answer.

drf-spectacular describes the success answer of a view; what a client also needs is every
status it may meet, each in the one error format (core/errors.py). The statuses are read from
the view itself — its authenticators, permissions, throttles, parameters, body and model — so a
throttle or a permission added to a view appears in the schema without anyone editing it.
Public operations also declare anonymous access (`{}` in `security`), found by asking the
view's own permission classes whether an anonymous caller may pass. A public form's phone
declares the pattern of its kind's phone rule, and its honeypot that it must stay blank.
"""

import sys
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.validators import RegexValidator
from django.db.models import PROTECT, RESTRICT
from django.http import HttpRequest
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import SAFE_METHODS, AllowAny
from rest_framework.request import Request

from core.public_requests.serializers import PublicRequestSubmitSerializer

ERROR_COMPONENT = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "统一错误格式。The one error format of every API answer with a status of 400 or more: "
        "`code` is stable and machine-readable, `message` is Chinese for a person, `fields` "
        "lists messages by field name (`_` for the request as a whole)."
    ),
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "examples": ["validation_error"]},
                "message": {"type": "string", "examples": ["提交的数据有误，请按字段提示修改。"]},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["code", "message", "fields"],
        }
    },
    "required": ["error"],
}
ERROR_DESCRIPTIONS = {
    "400": "请求有误（统一错误格式，fields 按字段列出）。Invalid query, path or body.",
    "401": "未认证或凭据无效（not_authenticated / authentication_failed / api_key_*）。",
    "403": "没有执行此操作的权限（permission_denied / scope_missing）。",
    "404": "未找到所请求的资源（not_found）。",
    "409": "请求与现有数据冲突（conflict）。",
    "413": "请求体过大（payload_too_large）。",
    "415": "不支持的请求内容类型（unsupported_media_type）。",
    "429": "请求过于频繁（throttled）：按 Retry-After 秒数等待后重试。",
    "503": "服务暂时不可用（search_unavailable）：按 Retry-After 秒数等待后重试。",
}
# JSON Schema keywords a filter's own schema may carry and a described parameter must keep.
CONSTRAINTS = ("enum", "minimum", "maximum", "minLength", "maxLength", "pattern")
# Where the engine's failure becomes a 503 (search/views.py).
SEARCH_UNAVAILABLE_MODULE = "search.views"
# The honeypot of a public form: anything but blank is refused (core/public_requests).
HONEYPOT_PATTERN = r"^\s*$"
RETRY_AFTER = {
    "Retry-After": {
        "description": "重试前应等待的秒数。Seconds to wait before retrying.",
        "schema": {"type": "integer", "minimum": 0},
    }
}


class RegistrySchema(AutoSchema):
    """DEFAULT_SCHEMA_CLASS: drf-spectacular's, plus error statuses and anonymous access."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        registry.register_on_missing(
            ResolvedComponent(
                name=ERROR_COMPONENT,
                type=ResolvedComponent.SCHEMA,
                object=ERROR_COMPONENT,
                schema=ERROR_SCHEMA,
            )
        )
        self.bound_page_size(operation)
        reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
        responses = operation["responses"]
        for status in self.error_statuses(operation):
            response = responses.setdefault(status, {"description": ERROR_DESCRIPTIONS[status]})
            response.setdefault("content", {"application/json": {"schema": reference}})
            if status in ("429", "503"):
                response.setdefault("headers", {}).update(RETRY_AFTER)
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _get_parameters(self):
        """The described parameters of core/openapi.py override the filterset's by name; the
        constraints the filters enforce (an enum of codes, bounds) are kept on them."""
        parameters = super()._get_parameters()
        filters = self._get_filter_parameters()
        discovered = {(p["name"], p["in"]): p["schema"] for p in filters if "schema" in p}
        for parameter in parameters:
            enforced = discovered.get((parameter["name"], parameter["in"]), {})
            schema = parameter.get("schema", {})
            if schema.get("type") != enforced.get("type"):
                continue
            for key in CONSTRAINTS:
                if key in enforced and key not in schema:
                    schema[key] = enforced[key]
            if {"enum", "minimum", "maximum"} <= set(schema) and schema["type"] == "integer":
                # A choice filter of "1".."45" lists strings; the declared bounds say it.
                del schema["enum"]
        return parameters

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """A field that refuses "" declares minLength 1: a non-blank CharField, a slug relation
        (an enterprise's credit code) and a decimal sent as a string."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        refuses_blank = (
            isinstance(field, serializers.CharField) and not field.allow_blank
        ) or isinstance(field, serializers.SlugRelatedField | serializers.DecimalField)
        if (
            direction == "request"
            and refuses_blank
            and schema.get("type") == "string"
            and not {"enum", "minLength", "$ref"} & set(schema)
        ):
            schema["minLength"] = 1
        if isinstance(field, serializers.DecimalField) and "pattern" in schema:
            schema["pattern"] = decimal_pattern(field)
        if direction == "request" and isinstance(field.parent, PublicRequestSubmitSerializer):
            schema.update(public_form_constraints(field))
        return schema

    def bound_page_size(self, operation: dict) -> None:
        """`page_size` from 1 to the paginator's maximum, as core.pagination enforces it."""
        paginator = self._get_paginator() if self._is_list_view() else None
        maximum = getattr(paginator, "max_page_size", None)
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "page_size" and parameter["in"] == "query" and maximum:
                parameter["schema"].update({"minimum": 1, "maximum": maximum})

    def error_statuses(self, operation: dict) -> list[str]:
        """The error statuses this operation can answer, read from its view."""
        query = [p for p in operation.get("parameters", []) if p["in"] == "query"]
        has_path_parameters = any(p["in"] == "path" for p in operation.get("parameters", []))
        has_body = "requestBody" in operation
        statuses = {s for s in operation["responses"] if s.startswith(("4", "5"))}
        if query or has_body:
            statuses.add("400")
        if self.view.get_authenticators():
            statuses.add("401")  # a wrong key or token is refused whatever the permissions
        if self.can_refuse_a_caller():
            statuses.add("403")
        if has_path_parameters or any(p["name"] == "format" for p in query):
            statuses.add("404")  # DRF answers an unknown ?format= with 404
        if has_body:
            statuses.update({"413", "415"})
        if self.method == "DELETE" and self.deletion_can_conflict():
            statuses.add("409")
        if self.view.get_throttles():
            statuses.add("429")
        if self.calls_search_engine() and getattr(self.view, "action", None) != "retrieve":
            statuses.add("503")
        return sorted(statuses)

    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and self.anonymous_allowed():
            auths.append({})
        return auths

    def anonymous_allowed(self) -> bool:
        """Whether every permission class of the view lets an anonymous caller through."""
        request = HttpRequest()
        request.method = self.method
        request.user = AnonymousUser()
        request = Request(request, authenticators=[])
        request.user = AnonymousUser()
        for permission in self.view.get_permissions():
            try:
                if not permission.has_permission(request, self.view):
                    return False
            except Exception:  # noqa: BLE001 - a permission that needs a real request: not public
                return False
        return True

    def can_refuse_a_caller(self) -> bool:
        if not self.anonymous_allowed():
            return True
        if self.method in SAFE_METHODS:
            return False
        permissions = self.view.get_permissions()
        session = any(isinstance(a, SessionAuthentication) for a in self.view.get_authenticators())
        # A signed-in browser's unsafe request without the CSRF token is refused, too.
        return session or any(not isinstance(p, AllowAny) for p in permissions)

    def deletion_can_conflict(self) -> bool:
        """Rows that others refer to with PROTECT or RESTRICT are refused with 409."""
        queryset = getattr(self.view, "queryset", None)
        if queryset is None:
            return False
        return any(
            relation.on_delete in (PROTECT, RESTRICT)
            for relation in queryset.model._meta.related_objects
        )

    def calls_search_engine(self) -> bool:
        """The view's module answers the engine's failure with search.views.search_unavailable.

        Read from the module rather than declared on each view: every view that queries the
        engine turns its failure into that one answer. Found by name, since the shared floor
        imports no layer above it."""
        module = sys.modules.get(type(self.view).__module__)
        answer = vars(module).get("search_unavailable") if module else None
        return getattr(answer, "__module__", None) == SEARCH_UNAVAILABLE_MODULE


def decimal_pattern(field: serializers.DecimalField) -> str:
    """A decimal as a string, with at least one digit (drf-spectacular's own pattern admits
    "." and "-", which DRF refuses); no sign when the field's minimum is not negative, and
    a non-zero digit when its minimum is the smallest positive amount (0.01 of a 2-place
    field). Other bounds stay the model's to check."""
    places = field.decimal_places
    whole = "+" if field.max_digits is None else f"{{1,{field.max_digits - (places or 0)}}}"
    fraction = "+" if places is None else f"{{1,{places}}}"
    optional_fraction = "*" if places is None else f"{{0,{places}}}"
    minimum = field.min_value
    sign = "" if minimum is not None and minimum >= 0 else "-?"
    smallest = Decimal(1).scaleb(-places) if places is not None else None
    nonzero = "(?=.*[1-9])" if minimum is not None and smallest and 0 < minimum <= smallest else ""
    return rf"^{nonzero}{sign}(?:\d{whole}(?:\.\d{optional_fraction})?|\.\d{fraction})$"


def public_form_constraints(field) -> dict:
    """The pattern of a public form's phone (its kind's `phone_validators`, each declaring
    its own) or of its honeypot; {} for any other field or a rule without a pattern."""
    form = field.parent
    if field.field_name == "website":
        return {"pattern": HONEYPOT_PATTERN}
    if field.field_name != form.phone_field:
        return {}
    patterns = [validator_pattern(v, field.trim_whitespace) for v in form.phone_validators]
    if not patterns or None in patterns:
        return {}
    if len(patterns) == 1:
        return {"pattern": patterns[0]}
    return {"pattern": "^" + "".join(f"(?={p})" for p in patterns)}


def validator_pattern(validator, trimmed: bool) -> str | None:
    """The pattern a validator accepts: a RegexValidator's own (padded with the whitespace
    a trimming CharField removes first), or what a function declares as `schema_pattern`."""
    if isinstance(validator, RegexValidator):
        pattern = validator.regex.pattern
        if validator.inverse_match or validator.flags:
            return None
        if trimmed and pattern.startswith("^") and pattern.endswith("$"):
            return rf"^\s*(?:{pattern[1:-1]})\s*$"
        return pattern
    return getattr(validator, "schema_pattern", None)
