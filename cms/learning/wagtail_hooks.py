"""活动报名 in the Wagtail admin: each event's attendee list (CSV), 签到 and cancellation."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.registrations.admin import RegistrationListing, mark_attended_action

from .models import EventRegistration


class EventRegistrationListing(RegistrationListing):
    model = EventRegistration
    target_field = "event"
    target_heading = "活动"
    menu_label = "活动报名"
    icon = "date"
    add_to_admin_menu = True
    menu_order = 330
    url_prefix = "event-registrations"
    export_filename = "event-registrations"


register_snippet(EventRegistrationListing)
hooks.register("register_bulk_action", mark_attended_action(EventRegistration))
