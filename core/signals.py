"""Signals an app sends about its own rows, for the apps that keep copies of them.

Django sends no signal for `bulk_update`, `bulk_create` or `QuerySet.update`; a service that
writes that way sends `rows_changed` itself, once, with the primary keys it touched. The search
app re-syncs the documents of those rows, publishing asks for a site build; neither needs to
be named by the sender.

`day_started` is sent once a day by `manage.py daily_refresh` (a timer or the task worker runs
it after midnight, Beijing time): an app with work that follows the calendar (a mark entering
its renewal window, a publicity period ending) connects a receiver to it.
"""

from django.dispatch import Signal

# sender: the model class; pks: the primary keys of the changed rows.
rows_changed = Signal()

# sender: None; day: the local date that started. Receivers return a line for the log.
day_started = Signal()
