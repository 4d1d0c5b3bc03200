"""The admin form of a partner key: scopes as checkboxes, and a box to revoke the key."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Scope


class PartnerKeyForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label="权限范围", choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    revoke = forms.BooleanField(
        label="撤销此密钥", required=False, help_text="撤销立即生效，且不可恢复；需要时请签发新密钥"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["revoke"]  # a key is issued live; revoking comes later
        elif self.instance.revoked_at is not None:
            self.fields["revoke"].disabled = True
            self.fields["revoke"].initial = True
            self.fields["revoke"].help_text = f"已于{self.instance.revoked_at:%Y-%m-%d %H:%M}撤销"
