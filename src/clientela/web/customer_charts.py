"""The customer file's chart: monthly revenue, built in Python and drawn by plotly.js."""

from datetime import date

import plotly.graph_objects as go
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _

ACCENT = "#0b6e4f"


def month_label(first: date) -> str:
    """A month as the active language writes it short, e.g. "Jan 2025"."""
    return date_format(first, "M Y")


def monthly_revenue_figure(revenue: list[tuple[date, int]]) -> go.Figure:
    """Bars of revenue per month (cents shown in currency units); returns are negative bars."""
    figure = go.Figure(
        go.Bar(
            x=[month_label(first) for first, _cents in revenue],
            y=[cents / 100 for _first, cents in revenue],
            marker_color=ACCENT,
            hovertemplate="%{x}: %{y:,.2f}<extra></extra>",
        )
    )
    figure.update_layout(
        height=280,
        margin={"l": 60, "r": 10, "t": 10, "b": 50},
        yaxis_title=_("Revenue"),
        separators=f"{get_format('DECIMAL_SEPARATOR')}{get_format('THOUSAND_SEPARATOR')}",
        plot_bgcolor="#fff",
    )
    return figure
