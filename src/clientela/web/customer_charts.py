"""The customer file's chart: monthly revenue, written as plotly.js data (the file is the most opened page)."""

from datetime import date
from typing import Any

from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _

from clientela.web.charts import plain_figure

ACCENT = "#0b6e4f"


def month_label(first: date) -> str:
    """A month as the active language writes it short, e.g. "Jan 2025"."""
    return date_format(first, "M Y")


def monthly_revenue_figure(revenue: list[tuple[date, int]]) -> dict[str, Any]:
    """Bars of revenue per month (cents shown in currency units); returns are negative bars."""
    bars = {
        "hovertemplate": "%{x}: %{y:,.2f}<extra></extra>",
        "marker": {"color": ACCENT},
        "x": [month_label(first) for first, _cents in revenue],
        "y": [cents / 100 for _first, cents in revenue],
        "type": "bar",
    }
    layout = {
        "margin": {"l": 60, "r": 10, "t": 10, "b": 50},
        "height": 280,
        "yaxis": {"title": {"text": _("Revenue")}},
        "separators": f"{get_format('DECIMAL_SEPARATOR')}{get_format('THOUSAND_SEPARATOR')}",
        "plot_bgcolor": "#fff",
    }
    return plain_figure(data=[bars], layout=layout)
