"""The Pareto chart: the first customers as bars, the cumulative share of all customers shown as a line, class bands."""

import math
from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import DataTable, Percent, customer_link, customer_url, metric_cell
from clientela.dashboards.charts.style import LINE, class_colours, layout, money_units
from clientela.dashboards.labels import class_name
from clientela.dashboards.models import SnapshotRow
from clientela.dashboards.selectors.pareto import Pareto
from clientela.dashboards.summary import Summary


def pareto_figure(data: Pareto, *, order: list[str], money: bool, metric: str) -> go.Figure:
    """Bars of the first customers, the cumulative share line on a second axis, a shaded band per class.

    When more customers are shown than bars, the rank axis is logarithmic so the bars and the
    whole line both fit.
    """
    colours = class_colours(order)
    n = data.summary.customers
    log = n > len(data.top) and n > 1
    bands = [
        {"type": "rect", "xref": "x", "yref": "paper", "x0": first - 0.5, "x1": last + 0.5, "y0": 0, "y1": 1,
         "fillcolor": colours.get(label, LINE), "opacity": 0.1, "layer": "below", "line": {"width": 0}}  # fmt: skip
        for label, first, last in data.summary.bands
    ]
    # Annotations, unlike shapes, take log10 of the position on a logarithmic axis.
    middles = [(label, math.sqrt((first - 0.5) * (last + 0.5)) if log else (first + last) / 2) for label, first, last in data.summary.bands]
    names = [
        {"x": math.log10(middle) if log else middle, "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False, "text": class_name(label)}
        for label, middle in middles
    ]
    bars = go.Bar(
        x=np.arange(1, len(data.top) + 1),
        y=np.array([money_units(row.value, money) for row in data.top], dtype=float),
        marker_color=[colours.get(row.label, LINE) for row in data.top],
        customdata=np.array([customer_url(row.customer_id) for row in data.top], dtype=object),
        hovertext=np.array([f"{row.customer.name} · {class_name(row.label)}" for row in data.top], dtype=object),
        hovertemplate="%{hovertext}<br>%{y:,}<extra></extra>",
        name=_("Customers (first %(count)d)") % {"count": len(data.top)},
    )
    line = go.Scatter(
        x=np.array([position for position, _share in data.summary.curve]),
        y=np.array([share for _position, share in data.summary.curve], dtype=float),
        yaxis="y2",
        mode="lines",
        line={"color": LINE, "width": 2},
        hovertemplate="%{x:,}: %{y:.1%}<extra></extra>",
        name=_("Cumulative share of the customers shown"),
    )
    axis_range = [math.log10(0.5), math.log10(n + 0.5)] if log else [0.5, max(n, 1) + 0.5]
    return go.Figure(
        data=[bars, line],
        layout=layout(
            shapes=bands,
            annotations=names,
            xaxis={"title": {"text": _("Customers by rank (logarithmic)") if log else _("Customers by rank")}, "type": "log" if log else "linear", "range": axis_range, **({"dtick": "D2"} if log else {})},
            yaxis={"title": {"text": metric}, "rangemode": "tozero"},
            yaxis2={"overlaying": "y", "side": "right", "range": [0, 1.02], "dtick": 0.2, "tickformat": ".0%", "showgrid": False},
            bargap=0.15,
        ),
    )


def pareto_tables(data: Pareto, *, money: bool, metric: str) -> list[DataTable]:
    """The bars' customers and the class bands, as tables."""
    return [customers_table(data.top, summary=data.summary, money=money, metric=metric), bands_table(data.summary, money=money)]


def customers_table(rows: Iterable[SnapshotRow], *, summary: Summary, money: bool, metric: str) -> DataTable:
    """Customers in rank order: their company-wide rank, share and cumulative share, and the cumulative share among those shown."""

    def lines() -> Iterable[list[object]]:
        running = 0
        for position, row in enumerate(rows, 1):
            running += max(row.value, 0)
            shown = running / summary.positive_total if summary.positive_total else None
            yield [position, row.rank, customer_link(row.customer), str(row.customer.owner or ""), class_name(row.label),
                   metric_cell(row.value, money), Percent(row.share), Percent(row.cumulative_share), Percent(shown)]  # fmt: skip

    columns = [_("Position"), _("Rank"), _("Customer"), _("Salesperson"), _("Class"), metric.capitalize(),
               _("Share"), _("Cumulative share (company)"), _("Cumulative share (shown)")]  # fmt: skip
    return DataTable("pareto-customers", _("Customers by rank"), columns, lines())


def bands_table(summary: Summary, *, money: bool) -> DataTable:
    """Each class's positions, customers, value and the cumulative share at its last position."""
    at = dict(summary.curve)
    rows = [
        [class_name(label), first, last, last - first + 1, metric_cell(summary.classes[label].value, money), Percent(at.get(last))]
        for label, first, last in summary.bands
    ]
    columns = [_("Class"), _("From position"), _("To position"), _("Customers"), _("Value"), _("Cumulative share at its end")]
    return DataTable("pareto-classes", _("Classes along the ranking"), columns, rows)


def members_table(rows: Iterable[SnapshotRow], *, money: bool, metric: str) -> DataTable:
    """Customers of a class by rank, with their company-wide share and cumulative share."""
    lines = (
        [row.rank, customer_link(row.customer), str(row.customer.owner or ""), metric_cell(row.value, money), Percent(row.share), Percent(row.cumulative_share)]
        for row in rows
    )
    columns = [_("Rank"), _("Customer"), _("Salesperson"), metric.capitalize(), _("Share"), _("Cumulative share (company)")]
    return DataTable("class-members", _("Customers of the class"), columns, lines)
