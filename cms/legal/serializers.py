"""Request and error shapes of the contract fill-in endpoint, for the OpenAPI schema."""

from rest_framework import serializers


class ContractFillRequestSerializer(serializers.Serializer):
    """`{"values": {"甲方名称": "…", "租金": "3500.00", "起租日期": "2026-05-01"}}`; the
    field names are the template's `fill_fields[].name`. Flat fields without `values` (and an
    HTML form post) are accepted too."""

    values = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="字段名 → 填写值；金额为不小于0、最多两位小数的数字，日期为 YYYY-MM-DD",
    )
