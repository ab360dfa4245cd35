"""The credit warning on a customer's file."""

from typing import Any

from django import template
from django.utils import timezone

from clientela.crm.models import Customer
from clientela.receivables.selectors.credit import credit_standing_oldest_first

register = template.Library()


@register.inclusion_tag("receivables/_credit_warning.html")
def credit_warning(customer: Customer) -> dict[str, Any]:
    """What the customer owes, overdue and against its credit limit, with a link to its statement.

    When the ledger has to be allocated, the warning is loaded after the page (`views.credit_warning`).
    """
    return {"customer": customer, "standing": credit_standing_oldest_first(customer=customer, as_of=timezone.localdate())}
