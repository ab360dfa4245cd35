"""Schemes, their snapshots and the indexed rows of a snapshot, over a scope of customers."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope, in_scope
from clientela.dashboards.summary import Summary, summarise
from clientela.engine.metrics import Metric
from clientela.segmentation.models import CustomerClass, Scheme, Snapshot

# The order classes are shown in, for the schemes whose classes are fixed.
CLASS_ORDER = {
    "abc": ("A", "B", "C"),
    "abc-count": ("A", "B", "C"),
    "vip": ("vip", "good", "regular"),
    "profit": ("keep", "retain", "review"),
    "matrix": ("EI", "EII", "EIII", "EIV"),
}


@dataclass(frozen=True)
class SchemeFacts:
    """What a scheme ranks by: its key metric (whether money, in cents) and window in months."""

    metric: str
    money: bool
    window_months: int


def scheme_facts(scheme: Scheme) -> SchemeFacts:
    """The metric and window of a saved scheme's definition."""
    metric = Metric(scheme.definition.get("metric", Metric.REVENUE.value))
    return SchemeFacts(metric=metric.value, money=metric.is_money, window_months=scheme.definition.get("window_months", 12))


# The fields of a row, its customer and owner that the dashboards show.
LISTED_FIELDS = (
    "snapshot_id", "customer_id", "label", "previous_label", "rank", "value", "share", "cumulative_share", "contribution", "stability",
    "customer__name", "customer__external_id", "customer__owner__username", "customer__owner__first_name", "customer__owner__last_name",
)  # fmt: skip


def dashboard_schemes(*, kinds: Sequence[str]) -> list[Scheme]:
    """The active schemes of these kinds, by name."""
    return list(Scheme.objects.filter(kind__in=kinds, active=True).order_by("name"))


def default_scheme(schemes: Sequence[Scheme], kind: str) -> Scheme:
    """Among `schemes` (not empty), the one named like the kind (the default scheme of that kind), else the first."""
    return next((scheme for scheme in schemes if scheme.name == kind), schemes[0])


def class_order(scheme: Scheme, labels: Iterable[str] = ()) -> list[str]:
    """The scheme's classes in their natural order (rules: in rule order), then any other `labels` by name."""
    if scheme.kind == "rules":
        known = [rule["label"] for rule in scheme.definition.get("rules", [])] + [scheme.definition.get("otherwise", "C")]
    else:
        known = list(CLASS_ORDER.get(scheme.kind, ()))
    ordered = list(dict.fromkeys(known))
    return ordered + sorted(set(labels) - set(ordered))


def scheme_snapshots(*, scheme: Scheme, until: date | None = None, count: int | None = None) -> list[Snapshot]:
    """The scheme's snapshots up to `until`, one per date (its latest version), newest first; at most `count`."""
    snapshots = Snapshot.objects.filter(scheme=scheme).select_related("scheme").order_by("-as_of", "-version")
    if until is not None:
        snapshots = snapshots.filter(as_of__lte=until)
    latest: dict[date, Snapshot] = {}
    for snapshot in snapshots:
        latest.setdefault(snapshot.as_of, snapshot)
        if count is not None and len(latest) == count:
            break
    return list(latest.values())


def scope_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The indexed rows of a snapshot for the customers in scope, by rank."""
    return in_scope(SnapshotRow.objects.filter(snapshot_id=snapshot_id).order_by("rank"), scope)


def listed_rows(rows: QuerySet[SnapshotRow]) -> QuerySet[SnapshotRow]:
    """Rows with their customer and its owner, to list them (only the fields shown: hundreds of rows are built per page)."""
    return rows.select_related("customer__owner").only(*LISTED_FIELDS)


def company_summary(indexed: IndexedSnapshot) -> Summary:
    """The snapshot's summary over every customer."""
    return Summary.from_json(indexed.summary)


def scope_summary(*, indexed: IndexedSnapshot, scope: Scope) -> Summary:
    """The snapshot's summary over the customers in scope: as stored for everyone, else computed from their rows."""
    if scope.everyone:
        return company_summary(indexed)
    return summarise(scope_rows(snapshot_id=indexed.snapshot_id, scope=scope).values_list("label", "previous_label", "value"))


def scope_summaries(*, indexed: Sequence[IndexedSnapshot], scope: Scope) -> dict[int, Summary]:
    """Summaries of several snapshots over the customers in scope (one query), by snapshot id."""
    if scope.everyone:
        return {item.snapshot_id: Summary.from_json(item.summary) for item in indexed}
    rows: dict[int, list[tuple[str, str | None, int]]] = {item.snapshot_id: [] for item in indexed}
    records = (
        in_scope(SnapshotRow.objects.filter(snapshot_id__in=rows), scope)
        .order_by("snapshot_id", "rank")
        .values_list("snapshot_id", "label", "previous_label", "value")
    )
    for snapshot_id, label, previous, value in records:
        rows[snapshot_id].append((label, previous, value))
    return {snapshot_id: summarise(snapshot_rows) for snapshot_id, snapshot_rows in rows.items()}


def explanations(*, snapshot_id: int, customer_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The stored explanations of some customers in a snapshot, by customer id."""
    return dict(CustomerClass.objects.filter(snapshot_id=snapshot_id, customer_id__in=list(customer_ids)).values_list("customer_id", "explanation"))
