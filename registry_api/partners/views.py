"""What the credit records API adds for partner departments: key writes and the batch import.

`CreditRecordPartnerMixin` is mixed into `registry_api.credit.views.CreditRecordViewSet`, so
POST /api/v1/credit-records/, POST /api/v1/credit-records/import/ and
GET /api/v1/credit-records/imports/{id}/ are one resource.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.errors import error_body
from core.idempotency import idempotency_key, idempotency_parameter
from registry_api.credit.models import CreditRecord, Department
from registry_api.credit.serializers import HELD_FOR_REVIEW

from . import credit_import, imports, parsing, selectors, services
from .authentication import partner_key
from .models import CreditImport, Scope
from .parsers import IMPORT_PARSERS
from .permissions import ModelPermissionOrPartnerScope
from .serializers import CreditImportSerializer, credit_import_path


class DepartmentMismatch(exceptions.PermissionDenied):
    default_code = "department_mismatch"

    def __init__(self, message: str):
        super().__init__(message, code=self.default_code)
        self.fields = {"department": [message]}


def _flag(request, name: str) -> bool:
    return request.query_params.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


class CreditRecordPartnerMixin:
    """Partner keys with `credit_records:write` may create records of their own department
    (one by one or in batches); clerks keep writing with their model permissions."""

    permission_classes = [ModelPermissionOrPartnerScope]
    partner_scopes = {
        "create": Scope.CREDIT_RECORDS_WRITE,
        "import_records": Scope.CREDIT_RECORDS_WRITE,
    }
    # The import updates existing records as well as creating them.
    extra_model_permissions = {"import_records": ["credit.change_creditrecord"]}

    def partner_write_data(self, request):
        """The request body with the key's department filled in, or 403 for another one's."""
        data = request.data.copy() if hasattr(request.data, "copy") else request.data
        key = partner_key(request)
        if key is None or not isinstance(data, dict):
            return data
        sent = data.get("department")
        if sent in (None, ""):
            data["department"] = key.department.code
        elif sent != key.department.code:
            raise DepartmentMismatch(
                f"该 API 密钥属于“{key.department.name}”，只能报送本部门（{key.department.code}）"
                f"的记录，不能报送“{sent}”的记录。"
            )
        return data

    def create(self, request, *args, **kwargs):
        """One record: written, refused with field errors, or — its credit code failing only
        the check character, as in the batch import — held for a clerk's review (one item
        however often it is sent) and answered with the import's message."""
        data = self.write_data(request)
        serializer = self.write_serializer_class(data=data)
        if not serializer.is_valid():
            self._hold_for_review(request, data, serializer.errors)
            raise exceptions.ValidationError(serializer.errors)
        record = self.service_create(serializer.validated_data)
        return self.read_response(record, status.HTTP_201_CREATED)

    @staticmethod
    def _hold_for_review(request, data, errors: dict) -> None:
        """File the review item when the code's check character is the body's only problem
        (as the import, a row with other errors is refused, not held)."""
        problems = errors.get("enterprise", [])
        if set(errors) != {"enterprise"} or any(p.code != HELD_FOR_REVIEW for p in problems):
            return
        key = partner_key(request)
        department = (
            key.department
            if key is not None
            else Department.objects.filter(code=data.get("department")).first()
        )
        if department is None:
            return
        services.review_item_flag(
            department=department,
            key=key,
            row_number=1,  # the one record of the request
            raw_row={name: data.get(name) for name in data},
            reason=str(problems[0]),
        )

    @staticmethod
    def check_decision_number_free(validated: dict) -> None:
        """A single POST never overwrites: a taken decision number is a field error (the
        batch import is the way to update by decision number)."""
        department, number = validated.get("department"), validated.get("decision_number")
        if CreditRecord.objects.filter(department=department, decision_number=number).exists():
            raise exceptions.ValidationError(
                {
                    "decision_number": [
                        f"“{department}”已有决定文书号为“{number}”的信用记录；"
                        "如需更新，请使用批量导入接口（按部门和决定文书号更新）。"
                    ]
                }
            )

    @extend_schema(
        summary="批量导入信用记录（JSON Lines 或 CSV，按部门+决定文书号更新或新增）",
        request={
            "application/x-ndjson": OpenApiTypes.BINARY,
            "application/jsonl": OpenApiTypes.BINARY,
            "text/csv": OpenApiTypes.BINARY,
        },
        parameters=[
            OpenApiParameter("dry_run", bool, description="1：只报告将发生的变化，不写入"),
            OpenApiParameter(
                "mode",
                str,
                enum=list(credit_import.MODES),
                description="all_or_nothing（默认）：有任何错误则整批不写入；"
                "valid_only：写入正确的行，报告错误的行",
            ),
            idempotency_parameter(
                "每批生成一个（8–64位字母数字），重试时原样携带：续写或返回同一导入"
            ),
        ],
        responses={
            200: OpenApiResponse(description="导入报告（report）与导入记录（import）"),
            202: OpenApiResponse(
                CreditImportSerializer,
                description="大批量：已转后台执行；Location 为进度查询地址",
            ),
            400: OpenApiResponse(description="import_rejected：整批未写入，附导入报告"),
            409: OpenApiResponse(description="幂等键已用于内容不同的一批"),
            413: OpenApiResponse(description="batch_too_large：超过每批行数或字节数上限"),
            429: OpenApiResponse(description="超过密钥的每分钟请求上限，见 Retry-After"),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        url_name="import",
        parser_classes=IMPORT_PARSERS,
    )
    def import_records(self, request, *args, **kwargs):
        data = request.data
        if not isinstance(data, dict) or "format" not in data:
            if request.content_type.startswith(parsing.JSONL_TYPES + parsing.CSV_TYPES):
                raise exceptions.ValidationError({"_": ["请求体为空：请提交 JSON Lines 或 CSV。"]})
            raise exceptions.UnsupportedMediaType(request.content_type)
        if data["format"] == "csv":
            rows = parsing.parse_csv(
                data["body"], credit_import.FIELDS, _csv_required(partner_key(request))
            )
        else:
            rows = parsing.parse_jsonl(data["body"])
        key = partner_key(request)
        mode = request.query_params.get("mode", credit_import.ALL_OR_NOTHING)
        dry_run = _flag(request, "dry_run")
        started, new = imports.credit_import_find_or_start(
            rows=rows,
            key=key,
            user=request.user if key is None else None,
            mode=mode,
            dry_run=dry_run,
            content_hash=imports.batch_hash(
                body=data["body"], content_format=data["format"], mode=mode, dry_run=dry_run
            ),
            idempotency_key=idempotency_key(request),
        )
        if started.status not in CreditImport.UNFINISHED:  # a retry of a finished import
            return self._import_finished(request, started)
        if started.background:
            if new or imports.credit_import_claimable(started):
                imports.credit_import_enqueue(started)
            return self._import_accepted(request, started)
        if not imports.credit_import_claim(started):
            return self._import_accepted(request, started)  # another request carries it on
        imports.credit_import_run(started)
        return self._import_finished(request, started)

    @staticmethod
    def _import_accepted(request, started: CreditImport) -> Response:
        body = {"import": CreditImportSerializer(started, context={"request": request}).data}
        headers = {"Location": request.build_absolute_uri(credit_import_path(started))}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers=headers)

    @staticmethod
    def _import_finished(request, finished: CreditImport) -> Response:
        report = finished.report
        body = {
            "report": report,
            "import": CreditImportSerializer(finished, context={"request": request}).data,
        }
        del body["import"]["report"]  # the same report, once
        if finished.mode == credit_import.ALL_OR_NOTHING and report["errors"]:
            if not report["applied"]:
                body = {**error_body("import_rejected"), **body}
                return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return Response(body, status=status.HTTP_200_OK)

    @extend_schema(
        summary="批量导入的状态与进度（完成后附导入报告）",
        request=None,
        responses={
            200: CreditImportSerializer,
            401: OpenApiResponse(description="需要 API 密钥或登录"),
            404: OpenApiResponse(description="没有该导入，或不是本密钥（本用户）提交的"),
        },
    )
    @action(
        detail=False,
        methods=["get"],
        url_path=r"imports/(?P<import_id>[0-9]+)",
        url_name="import-status",
        permission_classes=[IsAuthenticated],
    )
    def import_status(self, request, import_id: str, *args, **kwargs):
        found = get_object_or_404(selectors.credit_import_visible(request), pk=import_id)
        return Response(CreditImportSerializer(found, context={"request": request}).data)


def _csv_required(key) -> list[str]:
    required = list(credit_import.REQUIRED)
    return required if key is not None else [*required, "department"]
