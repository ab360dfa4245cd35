"""Template filters of the field sales pages: clock times, kilometres, percentages."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from clientela.planning.routes import Reason, name_minute

register = template.Library()


@register.filter
def clock(minute: int | None) -> str:
    """Show minutes since midnight as HH:MM, e.g. 545 -> 09:05."""
    return "" if minute is None else name_minute(minute)


@register.filter
def km(metres: int | None) -> str:
    """Show metres as kilometres with one decimal, rounded half up, e.g. 12345 -> 12.3, 12350 -> 12.4."""
    if metres is None:
        return ""
    return number_format(Decimal(metres).scaleb(-3).quantize(Decimal("0.1"), ROUND_HALF_UP), decimal_pos=1, use_l10n=True)


@register.filter
def percent(rate: float | None) -> str:
    """Show a rate as a whole percentage, e.g. 0.834 -> 83 %; none as a dash."""
    return "–" if rate is None else f"{round(rate * 100)} %"


@register.filter
def duration(minutes: int) -> str:
    """Show minutes as hours and minutes, e.g. 130 -> 2 h 10 min."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


@register.filter
def get_visit(visits: dict, key: int) -> object:
    """The day's visit of a customer id."""
    return visits.get(key)


REASON_LABELS = {
    Reason.NO_COORDINATES: _("no coordinates"),
    Reason.WINDOW_UNREACHABLE: _("time window unreachable"),
    Reason.DAY_TOO_SHORT: _("day too short"),
}


@register.filter
def reason_label(reason: Reason) -> str:
    """Name why a visit is left out of the route."""
    return str(REASON_LABELS[reason])
