"""Schemes, their snapshots and the indexed rows of a snapshot, over a scope of customers."""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.selectors.scope import Scope, in_scope
from clientela.dashboards.summary import Summary, summarise, summarise_groups
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
    """What a scheme ranks by: its key metric (whether money, in cents), window in months, and (matrix) whether
    the contribution is a share of the total rather than the metric."""

    metric: str
    money: bool
    window_months: int
    share: bool


def scheme_facts(scheme: Scheme) -> SchemeFacts:
    """The metric and window of a saved scheme's definition."""
    definition = scheme.definition
    metric = Metric(definition.get("metric", Metric.REVENUE.value))
    return SchemeFacts(metric.value, metric.is_money, definition.get("window_months", 12), definition.get("contribution") == "share")


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


def latest_snapshots(*, kinds: Sequence[str]) -> dict[str, Snapshot]:
    """The latest snapshot of the default scheme of each kind that has one."""
    schemes = dashboard_schemes(kinds=kinds)
    latest = {}
    for kind in kinds:
        of_kind = [scheme for scheme in schemes if scheme.kind == kind]
        snapshots = scheme_snapshots(scheme=default_scheme(of_kind, kind), count=1) if of_kind else []
        if snapshots:
            latest[kind] = snapshots[0]
    return latest


def scope_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The indexed rows of a snapshot for the customers in scope, by rank."""
    rows = SnapshotRow.objects.filter(snapshot_id=snapshot_id)
    if scope.everyone:
        return rows.order_by("rank")
    # Ordered by an expression, not by the column: ordered by the column, SQLite walks the rank index over every
    # customer of the snapshot and reads each row to test it; this way it looks up the customers in scope and sorts them.
    return in_scope(rows, scope).order_by(F("rank") + 0)


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


def scope_totals(*, indexed: Sequence[IndexedSnapshot], scope: Scope) -> dict[int, Summary]:
    """Customers and value per class, flows and losses of snapshots over the customers in scope, by snapshot id.

    As stored for everyone (with the curve); else counted by the database in one query (without it),
    which looks up the customers in scope by the unique index (on SQLite, given the statistics that
    indexing a snapshot gathers).
    """
    if scope.everyone:
        return {item.snapshot_id: company_summary(item) for item in indexed}
    groups: dict[int, list[tuple[str | None, str, int, int, int, int]]] = {item.snapshot_id: [] for item in indexed}
    counted = (
        in_scope(SnapshotRow.objects.filter(snapshot_id__in=groups), scope)
        .values_list("snapshot_id", "previous_label", "label")
        .annotate(
            customers=Count("pk"),
            total=Coalesce(Sum("value"), 0),
            gains=Coalesce(Sum("value", filter=Q(value__gt=0)), 0),
            losses=Count("pk", filter=Q(value__lt=0)),
        )
        .order_by()
    )
    for snapshot_id, previous, label, customers, total, gains, losses in counted:
        groups[snapshot_id].append((previous, label, customers, total, gains, losses))
    return {snapshot_id: summarise_groups(rows) for snapshot_id, rows in groups.items()}


def scope_total(*, indexed: IndexedSnapshot, scope: Scope) -> Summary:
    """`scope_totals` of one snapshot."""
    return scope_totals(indexed=[indexed], scope=scope)[indexed.snapshot_id]


def explanations(*, snapshot_id: int, customer_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The stored explanations of some customers in a snapshot, by customer id."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(list(customer_ids)):
        found.update(CustomerClass.objects.filter(snapshot_id=snapshot_id, customer_id__in=chunk).values_list("customer_id", "explanation"))
    return found


def chunks(ids: list[int], size: int = 10_000) -> Iterator[list[int]]:
    """`ids` in lists of at most `size`: SQLite takes at most 32,766 values in a query (an export lists them all)."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
