"""The follow-up form (contact log)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.followup.models import ContactLog


class ContactLogForm(forms.ModelForm):
    """Date/time, channel, duration, purpose, outcome, next step and notes — quick to fill in."""

    class Meta:
        model = ContactLog
        fields = ["at", "channel", "minutes", "purpose", "outcome", "next_step", "next_step_on", "notes"]
        widgets = {
            "at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "next_step_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"at": _("when")}
