"""The admin form of contract templates: lets the page's own clean() see the edited inlines."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

INLINES = ("fill_fields", "editions")


def _kept_instances(formset) -> list:
    """The child objects the formset would keep, in order, with the submitted values."""
    if formset.can_order:
        forms = formset.ordered_forms  # skips deleted forms and untouched extra forms
    else:
        deleted = set(formset.deleted_forms) if formset.can_delete else set()
        forms = [
            form
            for i, form in enumerate(formset.forms)
            if form not in deleted and (i < formset.initial_form_count() or form.has_changed())
        ]
    for position, form in enumerate(forms):
        form.instance.sort_order = position
    return [form.instance for form in forms]


class ContractTemplatePageForm(WagtailAdminPageForm):
    """Rules across fill-in fields and editions live in ContractTemplatePage.clean(), which the
    content loader also runs. A model form validates the page before its inline formsets are
    applied, so clean() would see the stored inlines; here the edited ones are put in place
    first (in memory, as ClusterForm.save(commit=False) does later) once they are valid."""

    def clean(self):
        cleaned_data = super().clean()
        formsets = {name: self.formsets.get(name) for name in INLINES}
        if all(formset is not None and formset.is_valid() for formset in formsets.values()):
            for name, formset in formsets.items():
                setattr(self.instance, name, _kept_instances(formset))
        return cleaned_data
