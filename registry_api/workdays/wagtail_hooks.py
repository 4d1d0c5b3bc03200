"""节假日安排 in the Wagtail admin, under 设置: staff add next year's arrangement when the
State Council publishes it (usually in November)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = "节假日安排"
    add_to_settings_menu = True
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]


register_snippet(CalendarDayViewSet)
