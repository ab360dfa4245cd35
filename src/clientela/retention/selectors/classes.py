"""Customers' classes at a date: the latest snapshot on or before it of each active scheme."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery

from clientela.segmentation.models import CustomerClass, Scheme, Snapshot
from clientela.segmentation.services import TOP_CLASSES

# The important classes of each scheme kind (SPEC S7): the top classes (A, VIP), and in the matrix EII besides EI.
IMPORTANT_CLASSES: dict[str, frozenset[str]] = {kind: frozenset({top}) for kind, top in TOP_CLASSES.items()} | {
    "matrix": frozenset({"EI", "EII"})
}


def snapshots_on(day: date) -> list[tuple[str, str, int]]:
    """(scheme name, kind, snapshot id) of the latest snapshot on or before `day` of each active scheme that has one."""
    latest = Snapshot.objects.filter(scheme=OuterRef("pk"), as_of__lte=day).order_by("-as_of", "-version").values("pk")[:1]
    schemes = Scheme.objects.filter(active=True).annotate(snapshot=Subquery(latest)).filter(snapshot__isnull=False)
    return list(schemes.order_by("name").values_list("name", "kind", "snapshot"))


def classes_on(*, customer_ids: Iterable[int], day: date) -> dict[int, dict[str, str]]:
    """Each customer's class by scheme name at `day`, for the customers given."""
    snapshots = {snapshot: name for name, _, snapshot in snapshots_on(day)}
    rows = CustomerClass.objects.filter(snapshot_id__in=list(snapshots), customer_id__in=list(customer_ids))
    classes: dict[int, dict[str, str]] = defaultdict(dict)
    for customer, snapshot, label in rows.values_list("customer_id", "snapshot_id", "label"):
        classes[customer][snapshots[snapshot]] = label
    return {customer: dict(sorted(labels.items())) for customer, labels in classes.items()}


def important_classes(*, as_of: date) -> QuerySet[CustomerClass]:
    """The classes that make customers important (`IMPORTANT_CLASSES`) in the latest snapshots on or before `as_of`."""
    important = Q(pk__in=[])
    for _, kind, snapshot in snapshots_on(as_of):
        if kind in IMPORTANT_CLASSES:
            important |= Q(snapshot_id=snapshot, label__in=sorted(IMPORTANT_CLASSES[kind]))
    return CustomerClass.objects.filter(important)


def class_labels(classes: QuerySet[CustomerClass]) -> dict[int, list[str]]:
    """Each customer's classes as "scheme class", by scheme name."""
    labels: dict[int, list[str]] = defaultdict(list)
    for customer, scheme, label in classes.order_by("customer_id", "snapshot__scheme__name").values_list("customer_id", "snapshot__scheme__name", "label"):
        labels[customer].append(f"{scheme} {label}")
    return dict(labels)
