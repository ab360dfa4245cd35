"""Template filters for money stored as integer cents."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def cents(value: int | None) -> str:
    """Show integer cents as a localized amount with two decimals, e.g. 123456 -> 1,234.56."""
    if value is None:
        return ""
    return number_format(Decimal(value).scaleb(-2), decimal_pos=2, use_l10n=True, force_grouping=True)
