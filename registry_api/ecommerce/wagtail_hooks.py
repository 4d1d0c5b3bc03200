"""Staff review online shops in the Wagtail admin (电子商务 menu): publish (已公开), reject
(未通过) or take down (已下架), through the ecommerce services so the model's rules hold."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet

from core.admin_forms import service_form
from core.public_requests.queue import PublicRequestQueue

from . import services
from .models import OnlineShop


class OnlineShopViewSet(PublicRequestQueue):
    model = OnlineShop
    # Shops arrive through the public form, or staff key one in for an enterprise.
    service_form_class = service_form(
        create=services.online_shop_create, update=services.online_shop_review, row="shop"
    )
    icon = "globe"
    menu_label = "电子商务"
    menu_order = 327
    add_to_admin_menu = True
    list_display = [
        "reference",
        "name",
        "enterprise",
        "platform",
        "category",
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "category", "platform"]
    search_fields = ["reference", "name"]
    ordering = ["status", "-submitted_at"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("enterprise"), FieldPanel("contact_name"), FieldPanel("contact_phone")],
            heading="经营企业与联系人（联系人和电话不公开）",
        ),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("platform"),
                FieldPanel("url"),
                FieldPanel("category"),
                FieldPanel("introduction"),
                FieldPanel("products"),
                FieldPanel("image"),
            ],
            heading="公开内容（公开前请删去其中的手机号码、身份证号码，图片中不得有电话号码或人像）",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_note")], heading="审核"),
    ]


register_snippet(OnlineShopViewSet)
