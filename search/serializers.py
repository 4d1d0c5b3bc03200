"""Serializers of the search API: validated query parameters and the documented response."""

from rest_framework import serializers

from .query import MAX_PAGE, MAX_QUERY_LENGTH
from .registry import registry, site_search_kinds

SITE_KINDS = [registry()[name] for name in site_search_kinds()]
KIND_CHOICES_TEXT = "、".join(f"{kind.name}：{kind.label}" for kind in SITE_KINDS)


class SearchParamsSerializer(serializers.Serializer):
    """?q=&kind=&page= — every bad value is a 400 with a Chinese message on its field."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_QUERY_LENGTH,
        trim_whitespace=True,
        help_text=f"搜索词，最多{MAX_QUERY_LENGTH}个字符；可输入汉字、拼音全拼或拼音首字母。",
        error_messages={"max_length": f"搜索词不能超过{MAX_QUERY_LENGTH}个字符。"},
    )
    kind = serializers.ChoiceField(
        choices=[(kind.name, kind.label) for kind in SITE_KINDS],
        required=False,
        allow_blank=True,
        default="",
        help_text="只看某一类结果（" + KIND_CHOICES_TEXT + "）；留空为全部。",
        error_messages={
            "invalid_choice": f"“{{input}}”不是有效的类别，可选：{'、'.join(site_search_kinds())}。"
        },
    )
    page = serializers.IntegerField(
        required=False,
        default=1,
        min_value=1,
        max_value=MAX_PAGE,
        help_text=f"页码，从1开始，最多{MAX_PAGE}页。",
        error_messages={
            "invalid": "页码必须是整数。",
            "min_value": "页码不能小于1。",
            "max_value": f"页码不能大于{MAX_PAGE}。",
            "max_string_length": "页码过长。",
        },
    )


SearchCountsSerializer = type(
    "SearchCountsSerializer",
    (serializers.Serializer,),
    {kind: serializers.IntegerField() for kind in site_search_kinds()},
)


class SearchResultSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=list(site_search_kinds()))
    title = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML 片段：命中词包在 <em> 中，其余已转义。")
    url = serializers.CharField(help_text="静态站点上的路径，如 /news/12/")
    score = serializers.FloatField(allow_null=True)
    date = serializers.DateField(allow_null=True)


class BestBetSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(help_text="站内路径（/ 开头）或 https 地址")
    description = serializers.CharField(allow_blank=True)


class SearchPageSerializer(serializers.Serializer):
    query = serializers.CharField()
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    counts = SearchCountsSerializer(help_text="各类别命中数（不受 kind 筛选影响）")
    labels = serializers.DictField(
        child=serializers.CharField(), help_text="各类别的中文名称，按显示顺序"
    )
    results = SearchResultSerializer(many=True)
    best_bets = BestBetSerializer(many=True, help_text="编辑为此搜索词推荐的内容，显示在结果之前")
    did_you_mean = serializers.CharField(
        allow_null=True, help_text="无结果时建议改搜的词；没有建议时为 null"
    )
    degraded = serializers.BooleanField(
        help_text="为 true 时检索引擎暂不可用，结果由数据库简单匹配给出，排序可能不如平时"
    )
