"""How many customers each class holds over the last snapshots, and who moved between classes."""

from dataclasses import dataclass

from django.db.models import Count, F, QuerySet

from clientela.dashboards.models import SnapshotRow
from clientela.dashboards.selectors.scope import Scope, in_scope
from clientela.dashboards.selectors.snapshots import listed_rows, scope_rows
from clientela.segmentation.models import CustomerClass, Snapshot


@dataclass(frozen=True)
class Distribution:
    """Customers per class in each snapshot (oldest first)."""

    snapshots: list[Snapshot]
    counts: dict[int, dict[str, int]]  # snapshot id -> class -> customers


def class_distribution(*, snapshots: list[Snapshot], scope: Scope) -> Distribution:
    """Customers per class in each of `snapshots` over the customers in scope."""
    ordered = sorted(snapshots, key=lambda snapshot: snapshot.as_of)
    if scope.everyone:
        return Distribution(ordered, {snapshot.pk: dict(snapshot.class_counts) for snapshot in ordered})
    counts: dict[int, dict[str, int]] = {snapshot.pk: {} for snapshot in ordered}
    grouped = (
        in_scope(CustomerClass.objects.filter(snapshot__in=ordered), scope)
        .values_list("snapshot_id", "label")
        .annotate(customers=Count("pk"))
        .order_by()
    )
    for snapshot_id, label, customers in grouped:
        counts[snapshot_id][label] = customers
    return Distribution(ordered, counts)


CHANGES_LISTED = 50


def changed_rows(*, snapshot_id: int, scope: Scope) -> QuerySet[SnapshotRow]:
    """The customers in scope whose class differs from the previous snapshot's, by rank."""
    rows = scope_rows(snapshot_id=snapshot_id, scope=scope).filter(previous_label__isnull=False).exclude(previous_label=F("label"))
    return listed_rows(rows)
