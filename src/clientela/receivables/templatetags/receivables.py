"""The credit warning on a customer's file."""

from typing import Any

from django import template
from django.utils import timezone

from clientela.crm.models import Customer
from clientela.receivables.selectors.ageing import customer_statement

register = template.Library()


@register.inclusion_tag("receivables/_credit_warning.html")
def credit_warning(customer: Customer) -> dict[str, Any]:
    """What the customer owes, overdue and against its credit limit, with a link to its statement."""
    return {"customer": customer, "standing": customer_statement(customer=customer, as_of=timezone.localdate()).standing}
