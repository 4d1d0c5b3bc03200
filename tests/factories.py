"""factory_boy factories for registry models and a helper that publishes news pages."""

import datetime
import random

import factory

from registry_api.enterprises import credit_code
from registry_api.enterprises.models import District, Enterprise

_rng = random.Random(20261127)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = "150402001"
    name = "西屯街道"
    kind = District.Kind.SUBDISTRICT


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    credit_code = factory.LazyFunction(lambda: credit_code.generate(rng=_rng))
    name = factory.Sequence(lambda n: f"赤峰红山测试商贸有限公司{n:04d}")
    entity_type = Enterprise.EntityType.LIMITED_COMPANY
    legal_representative = "张三明"
    registered_capital = 100
    established_on = datetime.date(2020, 5, 1)
    address = "内蒙古自治区赤峰市红山区西屯街道测试路1号"
    district = factory.SubFactory(DistrictFactory)
    industry = "批发和零售业"
    scale = Enterprise.Scale.MICRO
    status = Enterprise.Status.ACTIVE
    business_scope = "日用百货、食品销售。"


def publish_news(parent, **fields):
    """Create a PolicyNewsPage under `parent` and publish it the way the admin does."""
    from cms.pages.models import PolicyNewsPage

    tags = fields.pop("tags", [])
    page = PolicyNewsPage(**fields)
    parent.add_child(instance=page)
    if tags:
        page.tags.set(tags)  # a ClusterTaggableManager is filled after the page exists
    page.save_revision().publish()
    return page


def publish_page(parent, page):
    """Add `page` below `parent` and publish it the way the admin does."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def guide_page(**fields):
    """An unsaved, valid GuidePage (办事指南): two steps, one material, one FAQ entry."""
    from cms.guides.models import GuidePage

    values = {
        "title": "股权出质登记",
        "slug": "equity-pledge",
        "matter_type": "equity_pledge",
        "summary": "以股权出质的，质权自办理出质登记时设立。",
        "steps": [
            {
                "type": "step",
                "value": {"title": "签订质权合同", "description": "<p>书面合同。</p>"},
            },
            {"type": "step", "value": {"title": "申请登记", "description": "<p>共同申请。</p>"}},
        ],
        "materials": [
            {
                "type": "material",
                "value": {"name": "质权合同", "form": "original", "count": 1, "note": ""},
            }
        ],
        "faq": [
            {
                "type": "faq",
                "value": {
                    "question": "股权被冻结还能出质吗？",
                    "answer": "<p>已经被人民法院冻结的股权，在解除冻结之前不得申请出质登记。</p>",
                },
            }
        ],
        "statutory_time_limit": "当场办理",
        "statutory_days": 0,
    }
    return GuidePage(**{**values, **fields})
