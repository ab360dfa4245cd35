"""Template filters of the customer file."""

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.dates import WEEKDAYS

register = template.Library()


@register.filter
def weekday(day: int) -> str:
    """The name of a weekday, 0 = Monday, in the active language."""
    return str(WEEKDAYS.get(day, day))


@register.filter
def lookup(values: Mapping[str, Any], key: str) -> Any:
    """`values[key]`, or None (custom field values by their key)."""
    return values.get(key)
