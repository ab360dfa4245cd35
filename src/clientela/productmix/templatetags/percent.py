"""Template filter for shares and changes stored as fractions."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """Show a fraction as a percentage with one decimal, e.g. -0.2222 -> -22.2 %; "–" for none."""
    if value is None:
        return "–"
    return f"{floatformat(value * 100, 1)} %"
