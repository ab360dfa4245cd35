"""Template filters of the retention pages."""

from datetime import date

from django import template

register = template.Library()


@register.filter
def days_before(day: date | None, today: date) -> int | None:
    """The days from `day` to `today`, e.g. how long a customer has been silent since its last purchase (None without a day)."""
    return (today - day).days if isinstance(day, date) else None
