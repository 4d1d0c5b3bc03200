"""OpenAPI parameters every registry list shares (sync, paging, ordering, export), with examples.

drf-spectacular already lists the filterset's fields; these override them by name so that each
carries a description and an example a third party can paste. The 400 of a form post, the same
everywhere, is described here too.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse


def described_parameter(
    name: str, kind, description: str, example_label: str, example, enum=None
) -> OpenApiParameter:
    """A query parameter with its description and one example, named `example_label`."""
    return OpenApiParameter(
        name,
        kind,
        description=description,
        enum=enum,
        examples=[OpenApiExample(example_label, value=example)],
    )


UPDATED_SINCE = described_parameter(
    "updated_since",
    OpenApiTypes.DATETIME,
    "增量同步：只返回更新时间不早于该时刻的记录（ISO 8601，含时区）。"
    "Change feed: rows with updated_at >= this instant; deletions are at /api/v1/deletions/.",
    "自某时刻起",
    "2026-11-01T00:00:00+08:00",
)
CURSOR = described_parameter(
    "cursor",
    OpenApiTypes.STR,
    "游标分页：取上一页响应中 next / previous 链接里的 cursor 值，不要自行构造。"
    "Opaque cursor: follow the `next` link of the previous page.",
    "下一页游标",
    "cD0yMDI2LTExLTAx",
)
PAGE_SIZE = described_parameter(
    "page_size",
    OpenApiTypes.INT,
    "每页条数，默认 50，最大 200。Rows per page (default 50, at most 200).",
    "每页200条",
    200,
)
# The 400 of every form the public or a clerk posts: the error envelope, by field.
FIELD_ERRORS_RESPONSE = OpenApiResponse(description="填写有误（统一错误格式，fields 按字段列出）")
FORMAT_JSON_ONLY = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json"],
    description="响应格式，仅 json。Response format: json only on this list.",
)


def ordering_parameter(fields: list[str]) -> OpenApiParameter:
    choices = "、".join(fields)
    return described_parameter(
        "ordering",
        OpenApiTypes.STR,
        f"排序字段：{choices}；前加 - 为倒序，逗号分隔可多列。"
        f"Sort by one of {', '.join(fields)}; prefix '-' for descending.",
        "倒序",
        f"-{fields[-1]}",
    )


def format_parameter(name: str) -> OpenApiParameter:
    return OpenApiParameter(
        "format",
        OpenApiTypes.STR,
        enum=["json", "csv", "jsonl"],
        description=(
            "响应格式：json（分页）；csv（UTF-8 带 BOM，可用 Excel 打开）或 jsonl（每行一条 JSON）"
            "为流式导出全部符合筛选条件的记录，不分页。"
            "json (paged), or csv / jsonl: a streamed export of every row the filters match, "
            f'as an attachment "{name}-YYYYMMDD.csv|jsonl".'
        ),
        examples=[
            OpenApiExample("CSV 导出", value="csv"),
            OpenApiExample("JSON Lines 导出", value="jsonl"),
        ],
    )


def list_parameters(
    ordering: list[str] | None = None,
    export: str | None = None,
    extra: list | None = None,
    *,
    sync: bool = True,
) -> list[OpenApiParameter]:
    """The shared parameters of one registry list: `export` is its export file name, if any;
    `sync=False` for reference data without a change time (districts)."""
    parameters = [UPDATED_SINCE, CURSOR, PAGE_SIZE] if sync else [CURSOR, PAGE_SIZE]
    if ordering:
        parameters.append(ordering_parameter(ordering))
    parameters.append(format_parameter(export) if export else FORMAT_JSON_ONLY)
    return parameters + list(extra or [])


def filter_parameter(name: str, kind, description: str, example, choices=None) -> OpenApiParameter:
    """A filter with a description and an example; `choices` (a TextChoices) keeps the enum."""
    enum = list(choices.values) if choices is not None else None
    return described_parameter(name, kind, description, name, example, enum)
