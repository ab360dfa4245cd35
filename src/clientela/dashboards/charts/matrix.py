"""The contribution × stability scatter with the EI–EIV quadrants and thresholds; points open the customer's file."""

from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import DataTable, Percent, customer_link, customer_url, metric_cell
from clientela.dashboards.charts.style import LINE, class_colours, layout
from clientela.dashboards.labels import STRATEGIES, class_name
from clientela.dashboards.models import SnapshotRow
from clientela.dashboards.selectors.matrix import Matrix
from clientela.dashboards.summary import Summary

QUADRANTS = {"EI": (0.99, 0.99), "EII": (0.99, 0.01), "EIII": (0.01, 0.99), "EIV": (0.01, 0.01)}  # paper x, y


def contribution_scale(*, money: bool, share: bool) -> float:
    """What a stored contribution is divided by to be shown: cents → currency units for money values."""
    return 100.0 if money and not share else 1.0


def matrix_figure(data: Matrix, *, order: list[str], thresholds: dict[str, float | None], scale: float, share: bool) -> go.Figure:
    """The largest customers shown as points, one colour per class, on a logarithmic contribution axis."""
    colours = class_colours(order)
    plotted = [row for row in data.points if (row.contribution or 0) > 0]
    traces = []
    for label in order:
        rows = [row for row in plotted if row.label == label]
        traces.append(
            go.Scatter(
                x=np.array([row.contribution / scale for row in rows], dtype=float),
                y=np.array([row.stability for row in rows], dtype=float),
                mode="markers",
                marker={"color": colours[label], "size": 9, "line": {"width": 1, "color": "#fff"}},
                customdata=np.array([customer_url(row.customer_id) for row in rows], dtype=object),
                hovertext=np.array([row.customer.name for row in rows], dtype=object),
                hovertemplate="%{hovertext}<br>%{x:" + (".2%" if share else ",.2f") + "} · %{y:.3f}<extra>" + class_name(label) + "</extra>",
                name=class_name(label),
            )
        )
    contribution, stability = thresholds.get("contribution"), thresholds.get("stability")
    lines = []
    if contribution:
        lines.append({"type": "line", "x0": contribution / scale, "x1": contribution / scale, "y0": 0, "y1": 1, "yref": "paper", "line": {"color": LINE, "dash": "dash"}})
    if stability is not None:
        lines.append({"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": stability, "y1": stability, "line": {"color": LINE, "dash": "dash"}})
    quadrants = [
        {"x": x, "y": y, "xref": "paper", "yref": "paper", "xanchor": "right" if x > 0.5 else "left", "yanchor": "top" if y > 0.5 else "bottom",
         "text": f"<b>{class_name(label)}</b>", "showarrow": False, "font": {"color": colours.get(label, LINE), "size": 16}}  # fmt: skip
        for label, (x, y) in QUADRANTS.items()
    ]
    return go.Figure(
        data=traces,
        layout=layout(
            height=480,
            shapes=lines,
            annotations=quadrants,
            xaxis={"title": {"text": _("Contribution (logarithmic)")}, "type": "log", "dtick": "D2", "tickformat": ".1%" if share else "~s"},
            yaxis={"title": {"text": _("Stability")}},
        ),
    )


def quadrants_table(data: Matrix, *, order: list[str], company: Summary, time_shares: dict[str, float | None]) -> DataTable:
    rows = [
        [class_name(label), str(STRATEGIES.get(label, "")), data.summary.customers_in(label), company.customers_in(label), Percent(time_shares.get(label))]
        for label in order
    ]
    columns = [_("Class"), _("Strategy"), _("Customers shown"), _("Customers (company)"), _("Recommended share of time")]
    return DataTable("matrix-classes", _("Classes and strategies"), columns, rows)


def contribution_cell(value: float | None, *, share: bool, money: bool) -> object:
    """A contribution as stored: a share of the total, or the key metric (cents for money)."""
    if value is None:
        return None
    return Percent(value) if share else metric_cell(round(value), money)


def points_table(rows: Iterable[SnapshotRow], *, table_id: str, caption: str, share: bool, money: bool) -> DataTable:
    """Customers with their class, contribution and stability."""
    lines = (
        [customer_link(row.customer), str(row.customer.owner or ""), class_name(row.label), contribution_cell(row.contribution, share=share, money=money),
         None if row.stability is None else round(row.stability, 3), row.rank]  # fmt: skip
        for row in rows
    )
    columns = [_("Customer"), _("Salesperson"), _("Class"), _("Contribution"), _("Stability"), _("Rank")]
    return DataTable(table_id, caption, columns, lines)
