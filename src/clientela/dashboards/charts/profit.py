"""Profit 20/60/20: each band's share of the company's profit (bars), and the loss-making customers."""

from collections.abc import Iterable

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import DataTable, Percent, customer_link, metric_cell
from clientela.dashboards.charts.style import PALETTE, layout
from clientela.dashboards.labels import STRATEGIES, class_name
from clientela.dashboards.models import SnapshotRow
from clientela.dashboards.selectors.profit import ProfitBands


def profit_figure(data: ProfitBands, *, order: list[str], band_shares: dict[str, float | None]) -> go.Figure:
    """Per band: its share of the company's profit, and the share that the customers shown in it bring."""
    names = [class_name(label) for label in order]
    shares = {_("Whole band"): [band_shares.get(label) for label in order], _("Customers shown"): [data.company_share(label) for label in order]}
    bars = [
        go.Bar(x=names, y=values, name=name, marker_color=colour, texttemplate="%{y:.1%}", hovertemplate="%{x}: %{y:.1%}<extra></extra>")
        for (name, values), colour in zip(shares.items(), (PALETTE[5], PALETTE[0]), strict=True)
    ]
    return go.Figure(data=bars, layout=layout(barmode="group", height=380, yaxis={"title": {"text": _("Share of the company's profit")}, "tickformat": ".0%"}))


def bands_table(data: ProfitBands, *, order: list[str], band_shares: dict[str, float | None]) -> DataTable:
    rows = [
        [class_name(label), str(STRATEGIES.get(label, "")), data.company.customers_in(label), Percent(band_shares.get(label)),
         data.summary.customers_in(label), metric_cell(data.summary.value_in(label), True), Percent(data.company_share(label))]  # fmt: skip
        for label in order
    ]
    columns = [_("Band"), _("Strategy"), _("Customers (company)"), _("Share of profit (company)"), _("Customers shown"),
               _("Profit of the customers shown"), _("Their share of the company's profit")]  # fmt: skip
    return DataTable("profit-bands", _("Bands and their share of profit"), columns, rows)


def losses_table(rows: Iterable[SnapshotRow]) -> DataTable:
    lines = ([customer_link(row.customer), str(row.customer.owner or ""), metric_cell(row.value, True), class_name(row.label), row.rank] for row in rows)
    columns = [_("Customer"), _("Salesperson"), _("Profit"), _("Band"), _("Rank")]
    return DataTable("profit-losses", _("Loss-making customers"), columns, lines)
