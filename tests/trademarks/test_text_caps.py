"""A mark's long texts entered in the admin are capped (a class's 商品/服务项目 2,000
characters, an event's 说明 1,000): an over-long text is a Chinese error under its field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry_api.trademarks.models import NiceClass, TrademarkClass, TrademarkEvent

from .conftest import make_mark

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "cap"), [("goods_services", 2000), ("details", 1000)])
def test_an_over_long_text_is_refused_under_its_field(nice_classes, field, cap):
    mark = make_mark("30000001", "红山")
    if field == "goods_services":
        row = TrademarkClass(trademark=mark, nice_class=NiceClass.objects.get(pk=25))
    else:
        row = TrademarkEvent(trademark=mark, kind="renewal", happened_on=datetime.date(2026, 1, 5))
    setattr(row, field, "服" * cap)
    row.full_clean(exclude=["trademark", "nice_class"])
    setattr(row, field, "服" * (cap + 1))
    with pytest.raises(ValidationError) as refused:
        row.full_clean(exclude=["trademark", "nice_class"])
    assert refused.value.message_dict[field] == [f"不能超过{cap}个字。"]
