"""Dashboard pages: thin views that read through the selectors and draw with clientela.dashboards.charts.

Every page takes the filters of DashboardForm in its query string and, with `format=xlsx`, sends
the data of each of its charts and lists as a sheet of an .xlsx file (every row, not only those shown).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from clientela.web.downloads import xlsx_download
from clientela.dashboards.charts import classes, matrix, pareto, profit, risk, vip
from clientela.dashboards.charts.cells import DataTable, sheets
from clientela.dashboards.forms import DEFAULT_MONTHS, FILTERS, DashboardForm
from clientela.dashboards.labels import STRATEGIES, metric_name
from clientela.dashboards.models import IndexedSnapshot
from clientela.dashboards.selectors.classes import CHANGES_LISTED, changed_rows, class_distribution
from clientela.dashboards.selectors.matrix import contribution_stability
from clientela.dashboards.selectors.overview import class_members, vip_drop_outs
from clientela.dashboards.selectors.pareto import pareto as pareto_data
from clientela.dashboards.selectors.profit import loss_rows, profit_bands
from clientela.dashboards.selectors.risk import at_risk as at_risk_data
from clientela.dashboards.selectors.risk import lost_customers, risk_alerts
from clientela.dashboards.selectors.scope import Scope, dashboard_scope
from clientela.dashboards.selectors.snapshots import (
    class_order,
    company_summary,
    latest_snapshots,
    listed_rows,
    scheme_facts,
    scope_rows,
    scope_total,
)
from clientela.dashboards.selectors.vip import VIP, dropped_out, dropped_rows, register_lines, register_month, register_rows, vip_register
from clientela.dashboards.services import INDEXED_KINDS, snapshot_index, snapshots_index_many
from clientela.engine.window import months_before
from clientela.exports import write_workbook
from clientela.web.charts import figure_data
from clientela.web.params import query_without

ABC_KINDS = ("abc", "abc-count")


def _form(request: HttpRequest, *, kinds: Sequence[str] = (), months: bool = False) -> DashboardForm:
    form = DashboardForm(request.GET, user=request.user, kinds=kinds, months=months)
    form.is_valid()
    return form


def _scope(request: HttpRequest, form: DashboardForm) -> Scope:
    return dashboard_scope(user=request.user, filters=form.filters())


def _page(request: HttpRequest, template: str, form: DashboardForm, **context: Any) -> HttpResponse:
    """The page with the form, the query (for the export link) and the filters alone (for links to the other dashboards);
    without data and with status 400 when a filter is invalid."""
    kept = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    context |= {"form": form, "query": query_without(request.GET, "format"), "filter_query": urlencode(kept)}
    return render(request, template, context, status=200 if form.is_valid() else 400)


def _ready(form: DashboardForm) -> bool:
    """Whether the filters are valid and the chosen scheme has a snapshot to show."""
    return form.is_valid() and form.snapshot is not None


def _indexed(form: DashboardForm) -> IndexedSnapshot:
    assert form.snapshot is not None
    return snapshot_index(snapshot=form.snapshot)


def _wants_xlsx(request: HttpRequest) -> bool:
    return request.GET.get("format") == "xlsx"


def _xlsx(page: str, form: DashboardForm, tables: Iterable[DataTable]) -> HttpResponse:
    """An .xlsx download with a sheet per table, named after the page, scheme and date."""
    name = page if form.snapshot is None or form.scheme is None else f"{page}-{form.scheme.name}-{form.snapshot.as_of.isoformat()}"
    return xlsx_download(lambda path: write_workbook(path, sheets(tables)), f"{name}.xlsx")


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Answer at a glance: my A customers, who dropped out of VIP this month and why it matters, which EII customers to recover."""
    form = _form(request)
    if not form.is_valid():
        return _page(request, "dashboards/overview.html", form)
    scope = _scope(request, form)
    newest = latest_snapshots(kinds=("abc", "vip", "matrix"))
    latest = dict(zip(newest, snapshots_index_many(snapshots=list(newest.values())), strict=True))
    context: dict[str, Any] = {"latest": latest}
    if abc := latest.get("abc"):
        facts = scheme_facts(abc.snapshot.scheme)
        members = class_members(indexed=abc, scope=scope, label="A")
        context["a_customers"] = {"count": members.count, "table": pareto.members_table(members.rows, money=facts.money, metric=metric_name(facts.metric))}
    if register := latest.get("vip"):
        drop_outs = vip_drop_outs(indexed=register, scope=scope)
        context["dropped"] = {"count": drop_outs.count, "table": vip.dropped_table(drop_outs.dropped, money=scheme_facts(register.snapshot.scheme).money)}
    if scatter := latest.get("matrix"):
        facts = scheme_facts(scatter.snapshot.scheme)
        members = class_members(indexed=scatter, scope=scope, label="EII")
        table = matrix.points_table(members.rows, table_id="overview-recover", caption=_("EII customers to recover"), share=facts.share, money=facts.money)
        context["recover"] = {"count": members.count, "strategy": STRATEGIES["EII"], "table": table}
    since = months_before(timezone.localdate(), DEFAULT_MONTHS)
    context["risk"] = {"alerts": risk_alerts(scope=scope, since=since).count(), "lost": lost_customers(scope=scope).count(), "since": since}
    return _page(request, "dashboards/overview.html", form, **context)


@login_required
def pareto_chart(request: HttpRequest) -> HttpResponse:
    """Show the Pareto chart of an ABC scheme's snapshot: bars of the first customers, the cumulative share, the class bands."""
    form = _form(request, kinds=ABC_KINDS)
    if not _ready(form):
        return _page(request, "dashboards/pareto.html", form)
    scope, indexed = _scope(request, form), _indexed(form)
    facts = scheme_facts(indexed.snapshot.scheme)
    metric = metric_name(facts.metric)
    data = pareto_data(indexed=indexed, scope=scope)
    if _wants_xlsx(request):
        every = listed_rows(scope_rows(snapshot_id=indexed.snapshot_id, scope=scope)).iterator()
        return _xlsx("pareto", form, [pareto.customers_table(every, summary=data.summary, money=facts.money, metric=metric), pareto.bands_table(data.summary, money=facts.money)])
    order = class_order(indexed.snapshot.scheme, data.summary.classes)
    figure = pareto.pareto_figure(data, order=order, money=facts.money, metric=metric)
    return _page(
        request, "dashboards/pareto.html", form, exportable=True, facts=facts, metric=metric, indexed=indexed, data=data,
        parameters=indexed.parameters.get("A", {}), figure=figure_data(figure),
        tables=pareto.pareto_tables(data, money=facts.money, metric=metric),
    )  # fmt: skip


@login_required
def class_changes(request: HttpRequest) -> HttpResponse:
    """Show a scheme's class distribution over the last snapshots and the flows between the two latest."""
    form = _form(request, kinds=INDEXED_KINDS, months=True)
    if not _ready(form):
        return _page(request, "dashboards/classes.html", form)
    scope, indexed = _scope(request, form), _indexed(form)
    scheme = indexed.snapshot.scheme
    facts = scheme_facts(scheme)
    metric = metric_name(facts.metric)
    distribution = class_distribution(snapshots=form.history(), scope=scope)
    summary = scope_total(indexed=indexed, scope=scope)
    order = class_order(scheme, {label for counts in distribution.counts.values() for label in counts})
    flows = summary.flows or {}
    changes = changed_rows(snapshot_id=indexed.snapshot_id, scope=scope)
    tables = [classes.distribution_table(distribution, order=order), classes.flows_table(flows, order=order)]
    if _wants_xlsx(request):
        return _xlsx("classes", form, [*tables, classes.changes_table(changes.iterator(), money=facts.money, metric=metric)])
    changed = sum(count for (before, after), count in flows.items() if before != after)
    return _page(
        request, "dashboards/classes.html", form, exportable=True, indexed=indexed, order=order, changed=changed,
        distribution_figure=figure_data(classes.distribution_figure(distribution, order=order)),
        flows_figure=figure_data(classes.flows_figure(flows, order=order)) if flows else None,
        distribution_table=tables[0], flows_table=tables[1],
        changes_table=classes.changes_table(list(changes[:CHANGES_LISTED]), money=facts.money, metric=metric), listed=CHANGES_LISTED,
    )  # fmt: skip


@login_required
def matrix_chart(request: HttpRequest) -> HttpResponse:
    """Show the contribution × stability scatter with the EI–EIV quadrants, and the EII customers to recover."""
    form = _form(request, kinds=["matrix"])
    if not _ready(form):
        return _page(request, "dashboards/matrix.html", form)
    scope, indexed = _scope(request, form), _indexed(form)
    scheme = indexed.snapshot.scheme
    facts = scheme_facts(scheme)
    data = contribution_stability(indexed=indexed, scope=scope)
    order = class_order(scheme, data.summary.classes)
    company = data.summary if scope.everyone else company_summary(indexed)
    parameters = next(iter(indexed.parameters.values()), {})
    thresholds = {"contribution": parameters.get("contribution_threshold"), "stability": parameters.get("stability_threshold")}
    time_shares = {label: indexed.parameters.get(label, {}).get("time_share") for label in order}
    quadrants = matrix.quadrants_table(data, order=order, company=company, time_shares=time_shares)
    points = {"share": facts.share, "money": facts.money}
    if _wants_xlsx(request):
        rows = listed_rows(scope_rows(snapshot_id=indexed.snapshot_id, scope=scope))
        return _xlsx("matrix", form, [
            quadrants,
            matrix.points_table(rows.iterator(), table_id="matrix-customers", caption=_("Customers"), **points),
            matrix.points_table(rows.filter(label="EII").iterator(), table_id="matrix-recover", caption=_("EII customers to recover"), **points),
        ])  # fmt: skip
    scale = matrix.contribution_scale(money=facts.money, share=facts.share)
    return _page(
        request, "dashboards/matrix.html", form, exportable=True, indexed=indexed, recover_count=data.summary.customers_in("EII"), data=data,
        facts=facts, metric=metric_name(facts.metric), share=facts.share, thresholds=thresholds, strategy=STRATEGIES["EII"], quadrants_table=quadrants,
        figure=figure_data(matrix.matrix_figure(data, order=order, thresholds=thresholds, scale=scale, share=facts.share)),
        points_table=matrix.points_table(data.points, table_id="matrix-points", caption=_("Customers plotted"), **points),
        recover_table=matrix.points_table(data.recover, table_id="matrix-recover", caption=_("EII customers to recover"), **points),
    )  # fmt: skip


@login_required
def vip_chart(request: HttpRequest) -> HttpResponse:
    """Show the VIP register as a month × customer grid, its entries and exits per month, and who dropped out of it."""
    form = _form(request, kinds=["vip"], months=True)
    if not _ready(form):
        return _page(request, "dashboards/vip.html", form)
    scope = _scope(request, form)
    history = snapshots_index_many(snapshots=form.history())
    indexed = history[-1]
    scheme = indexed.snapshot.scheme
    facts = scheme_facts(scheme)
    data = vip_register(history=history, window=facts.window_months, scope=scope)
    history_table = vip.history_table(data.history)
    if _wants_xlsx(request):
        every = list(register_rows(snapshot_id=indexed.snapshot_id, scope=scope))
        dropped = list(dropped_rows(snapshot_id=indexed.snapshot_id, scope=scope))
        return _xlsx("vip", form, [
            vip.register_table(register_lines(snapshot_id=indexed.snapshot_id, rows=every), data.window, money=facts.money),
            history_table,
            vip.dropped_table(dropped_out(indexed=indexed, rows=dropped), money=facts.money),
        ])  # fmt: skip
    month = register_month(indexed.snapshot.as_of, data.summary)
    return _page(
        request, "dashboards/vip.html", form, exportable=True, indexed=indexed, data=data, facts=facts, month=month, metric=metric_name(facts.metric),
        parameters=indexed.parameters.get(VIP, {}),
        register_figure=figure_data(vip.register_figure(data.register, data.window)) if data.register else None,
        history_figure=figure_data(vip.history_figure(data.history)),
        register_table=vip.register_table(data.register, data.window, money=facts.money), history_table=history_table,
        dropped_table=vip.dropped_table(data.dropped, money=facts.money),
    )  # fmt: skip


@login_required
def profit_chart(request: HttpRequest) -> HttpResponse:
    """Show the profit 20/60/20 bands with their share of the company's profit, and the loss-making customers."""
    form = _form(request, kinds=["profit"])
    if not _ready(form):
        return _page(request, "dashboards/profit.html", form)
    scope, indexed = _scope(request, form), _indexed(form)
    data = profit_bands(indexed=indexed, scope=scope)
    order = class_order(indexed.snapshot.scheme, data.company.classes)
    band_shares = {label: indexed.parameters.get(label, {}).get("band_profit_share") for label in order}
    bands = profit.bands_table(data, order=order, band_shares=band_shares)
    if _wants_xlsx(request):
        return _xlsx("profit", form, [bands, profit.losses_table(loss_rows(snapshot_id=indexed.snapshot_id, scope=scope).iterator())])
    return _page(
        request, "dashboards/profit.html", form, exportable=True, indexed=indexed, data=data, bands_table=bands,
        figure=figure_data(profit.profit_figure(data, order=order, band_shares=band_shares)),
        losses_table=profit.losses_table(data.losses),
    )  # fmt: skip


@login_required
def at_risk(request: HttpRequest) -> HttpResponse:
    """List the customers with open at-risk or lost alerts raised in the chosen months, and the lost customers."""
    form = _form(request, months=True)
    if not form.is_valid():
        return _page(request, "dashboards/risk.html", form)
    scope = _scope(request, form)
    since = months_before(timezone.localdate(), form.cleaned_data["months"])
    if _wants_xlsx(request):
        return _xlsx("at-risk", form, [risk.alerts_table(risk_alerts(scope=scope, since=since).iterator()), risk.lost_table(lost_customers(scope=scope).iterator())])
    data = at_risk_data(scope=scope, since=since)
    return _page(
        request, "dashboards/risk.html", form, exportable=True, data=data, since=since,
        alerts_table=risk.alerts_table(data.alerts), lost_table=risk.lost_table(data.lost),
    )  # fmt: skip
