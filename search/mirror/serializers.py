"""Serializers of the suggestion API: the validated ?q= and the documented answer."""

from rest_framework import serializers

from ..registry import site_search_kinds
from .suggestions import MAX_LENGTH, MAX_SUGGESTIONS

KINDS_TEXT = "、".join(site_search_kinds())


class SuggestParamsSerializer(serializers.Serializer):
    """?q= — too long a value is a 400 with a Chinese message on its field."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_LENGTH,
        trim_whitespace=True,
        help_text=(
            f"已输入的文字，最多{MAX_LENGTH}个字符：汉字（标题中任意位置）、"
            "拼音全拼（可只输入最后一个音节的开头，如 hongsh）或拼音首字母（如 hsq）。"
        ),
        error_messages={"max_length": f"输入的文字不能超过{MAX_LENGTH}个字符。"},
    )


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="建议的完整标题（企业名称、商标名称、页面标题等）")
    # A plain string: a second choice field of these kinds would make drf-spectacular name
    # both enums by a hash (a "kind" collision with the registries' own kinds).
    kind = serializers.CharField(help_text="类别代码，与全站检索结果的 kind 相同：" + KINDS_TEXT)
    label = serializers.CharField(help_text="类别的中文名称")
    url = serializers.CharField(help_text="静态站点上的路径，如 /enterprises/…/")


class SuggestionsSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="规范化后的输入")
    suggestions = SuggestionSerializer(
        many=True, help_text=f"最多{MAX_SUGGESTIONS}条，最相关的在前；无输入时为空"
    )
