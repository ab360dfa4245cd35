"""Pipeline forms: a new prospect, its deal and scores, a stage move."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.pipeline.models import OPEN_STAGES, LeadChannel, LowIntentionReason, Stage

LEVEL = [("", "–"), *((n, str(n)) for n in range(1, 6))]


def _level(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=LEVEL, coerce=int, empty_value=None, required=False)


class DealFields(forms.Form):
    """Expected profit (in currency units, stored as cents), expected signing date, lead source and channel."""

    expected_value = forms.DecimalField(label=_("expected profit"), min_value=0, max_digits=14, decimal_places=2, required=False)
    expected_signing_on = forms.DateField(label=_("expected signing date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    lead_source = forms.CharField(label=_("lead source"), max_length=100, required=False)
    lead_channel = forms.ChoiceField(label=_("lead channel"), choices=[("", "–"), *LeadChannel.choices], required=False)
    tax_id = forms.CharField(label=_("tax id"), max_length=32, required=False)

    def deal(self) -> dict[str, Any]:
        """The cleaned deal as service arguments (money in cents)."""
        data = self.cleaned_data
        value: Decimal | None = data["expected_value"]
        return {
            "expected_value_cents": None if value is None else int(value * 100),
            "expected_signing_on": data["expected_signing_on"],
            "lead_source": data["lead_source"].strip(),
            "lead_channel": data["lead_channel"],
            "tax_id": data["tax_id"],
        }


class ProspectForm(DealFields):
    """A new prospect: who it is, where it came from, what we expect, and its first stage."""

    name = forms.CharField(label=_("name"), max_length=200)
    city = forms.CharField(label=_("town"), max_length=100, required=False)
    phone = forms.CharField(label=_("phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    stage = forms.ChoiceField(label=_("stage"), choices=[(stage, Stage(stage).label) for stage in OPEN_STAGES], initial=Stage.FUTURE)
    reason = forms.CharField(label=_("why this stage"), max_length=300, required=False)
    confirmed = forms.BooleanField(label=_("create it anyway: it is not one of the customers above"), required=False)

    field_order = ["name", "city", "phone", "email", "tax_id", "lead_source", "lead_channel", "expected_value", "expected_signing_on", "stage", "reason"]


class ScoresForm(DealFields):
    """The deal and the prospect-matrix indicators (1–5) with the salesperson's judgement."""

    strength_scale = _level(_("strength and scale"))
    management_level = _level(_("management level"))
    distribution_network = _level(_("distribution network"))
    buyers_purchasing_power = _level(_("purchasing power of its buyers"))
    marketing_level = _level(_("marketing level"))
    growth_capability = _level(_("growth capability"))
    competitive_advantage = _level(_("our competitive advantage"))
    strategic_importance = _level(_("strategic importance"))
    judgement = _level(_("your judgement of their intention"))
    low_intention_reason = forms.ChoiceField(label=_("reason for low intention"), choices=[("", "–"), *LowIntentionReason.choices], required=False)

    SCORES = (
        "strength_scale", "management_level", "distribution_network", "buyers_purchasing_power", "marketing_level",
        "growth_capability", "competitive_advantage", "strategic_importance", "judgement", "low_intention_reason",
    )  # fmt: skip

    def data_for_update(self) -> dict[str, Any]:
        return self.deal() | {name: self.cleaned_data[name] for name in self.SCORES}


class MoveForm(forms.Form):
    """Move a prospect by hand (to lost, or back from it, too), with the reason."""

    stage = forms.ChoiceField(label=_("move to"), choices=[(value, label) for value, label in Stage.choices])
    reason = forms.CharField(label=_("reason"), max_length=300, required=False)
