"""The product mix's filters: region, period (as-of date and window), metric and thresholds."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import Region
from clientela.engine.metrics import Metric
from clientela.engine.product_mix import ProductMix
from clientela.engine.schemes.abc import AbcScheme

MONTHS = [(3, _("3 months")), (6, _("6 months")), (12, _("12 months")), (24, _("24 months"))]
METRICS = [(Metric.REVENUE.value, _("revenue")), (Metric.UNITS.value, _("units")), (Metric.PROFIT.value, _("gross profit"))]


class MixForm(forms.Form):
    """Which customers' purchases (region), when (as-of date and window), ranked by what, and what counts as a decline or few buyers."""

    region = forms.ModelChoiceField(label=_("region"), queryset=Region.objects.order_by("code"), required=False, empty_label=_("All"))
    as_of = forms.DateField(label=_("as of"), widget=forms.DateInput(attrs={"type": "date"}))
    months = forms.TypedChoiceField(label=_("period"), choices=MONTHS, coerce=int, initial=12)
    metric = forms.ChoiceField(label=_("rank by"), choices=METRICS, initial=Metric.REVENUE.value)
    few_buyers = forms.IntegerField(label=_("few customers: fewer than"), min_value=1, max_value=100_000, initial=5)
    decline = forms.IntegerField(label=_("decline from (%)"), min_value=1, max_value=100, initial=10)

    def mix(self) -> ProductMix:
        """The engine's settings from the cleaned form."""
        data: dict[str, Any] = self.cleaned_data
        scheme = AbcScheme(name="products", metric=Metric(data["metric"]), window_months=data["months"])
        return ProductMix(abc=scheme, decline=data["decline"] / 100, few_buyers=data["few_buyers"])
