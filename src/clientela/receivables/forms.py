"""The credit terms form: payment days and a credit limit in money (blank: no limit)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from clientela.receivables.models import DEFAULT_PAYMENT_DAYS


class CreditTermsForm(forms.Form):
    payment_days = forms.IntegerField(label=_("Payment terms (days after the invoice)"), min_value=0, max_value=365, initial=DEFAULT_PAYMENT_DAYS)
    credit_limit = forms.DecimalField(
        label=_("Credit limit"), required=False, min_value=Decimal(0), max_digits=15, decimal_places=2, help_text=_("Blank for no limit.")
    )

    def limit_cents(self) -> int | None:
        """The cleaned credit limit in cents (None: no limit)."""
        limit = self.cleaned_data["credit_limit"]
        return None if limit is None else int(limit * 100)
