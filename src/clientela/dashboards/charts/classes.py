"""Class distribution over the last snapshots (stacked bars) and the flows between the two latest (a heatmap)."""

from collections.abc import Iterable

import plotly.graph_objects as go
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clientela.dashboards.charts.cells import DataTable, customer_link, metric_cell
from clientela.dashboards.charts.style import class_colours, layout
from clientela.dashboards.labels import NEW_NAME, class_name
from clientela.dashboards.models import SnapshotRow
from clientela.dashboards.selectors.classes import Distribution
from clientela.dashboards.summary import NEW


def distribution_figure(data: Distribution, *, order: list[str]) -> go.Figure:
    """Customers per class in each snapshot, stacked."""
    colours = class_colours(order)
    dates = [date_format(snapshot.as_of, "SHORT_DATE_FORMAT") for snapshot in data.snapshots]
    bars = [
        go.Bar(
            x=dates,
            y=[data.counts[snapshot.pk].get(label, 0) for snapshot in data.snapshots],
            name=class_name(label),
            marker_color=colours[label],
            hovertemplate=f"{class_name(label)}: %{{y:,}}<extra></extra>",
        )
        for label in order
    ]
    return go.Figure(
        data=bars, layout=layout(barmode="stack", legend={"orientation": "h", "y": -0.2, "traceorder": "normal"}, xaxis={"title": {"text": _("As of")}, "type": "category"}, yaxis={"title": {"text": _("Customers")}})
    )


def flow_labels(flows: dict[tuple[str, str], int], order: list[str]) -> tuple[list[str], list[str]]:
    """The previous classes (rows: the scheme's, then new customers) and the classes (columns) that the flows use."""
    before = [label for label in order if any(b == label for b, _after in flows)]
    if any(b == NEW for b, _after in flows):
        before.append(NEW)
    return before, order


def flows_figure(flows: dict[tuple[str, str], int], *, order: list[str]) -> go.Figure:
    """How many customers went from each previous class (rows) to each class (columns)."""
    before, after = flow_labels(flows, order)
    names = [str(NEW_NAME) if label == NEW else class_name(label) for label in before]
    z = [[flows.get((b, a), 0) for a in after] for b in before]
    return go.Figure(
        go.Heatmap(
            z=z,
            x=[class_name(label) for label in after],
            y=names,
            text=[[f"{count:,}" for count in line] for line in z],
            texttemplate="%{text}",
            colorscale="Greens",
            showscale=False,
            hovertemplate=_("from %(before)s to %(after)s") % {"before": "%{y}", "after": "%{x}"} + ": %{z:,}<extra></extra>",
        ),
        layout=layout(
            height=max(240, 60 * len(before) + 100),
            xaxis={"title": {"text": _("Class now")}, "side": "top"},
            yaxis={"title": {"text": _("Class before")}, "autorange": "reversed"},
        ),
    )


def distribution_table(data: Distribution, *, order: list[str]) -> DataTable:
    columns = [_("As of"), *(class_name(label) for label in order), _("Total")]
    rows = [
        [snapshot.as_of, *(data.counts[snapshot.pk].get(label, 0) for label in order), sum(data.counts[snapshot.pk].values())]
        for snapshot in data.snapshots
    ]
    return DataTable("class-distribution", _("Customers per class"), columns, rows)


def flows_table(flows: dict[tuple[str, str], int], *, order: list[str]) -> DataTable:
    before, after = flow_labels(flows, order)
    columns = [_("Class before"), *(class_name(label) for label in after), _("Total")]
    rows = [
        [str(NEW_NAME) if b == NEW else class_name(b), *(flows.get((b, a), 0) for a in after), sum(flows.get((b, a), 0) for a in after)]
        for b in before
    ]
    return DataTable("class-flows", _("Customers from each class before to each class now"), columns, rows)


def changes_table(rows: Iterable[SnapshotRow], *, money: bool, metric: str) -> DataTable:
    columns = [_("Customer"), _("Salesperson"), _("Class before"), _("Class now"), _("Rank"), metric.capitalize()]
    lines = (
        [customer_link(row.customer), str(row.customer.owner or ""), str(NEW_NAME) if row.previous_label == NEW else class_name(row.previous_label or ""),
         class_name(row.label), row.rank, metric_cell(row.value, money)]  # fmt: skip
        for row in rows
    )
    return DataTable("class-changes", _("Customers whose class changed"), columns, lines)

