"""Wagtail admin forms that save through a kind's service: the admin and the API write one way.

The form validates as any admin form (the model's `clean()`, field by field, in Chinese); its
`save()` then hands the values to the kind's service instead of saving the row itself, so the
service's own rules and its writes (one save, one audit entry) are the API's. A rule only the
service checks raises `ValidationError` during the save: `ServiceSnippetViewSet`'s create and
edit views show it on the form under its field, and the transaction around the save stores
nothing of it. Each kind declares its form in its app (`wagtail_hooks.py`); `core` imports no
app, so the services are reached through the form's two methods.
"""

from collections.abc import Callable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet


class ServiceModelForm(WagtailAdminModelForm):
    """A kind's admin form: `service_create(values)` makes a new row, `service_update(row,
    values)` changes one; `values` maps the form's model fields to what they now hold."""

    def service_create(self, values: dict):
        """A kind whose rows arrive another way (a public form, an import) keeps this."""
        raise ValidationError("此类记录不能在后台新建。")

    def service_update(self, instance, values: dict):
        raise NotImplementedError

    def _update_errors(self, errors):
        # The model's clean() may name a field the form shows read-only (not a form field):
        # Django would raise ValueError for it; it is shown at the top of the form instead.
        super()._update_errors(errors_on_form(self, errors))

    def service_values(self) -> dict:
        """The form's own fields, read back from the instance the form filled in (file fields
        and cleared inputs are then what the model holds), many-to-many ones aside."""
        concrete = {field.name for field in self.instance._meta.concrete_fields}
        return {name: getattr(self.instance, name) for name in self.fields if name in concrete}

    def save(self, commit=True):
        if not commit:  # a preview or a revision: nothing is written
            return super().save(commit=False)
        values = self.service_values()
        if self.instance._state.adding:
            self.instance = self.service_create(values)
        else:
            self.instance = self.service_update(self.instance, values)
        self._save_m2m()
        return self.instance


def service_form(
    *, update: Callable, row: str, create: Callable | None = None
) -> type[ServiceModelForm]:
    """The `ServiceModelForm` of a kind whose service is two functions: `create(**values)` makes
    a row (None: rows arrive another way), `update(**{row: the row}, **values)` changes one."""

    class ServiceFunctionsForm(ServiceModelForm):
        def service_create(self, values):
            if create is None:
                return super().service_create(values)
            return create(**values)

        def service_update(self, instance, values):
            return update(**{row: instance}, **values)

    return ServiceFunctionsForm


def errors_on_form(form, error: ValidationError) -> ValidationError:
    """`error` with each message under its field when the form shows that field, else at
    the top (a rule about a read-only field or the row as a whole)."""
    if not hasattr(error, "error_dict"):
        return error
    placed: dict[str, list] = {}
    for name, errors in error.error_dict.items():
        placed.setdefault(name if name in form.fields else NON_FIELD_ERRORS, []).extend(errors)
    return ValidationError(placed)


def form_errors_add(form, error: ValidationError) -> None:
    """Put a service's refusal on the form (`errors_on_form`)."""
    form.add_error(None, errors_on_form(form, error))


class ServiceErrorsMixin:
    """For a create or edit view: a `ValidationError` from the save shows the form again."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:  # raised inside the view's transaction: rolled back
            form_errors_add(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ServiceCreateView(ServiceErrorsMixin, snippets.CreateView):
    pass


class ServiceEditView(ServiceErrorsMixin, snippets.EditView):
    pass


class ServiceCopyView(ServiceErrorsMixin, snippets.CopyView):
    pass


class ServiceSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose forms are built on `service_form_class` (a `ServiceModelForm`
    subclass; None keeps Wagtail's plain model form) and show the service's refusals."""

    service_form_class: type[ServiceModelForm] | None = None
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView
    copy_view_class = ServiceCopyView

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        if self.service_form_class is not None:
            edit_handler.base_form_class = self.service_form_class
        return edit_handler
