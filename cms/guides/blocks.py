"""StreamField blocks of a service guide: steps, materials, legal basis, offices and FAQ."""

import re

from wagtail import blocks

from cms.pages.blocks import field_error

# Short explanations with links and lists; headings belong to the page, not to one step.
GUIDE_RICHTEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# An office line: a landline with optional area code and extension (0476-8888888, 0476-8888888-123)
# or a short service hotline (12315, 12345).
OFFICE_PHONE = re.compile(r"^(?:(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,6})?|\d{5})$")
MOBILE_PHONE = re.compile(r"^1[3-9]\d{9}$")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100, label="步骤名称")
    description = blocks.RichTextBlock(
        features=GUIDE_RICHTEXT_FEATURES, required=False, label="说明"
    )

    class Meta:
        icon = "list-ol"
        label = "办理步骤"


class MaterialBlock(blocks.StructBlock):
    FORMS = [
        ("original", "原件"),
        ("copy", "复印件"),
        ("original_and_copy", "原件及复印件"),
        ("electronic", "电子材料"),
    ]

    name = blocks.CharBlock(max_length=200, label="材料名称")
    form = blocks.ChoiceBlock(choices=FORMS, default="original", label="材料形式")
    count = blocks.IntegerBlock(min_value=1, max_value=99, default=1, label="份数")
    note = blocks.CharBlock(required=False, max_length=300, label="备注")

    class Meta:
        icon = "doc-full"
        label = "申请材料"

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["form_display"] = dict(self.FORMS).get(value["form"], "")
        return data


class LawReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=200, label="法律法规名称", help_text="如：《中华人民共和国市场主体登记管理条例》"
    )
    provision = blocks.CharBlock(
        required=False, max_length=200, label="条款", help_text="如：第十九条；可留空"
    )
    url = blocks.URLBlock(required=False, label="链接", help_text="法规全文的网址；可留空")
    link_text = blocks.CharBlock(
        required=False, max_length=50, label="链接文字", help_text="留空时显示“查看全文”"
    )

    class Meta:
        icon = "link"
        label = "法律依据"

    def clean(self, value):
        value = super().clean(value)
        if value.get("link_text") and not value.get("url"):
            raise field_error("url", "填写了链接文字，请同时填写链接。")
        return value


class OfficeBlock(blocks.StructBlock):
    place = blocks.CharBlock(
        max_length=100, label="办理地点", help_text="如：红山区政务服务中心市场监管窗口"
    )
    address = blocks.CharBlock(required=False, max_length=200, label="地址")
    hours = blocks.CharBlock(required=False, max_length=200, label="办公时间")
    phone = blocks.CharBlock(
        required=False,
        max_length=30,
        label="咨询电话",
        help_text="办公电话或服务热线，如 0476-1234567、12315；不要填写个人手机号",
    )

    class Meta:
        icon = "site"
        label = "办理地点"

    def clean(self, value):
        value = super().clean(value)
        phone = (value.get("phone") or "").strip()
        if phone and MOBILE_PHONE.match(phone):
            raise field_error("phone", "请填写办公电话或服务热线，不要公开个人手机号。")
        if phone and not OFFICE_PHONE.match(phone):
            raise field_error("phone", "电话格式应为 0476-1234567、0476-1234567-123 或 12315。")
        return value


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label="问题")
    answer = blocks.RichTextBlock(features=GUIDE_RICHTEXT_FEATURES, label="解答")

    class Meta:
        icon = "help"
        label = "常见问题"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1


class MaterialsBlock(blocks.StreamBlock):
    material = MaterialBlock()


class LegalBasisBlock(blocks.StreamBlock):
    law = LawReferenceBlock()


class OfficesBlock(blocks.StreamBlock):
    office = OfficeBlock()


class FaqsBlock(blocks.StreamBlock):
    faq = FaqBlock()
