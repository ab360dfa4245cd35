"""Writes of the dashboards: index snapshots into their read model (clientela.dashboards.models)."""

from django.db import connection, transaction
from django.db.models import BigIntegerField, FloatField, IntegerField
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from clientela.crm.services.bulk import bulk_upsert
from clientela.dashboards.models import IndexedSnapshot, SnapshotRow
from clientela.dashboards.summary import summarise
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot

# The explanation's figures copied into typed columns of SnapshotRow.
FIGURES = {
    "rank": IntegerField,
    "value": BigIntegerField,
    "share": FloatField,
    "cumulative_share": FloatField,
    "contribution": FloatField,
    "stability": FloatField,
}
# What the explanation repeats on every row of a class.
PARAMETERS = (
    "a_threshold",
    "b_threshold",
    "contribution_threshold",
    "stability_threshold",
    "vip_threshold",
    "good_threshold",
    "keep_threshold",
    "review_threshold",
    "band_profit_share",
    "strategy",
    "priority",
    "time_share",
)
# Prospects are scored, not ranked by a metric: their matrix has pages of its own.
INDEXED_KINDS = ("abc", "abc-count", "rules", "vip", "profit", "matrix")
BATCH_SIZE = 5000


def snapshot_index(*, snapshot: Snapshot) -> IndexedSnapshot:
    """The snapshot's read model, built now if it is missing (once; seconds at 100,000 customers)."""
    return snapshots_index_many(snapshots=[snapshot])[0]


def snapshots_index_many(*, snapshots: list[Snapshot]) -> list[IndexedSnapshot]:
    """The read models of `snapshots`, in their order, building those that are missing."""
    built = {indexed.snapshot_id: indexed for indexed in IndexedSnapshot.objects.filter(snapshot__in=snapshots)}
    result = [built.get(snapshot.pk) or _index_build(snapshot) for snapshot in snapshots]
    for indexed, snapshot in zip(result, snapshots, strict=True):
        indexed.snapshot = snapshot  # already at hand: reading it again would cost a query per snapshot
    return result


@transaction.atomic
def _index_build(snapshot: Snapshot) -> IndexedSnapshot:
    # Concurrent first views of a snapshot build it in turn; the second finds it built.
    Snapshot.objects.select_for_update().get(pk=snapshot.pk)
    built = IndexedSnapshot.objects.filter(snapshot=snapshot).first()
    if built is not None:
        return built
    previous = Snapshot.objects.filter(scheme_id=snapshot.scheme_id, as_of__lt=snapshot.as_of).order_by("-as_of", "-version").first()
    changes = dict(ClassChange.objects.filter(snapshot=snapshot).values_list("customer_id", "from_class"))
    figures = {name: Cast(KT(f"explanation__{name}"), field()) for name, field in FIGURES.items()}
    records = (
        CustomerClass.objects.filter(snapshot=snapshot)
        .annotate(**figures)
        .order_by("rank", "customer_id")
        .values_list("customer_id", "label", *FIGURES)
        .iterator(chunk_size=BATCH_SIZE)
    )
    rows = [
        (snapshot.pk, customer, label, None if previous is None else changes.get(customer, label), *values)
        for customer, label, *values in records
    ]
    bulk_upsert(
        SnapshotRow,
        fields=("snapshot", "customer", "label", "previous_label", *FIGURES),
        rows=rows,
        unique_fields=("snapshot", "customer"),
        update_fields=(),
        batch_size=BATCH_SIZE,
    )
    indexed = IndexedSnapshot(
        snapshot=snapshot,
        previous=previous,
        summary=summarise((label, before, value or 0) for _, _, label, before, _, value, *_ in rows).to_json(),
        parameters={label: _parameters(snapshot, label) for label in snapshot.class_counts},
    )
    indexed.full_clean()
    indexed.save()
    _statistics_refresh()
    return indexed


def _statistics_refresh() -> None:
    """Give SQLite's planner statistics of the rows (PostgreSQL gathers its own).

    Without them it guesses, and finds a salesperson's few customers by walking an index over every
    customer of the snapshot. A sample of 1,000 rows per index is enough and takes milliseconds.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute(f"ANALYZE {connection.ops.quote_name(SnapshotRow._meta.db_table)}")


def _parameters(snapshot: Snapshot, label: str) -> dict[str, object]:
    explanation = CustomerClass.objects.filter(snapshot=snapshot, label=label).values_list("explanation", flat=True).first() or {}
    return {key: explanation[key] for key in PARAMETERS if key in explanation}


def snapshots_index_recent(*, months: int) -> list[IndexedSnapshot]:
    """Index the snapshots of the last `months` dates of every active scheme the dashboards show; return those built now."""
    built = []
    for scheme in Scheme.objects.filter(active=True, kind__in=INDEXED_KINDS):
        dates = list(Snapshot.objects.filter(scheme=scheme).order_by("-as_of").values_list("as_of", flat=True).distinct()[:months])
        for snapshot in Snapshot.objects.filter(scheme=scheme, as_of__in=dates, indexed__isnull=True).order_by("as_of", "version"):
            built.append(_index_build(snapshot))
    return built
