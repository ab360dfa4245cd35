"""The loss form: a reason from the list (text for "other") and, when marking, the day."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.retention.models import LossReason


class LossForm(forms.Form):
    reason = forms.ChoiceField(label=_("reason"), choices=[(value, label) for value, label in LossReason.choices if value != LossReason.UNKNOWN])
    reason_text = forms.CharField(label=_("in words"), max_length=300, required=False, help_text=_("Required when the reason is “other”."))
    lost_on = forms.DateField(
        label=_("lost on"), required=False, help_text=_("Today when left empty."), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
