"""Forms of the customer file (SPEC S1), one per section; the views hand their cleaned data to crm services."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Model, QuerySet
from django.forms.models import model_to_dict
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Contact, ContactPreference, Customer, CustomerProfile, CustomFieldDefinition, DoNotContactPeriod, Tag, User
from clientela.crm.services.customers import PROFILE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def model_form(model: type[Model], fields: list[str], widgets: dict[str, forms.Widget] | None = None) -> type[forms.Form]:
    """A plain form with the model's fields (labels, choices, validators): it checks the input, never the
    instance; the service saving the data checks the record as a whole and names what is wrong."""
    return type(f"{model.__name__}Fields", (forms.Form,), dict(forms.fields_for_model(model, fields=fields, widgets=widgets)))


def initial(instance: Model | None, form: type[forms.Form]) -> dict[str, Any]:
    """The form's fields as stored in `instance` (nothing for a missing one)."""
    return {} if instance is None else model_to_dict(instance, fields=list(form.base_fields))


class DetailsForm(model_form(Customer, ["name", "kind", "status", "owner", "channel", "industry", "phone", "email", "customer_since", "founded_on"], {"customer_since": DATE, "founded_on": DATE})):  # type: ignore[misc]
    """Who the customer is; the owner only for those who may hand customers over (supervisors, admins)."""

    def __init__(self, *args: Any, owners: QuerySet[User] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if owners is None:
            del self.fields["owner"]
        else:
            self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


AddressForm = model_form(Customer, ["address", "city", "postal_code", "country", "region", "latitude", "longitude"])

ProfileForm = model_form(
    CustomerProfile,
    list(PROFILE_FIELDS),
    {name: forms.Textarea(attrs={"rows": 2}) for name in ("preferences", "personal_relationships", "character_traits")}
    | {"notes": forms.Textarea(attrs={"rows": 4})},
)


class PreferenceForm(model_form(ContactPreference, ["preferred_from", "preferred_to", "meeting_time", "meeting_style", "preferred_channel"], {"preferred_from": TIME, "preferred_to": TIME})):  # type: ignore[misc]
    """When and how the customer likes to be contacted; the scheduler respects it."""

    preferred_days = forms.TypedMultipleChoiceField(
        label=_("preferred days"), choices=list(WEEKDAYS.items()), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    field_order = ["preferred_days"]


ContactForm = model_form(Contact, ["name", "role", "phone", "email", "birthday", "preferred_contact_times", "is_primary"], {"birthday": DATE})

DoNotContactForm = model_form(DoNotContactPeriod, ["start", "end", "reason"], {"start": DATE, "end": DATE})


class GroupsForm(forms.Form):
    """The groups the customer belongs to; new groups are created by name."""

    tags = forms.ModelMultipleChoiceField(
        label=_("groups"), queryset=Tag.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    new = forms.CharField(
        label=_("new groups"), max_length=400, required=False, help_text=_("Names separated by commas, e.g. family, key account.")
    )

    def cleaned_names(self) -> list[str]:
        """The new group names typed in."""
        return [name.strip() for name in self.cleaned_data["new"].split(",") if name.strip()]


class CustomFieldsForm(forms.Form):
    """The admin-defined extra fields, each with the input its type needs."""

    def __init__(self, *args: Any, definitions: list[CustomFieldDefinition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.definitions = definitions
        for definition in definitions:
            self.fields[definition.key] = _custom_field(definition)

    def values(self) -> dict[str, Any]:
        """The cleaned values as stored in `Customer.custom_fields` (JSON: numbers, booleans, ISO dates)."""
        values: dict[str, Any] = {}
        for key, value in self.cleaned_data.items():
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            elif isinstance(value, date):
                value = value.isoformat()
            values[key] = value
        return values


def _custom_field(definition: CustomFieldDefinition) -> forms.Field:
    types = CustomFieldDefinition.FieldType
    label = definition.label
    if definition.field_type == types.NUMBER:
        return forms.DecimalField(label=label, required=False)
    if definition.field_type == types.DATE:
        return forms.DateField(label=label, required=False, widget=DATE)
    if definition.field_type == types.BOOLEAN:
        return forms.NullBooleanField(label=label, required=False)
    if definition.field_type == types.CHOICE:
        return forms.ChoiceField(label=label, required=False, choices=[("", "–"), *((choice, choice) for choice in definition.choices)])
    return forms.CharField(label=label, required=False, max_length=500)

