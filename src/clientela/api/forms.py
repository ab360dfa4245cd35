"""The form of a new API token."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.api.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=ApiToken._meta.get_field("name").max_length, required=False, help_text=_("What the token is for, e.g. the ERP export.")
    )
