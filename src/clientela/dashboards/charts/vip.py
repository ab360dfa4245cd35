"""The VIP register as a month × customer grid, its entries and exits per month, and who dropped out."""

from collections.abc import Iterable

import plotly.graph_objects as go
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import DataTable, customer_link, customer_url, metric_cell
from clientela.dashboards.charts.style import PALETTE, layout
from clientela.dashboards.labels import class_name
from clientela.dashboards.selectors.vip import DroppedOut, RegisterLine, RegisterMonth

NOT_VIP, VIP_COLOUR = "#eef2f5", PALETTE[0]


def register_figure(lines: list[RegisterLine], window: list[str]) -> go.Figure:
    """A row per customer, a column per month of the window; a filled cell is a month in which they were a monthly VIP."""
    # Unique labels (names repeat); long names are cut so the grid keeps its room on a phone.
    names = [f"{_cut(line.row.customer.name)} ({line.row.customer.external_id})" for line in lines]
    return go.Figure(
        go.Heatmap(
            z=[[1 if month in line.months else 0 for month in window] for line in lines],
            x=window,
            y=names,
            zmin=0,
            zmax=1,
            colorscale=[[0, NOT_VIP], [1, VIP_COLOUR]],
            showscale=False,
            xgap=2,
            ygap=2,
            customdata=[[customer_url(line.row.customer_id)] * len(window) for line in lines],
            hovertemplate="%{y} · %{x}<extra></extra>",
        ),
        layout=layout(
            height=max(260, 22 * len(lines) + 120),
            margin={"l": 10, "r": 10, "t": 40, "b": 20},
            xaxis={"side": "top", "type": "category"},
            yaxis={"autorange": "reversed", "type": "category", "automargin": True},
        ),
    )


def history_figure(history: list[RegisterMonth]) -> go.Figure:
    """Entries (up) and exits (down) of the register per snapshot."""
    dates = [date_format(month.as_of, "SHORT_DATE_FORMAT") for month in history]
    return go.Figure(
        data=[
            go.Bar(x=dates, y=[month.entries for month in history], name=_("Entries"), marker_color=PALETTE[0]),
            go.Bar(x=dates, y=[None if month.exits is None else -month.exits for month in history], name=_("Exits"), marker_color=PALETTE[3]),
        ],
        layout=layout(
            barmode="relative",
            height=360,
            xaxis={"type": "category", "title": {"text": _("As of")}},
            yaxis={"title": {"text": _("Customers")}},
        ),
    )


def register_table(lines: Iterable[RegisterLine], window: list[str], *, money: bool) -> DataTable:
    columns = [_("Customer"), _("Salesperson"), _("Paid in the window"), _("Months as VIP"), *window]
    rows = (
        [customer_link(line.row.customer), str(line.row.customer.owner or ""), metric_cell(line.row.value, money), len(line.months),
         *(month in line.months for month in window)]  # fmt: skip
        for line in lines
    )
    return DataTable("vip-register", _("The register: months in which each customer was a monthly VIP"), columns, rows)


def history_table(history: list[RegisterMonth]) -> DataTable:
    columns = [_("As of"), _("Customers in the register"), _("Entries"), _("Exits")]
    rows = [[month.as_of, month.size, month.entries, month.exits] for month in history]
    return DataTable("vip-months", _("Entries and exits per month"), columns, rows)


def dropped_table(dropped: Iterable[DroppedOut], *, money: bool) -> DataTable:
    columns = [_("Customer"), _("Salesperson"), _("Paid in the previous window"), _("Months as VIP before"), _("Paid in the window now"), _("Class now"), _("Alert raised")]
    rows = (
        [customer_link(item.row.customer), str(item.row.customer.owner or ""), metric_cell(item.paid_before, money), ", ".join(item.months_before),
         metric_cell(item.row.value, money), class_name(item.row.label), timezone.localdate(item.alert.created_at) if item.alert else None]  # fmt: skip
        for item in dropped
    )
    return DataTable("vip-dropped", _("Dropped out of the register"), columns, rows)


def _cut(name: str, length: int = 24) -> str:
    return name if len(name) <= length else name[: length - 1] + "…"
