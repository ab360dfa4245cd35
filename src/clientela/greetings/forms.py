"""The bulk greeting form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Tag
from clientela.greetings.models import Channel, Occasion


class BulkGreetingForm(forms.Form):
    """Whom to greet (a group, or everyone visible), for what occasion, on what day and how."""

    occasion = forms.ChoiceField(label=_("occasion"), choices=Occasion.choices)
    occasion_date = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices)
    group = forms.ModelChoiceField(label=_("group"), queryset=Tag.objects.all(), required=False, empty_label=_("All my customers"))
