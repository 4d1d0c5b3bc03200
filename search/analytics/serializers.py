"""The body of a click report: which result (by rank) was followed for which query."""

from rest_framework import serializers

from search.query import MAX_QUERY_LENGTH

from .models import MAX_RANK


class QueryTextField(serializers.CharField):
    """A string, never a number or a boolean turned into one (DRF's CharField takes 12)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class SearchClickSerializer(serializers.Serializer):
    """POST /api/v1/search/clicks/ — form or JSON; every bad value a Chinese field error."""

    q = QueryTextField(
        max_length=MAX_QUERY_LENGTH,
        # Kept as sent: the count normalizes it as the search did (a query of spaces only
        # counts nothing and is not an error, as searching for it is not).
        trim_whitespace=False,
        help_text=f"结果页上的搜索词（原样提交，最多{MAX_QUERY_LENGTH}个字符）。",
        error_messages={
            "required": "请提供搜索词 q。",
            "blank": "搜索词 q 不能为空。",
            "null": "搜索词 q 不能为空。",
            "invalid": "搜索词 q 必须是文本。",
            "max_length": f"搜索词 q 不能超过{MAX_QUERY_LENGTH}个字符。",
        },
    )
    rank = serializers.IntegerField(
        min_value=1,
        max_value=MAX_RANK,
        help_text=f"被点击结果的位次（跨页计算，从1开始，最大{MAX_RANK}）。",
        error_messages={
            "required": "请提供结果位次 rank。",
            "null": "结果位次 rank 不能为空。",
            "invalid": "结果位次 rank 必须是整数。",
            "min_value": "结果位次 rank 不能小于1。",
            "max_value": f"结果位次 rank 不能大于{MAX_RANK}。",
            "max_string_length": "结果位次 rank 过长。",
        },
    )
