"""Customers' classes at a date: the latest snapshot on or before it of each active scheme."""

import math
from bisect import bisect_right
from collections import defaultdict
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


def classes_at(*, days: dict[int, date]) -> dict[int, dict[str, str]]:
    """Each customer's class by scheme name at its own day (customer id -> day), from the latest snapshot on or before it of each active scheme."""
    history: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for name, as_of, snapshot in Snapshot.objects.filter(scheme__active=True).order_by("scheme__name", "as_of", "version").values_list("scheme__name", "as_of", "pk"):
        history[name].append((as_of, snapshot))  # the highest version of a date comes last
    picked: dict[tuple[int, int], str] = {}
    for customer, day in days.items():
        for name, snapshots in history.items():
            position = bisect_right(snapshots, (day, math.inf))
            if position:
                picked[(snapshots[position - 1][1], customer)] = name
    classes: dict[int, dict[str, str]] = defaultdict(dict)
    rows = CustomerClass.objects.filter(snapshot_id__in={snapshot for snapshot, _ in picked}, customer_id__in=list(days))
    for snapshot, customer, label in rows.values_list("snapshot_id", "customer_id", "label"):
        if (snapshot, customer) in picked:
            classes[customer][picked[(snapshot, customer)]] = label
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
