"""The filters of the audit page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.audit.models import AuditEvent
from clientela.audit.selectors import TrailFilter, object_types
from clientela.crm.models import User

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrailFilterForm(forms.Form):
    """Narrow the trail by user, object type, action, customer and dates (all optional)."""

    actor = forms.ModelChoiceField(label=_("user"), queryset=User.objects.order_by("username"), required=False)
    object_type = forms.ChoiceField(label=_("object type"), required=False)
    action = forms.ChoiceField(label=_("action"), choices=[("", "---------"), *AuditEvent.Action.choices], required=False)
    customer = forms.CharField(label=_("customer"), required=False, max_length=200, help_text=_("External id, or part of the name."))
    start = forms.DateField(label=_("from"), required=False, widget=DATE_INPUT)
    end = forms.DateField(label=_("to"), required=False, widget=DATE_INPUT)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["object_type"].choices = [("", "---------"), *object_types()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period must not end before it starts."))
        return data

    def where(self) -> TrailFilter:
        """The filter of a valid form."""
        data = self.cleaned_data
        return TrailFilter(
            actor=data["actor"].pk if data["actor"] else None,
            object_type=data["object_type"],
            action=data["action"],
            customer=data["customer"].strip(),
            start=data["start"],
            end=data["end"],
        )
