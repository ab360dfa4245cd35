"""Field sales forms: the start point, a planned visit, a target."""

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Customer, Product, User
from clientela.fieldsales.models import PlannedVisit, StartPoint

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StartPointForm(forms.ModelForm):
    """Where the day starts and ends, and the average speed."""

    class Meta:
        model = StartPoint
        fields = ["label", "latitude", "longitude", "speed_kmh"]


class PlannedVisitForm(forms.Form):
    """A visit to one of the salesperson's customers, planned for the year, quarter, month or day of a date."""

    customer = forms.ModelChoiceField(label=_("customer"), queryset=Customer.objects.none())
    period = forms.ChoiceField(label=_("planned for the"), choices=PlannedVisit.Period.choices)
    day = forms.DateField(label=_("a day in it"), widget=DATE_INPUT)
    objective = forms.ChoiceField(label=_("object"), choices=PlannedVisit.Objective.choices)
    purpose = forms.CharField(label=_("purpose"), max_length=300)
    minutes = forms.IntegerField(label=_("minutes"), min_value=5, max_value=480, initial=30)

    def __init__(self, *args: Any, customers: QuerySet[Customer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = customers  # type: ignore[attr-defined]


class TargetForm(forms.Form):
    """A target of a month, or of a year spread over its months by last year's seasonality."""

    salesperson = forms.ModelChoiceField(label=_("salesperson"), queryset=User.objects.none())
    customer = forms.ModelChoiceField(label=_("customer (empty: all theirs)"), queryset=Customer.objects.none(), required=False)
    product = forms.ModelChoiceField(label=_("product"), queryset=Product.objects.all(), required=False)
    family = forms.ChoiceField(label=_("or product family"), required=False)
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    month = forms.IntegerField(label=_("month (empty: the year, spread by last year's seasonality)"), min_value=1, max_value=12, required=False)
    amount = forms.DecimalField(label=_("amount"), min_value=Decimal(0), max_digits=15, decimal_places=2, required=False)
    units = forms.IntegerField(label=_("units"), min_value=0, required=False)

    def __init__(self, *args: Any, salespeople: QuerySet[User], customers: QuerySet[Customer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["salesperson"].queryset = salespeople  # type: ignore[attr-defined]
        self.fields["customer"].queryset = customers  # type: ignore[attr-defined]
        families = Product.objects.exclude(family="").order_by("family").values_list("family", flat=True).distinct()
        self.fields["family"].choices = [("", "—"), *((family, family) for family in families)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("product") and data.get("family"):
            self.add_error("family", _("Give a product or a product family, not both."))
        if data.get("amount") is None and data.get("units") is None:
            self.add_error("amount", _("Give an amount, units or both."))
        return data

    def target_data(self) -> dict[str, Any]:
        """The cleaned form as the keyword arguments of `target_save` / `target_year_spread` (month apart)."""
        data = self.cleaned_data
        return {
            "salesperson": data["salesperson"],
            "year": data["year"],
            "customer": data["customer"],
            "product": data["product"],
            "family": data["family"] or "",
            "amount_cents": None if data["amount"] is None else int(data["amount"] * 100),
            "units": data["units"],
        }
