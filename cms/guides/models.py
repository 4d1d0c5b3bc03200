"""The service guide (办事指南) of the 市场准入 sub-platform: how to get one matter done."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.pages.field_lists import api_fields_of, panels_of, search_fields_of
from cms.pages.model_fields import body_field
from cms.pages.models import PlatformItemPage, choice_display
from cms.pages.rules import CrossFieldRulesMixin

from .blocks import FaqsBlock, LegalBasisBlock, MaterialsBlock, OfficesBlock, StepsBlock


class GuidePage(CrossFieldRulesMixin, PlatformItemPage):
    """One matter (登记注册, 股权出质, 商标质押…): steps, materials, fees, time limits, legal
    basis, where and online, and the questions people ask. Lives below a PlatformPage."""

    class MatterType(models.TextChoices):
        REGISTRATION = "registration", "登记注册"
        LICENSING = "licensing", "许可备案"
        ANNUAL_REPORT = "annual_report", "年度报告"
        EQUITY_PLEDGE = "equity_pledge", "股权出质"
        TRADEMARK_PLEDGE = "trademark_pledge", "商标质押"
        CHATTEL_MORTGAGE = "chattel_mortgage", "动产抵押指引"

    matter_type = models.CharField("事项类型", max_length=32, choices=MatterType.choices)
    summary = models.TextField(
        "事项简介", max_length=500, help_text="一两句话说明本事项是什么、谁需要办理"
    )
    steps = StreamField(StepsBlock(), verbose_name="办理流程")
    materials = StreamField(MaterialsBlock(), blank=True, verbose_name="申请材料")
    fees = models.CharField("收费标准", max_length=200, default="不收费")
    statutory_time_limit = models.CharField("法定时限", max_length=300, blank=True)
    statutory_days = models.PositiveSmallIntegerField(
        "法定时限（工作日）", null=True, blank=True, help_text="0 表示当场办结；无明确天数可留空"
    )
    promised_time_limit = models.CharField("承诺时限", max_length=300, blank=True)
    promised_days = models.PositiveSmallIntegerField(
        "承诺时限（工作日）", null=True, blank=True, help_text="0 表示当场办结；无明确天数可留空"
    )
    legal_basis = StreamField(LegalBasisBlock(), blank=True, verbose_name="法律依据")
    offices = StreamField(OfficesBlock(), blank=True, verbose_name="办理地点")
    online_url = models.URLField("网上办理链接", blank=True)
    online_service_name = models.CharField(
        "网上办理平台名称", max_length=100, blank=True, help_text="如：国家企业信用信息公示系统"
    )
    faq = StreamField(FaqsBlock(), blank=True, verbose_name="常见问题")
    body = body_field("办理须知")

    content_panels = [
        *Page.content_panels,
        *panels_of("matter_type summary steps materials"),
        MultiFieldPanel(
            [
                FieldPanel("fees"),
                FieldRowPanel([FieldPanel("statutory_time_limit"), FieldPanel("statutory_days")]),
                FieldRowPanel([FieldPanel("promised_time_limit"), FieldPanel("promised_days")]),
            ],
            heading="收费与时限",
        ),
        *panels_of("legal_basis offices"),
        MultiFieldPanel(panels_of("online_url online_service_name"), heading="网上办理"),
        *panels_of("faq body"),
    ]
    search_fields = search_fields_of("summary steps faq", filtered="matter_type")
    api_fields = api_fields_of(
        "matter_type matter_type_display summary steps materials fees"
        " statutory_time_limit statutory_days promised_time_limit promised_days"
        " legal_basis offices online_url online_service_name faq body"
    )

    class Meta:
        verbose_name = "办事指南"
        verbose_name_plural = "办事指南"

    def cross_field_errors(self) -> dict[str, str]:
        """Rules across fields, shared by the admin and the content loader."""
        errors = {}
        if (
            self.promised_days is not None
            and self.statutory_days is not None
            and self.promised_days > self.statutory_days
        ):
            errors["promised_days"] = "承诺时限不能长于法定时限。"
        if self.statutory_days is not None and not self.statutory_time_limit:
            errors["statutory_time_limit"] = "填写了法定时限天数，请同时用文字说明法定时限。"
        if self.promised_days is not None and not self.promised_time_limit:
            errors["promised_time_limit"] = "填写了承诺时限天数，请同时用文字说明承诺时限。"
        if self.online_service_name and not self.online_url:
            errors["online_url"] = "填写了网上办理平台名称，请同时填写链接。"
        return errors

    matter_type_display = choice_display("matter_type")
