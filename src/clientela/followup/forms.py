"""The follow-up forms: a contact, and a group activity."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer
from clientela.followup.models import ContactLog, GroupActivity


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


class GroupActivityForm(forms.Form):
    """A training, trip or promotion event with the customers who attended."""

    kind = forms.ChoiceField(label=_("kind"), choices=GroupActivity.Kind.choices)
    title = forms.CharField(label=_("title"), max_length=200)
    at = forms.DateTimeField(label=_("when"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    minutes = forms.IntegerField(label=_("minutes"), min_value=5, max_value=1440)
    attendees = forms.ModelMultipleChoiceField(label=_("attending customers"), queryset=Customer.objects.none(), widget=forms.SelectMultiple(attrs={"size": 12}))
    notes = forms.CharField(label=_("notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: object, customers: QuerySet[Customer], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["attendees"].queryset = customers  # type: ignore[attr-defined]
