"""Writes of segmentation (SPEC S3): save schemes, run them into dated snapshots, record class changes and alerts."""

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from typing import Any

import ibis
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from clientela.audit.models import AuditEvent
from clientela.audit.services import audit_record
from clientela.crm.models import Alert, Customer
from clientela.crm.services.bulk import bulk_upsert
from clientela.engine.inputs import app_inputs
from clientela.engine.schema import INPUT_TABLES
from clientela.engine.schemes import SchemeError, scheme_from_dict
from clientela.engine.schemes.base import SchemeDefinition
from clientela.engine.shared import with_shared_metrics
from clientela.retention.selectors.fits import stability_alive_as_of
from clientela.segmentation.defaults import default_schemes
from clientela.segmentation.models import ClassChange, CustomerClass, Scheme, Snapshot

# Leaving a scheme's top class alerts the customer's owner.
TOP_CLASSES = {"abc": "A", "abc-count": "A", "rules": "A", "vip": "vip", "matrix": "EI"}
BATCH_SIZE = 5000


class SegmentationRefused(Exception):
    """A run that cannot be done; the message says why in one line."""


def scheme_definition_clean(*, name: str, definition: dict[str, Any], version: int) -> SchemeDefinition:
    """Read a definition as the engine does, named and versioned as its scheme; ValidationError names the bad field."""
    try:
        return scheme_from_dict({**definition, "name": name, "version": version})
    except SchemeError as error:
        raise ValidationError({"definition": str(error)}) from None


@transaction.atomic
def scheme_save(*, name: str, definition: dict[str, Any], active: bool = True) -> Scheme:
    """Create or update a scheme by name; a changed definition gets the next version."""
    scheme = Scheme.objects.select_for_update().filter(name=name).first() or Scheme(name=name)
    scheme.active = active
    scheme.full_clean(exclude=["kind", "definition"])
    parsed = scheme_definition_clean(name=name, definition=definition, version=scheme.version)
    if scheme.pk is not None and parsed.model_dump(mode="json") != scheme.definition:
        scheme.version += 1
        parsed = parsed.model_copy(update={"version": scheme.version})
    scheme.kind = parsed.kind
    scheme.definition = parsed.model_dump(mode="json")
    scheme.updated_at = timezone.now()
    scheme.save()
    return scheme


def default_schemes_create() -> list[Scheme]:
    """Save the default schemes that are missing (after the database was emptied)."""
    existing = set(Scheme.objects.values_list("name", flat=True))
    return [
        scheme_save(name=scheme.name, definition=scheme.model_dump(mode="json"))
        for scheme in default_schemes()
        if scheme.name not in existing
    ]


@contextmanager
def app_database() -> Iterator[ibis.BaseBackend]:
    """An Ibis connection to the app's database (SQLite or PostgreSQL), where the engine reads the tables."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        database = ibis.sqlite.connect(settings["NAME"])
    elif connection.vendor == "postgresql":
        database = ibis.postgres.connect(
            host=settings["HOST"] or None,
            port=int(settings["PORT"] or 5432),
            user=settings["USER"] or None,
            password=settings["PASSWORD"] or None,
            database=settings["NAME"],
        )
    else:
        raise SegmentationRefused(f"segmentation runs on SQLite or PostgreSQL, not on {connection.vendor}")
    try:
        yield database
    finally:
        database.disconnect()


def app_tables_copy() -> ibis.BaseBackend:
    """An in-memory DuckDB copy of the columns the engine reads: many runs over one copy are faster than on SQLite."""
    copy = ibis.duckdb.connect()
    with app_database() as database:
        for table in INPUT_TABLES.values():
            copy.create_table(table.name, database.table(table.name).select(*table.columns).to_pyarrow())
    return copy


def segmentation_run(*, scheme_name: str, as_of: date, source: ibis.BaseBackend | None = None) -> Snapshot:
    """Classify every customer with an active saved scheme as of a date, and store the snapshot.

    The engine reads `source` (default: the app database). Re-running a scheme version for a date
    replaces its snapshot. A customer whose class differs from the one in the scheme's previous
    snapshot gets a ClassChange (none on the first snapshot); leaving the top class of
    `TOP_CLASSES` alerts the customer's owner.
    """
    scheme = Scheme.objects.filter(name=scheme_name, active=True).first()
    if scheme is None:
        active = ", ".join(Scheme.objects.filter(active=True).values_list("name", flat=True)) or "none"
        raise SegmentationRefused(f'no active scheme is named "{scheme_name}" (active schemes: {active})')
    return segmentation_runs(schemes=[scheme], as_of=as_of, source=source)[0]


def segmentation_runs(*, schemes: list[Scheme], as_of: date, source: ibis.BaseBackend | None = None) -> list[Snapshot]:
    """Run several saved schemes as of one date over one connection, as `segmentation_run` runs one.

    Each window's per-customer metrics are computed once for all the schemes that read them
    (`clientela.engine.shared`); the classes are those of separate runs.
    """
    if not Customer.objects.exclude(status=Customer.Status.PROSPECT).exists():
        raise SegmentationRefused("there are no customers to classify: import customers and their transactions first")
    definitions = [_definition(scheme) for scheme in schemes]
    # The matrix counts the probability alive of the churn fit into stability when the retention settings say so.
    alive_as_of = stability_alive_as_of(as_of=as_of) if any(definition.kind == "matrix" for definition in definitions) else None
    with nullcontext(source) if source is not None else app_database() as database:
        inputs = app_inputs(database, alive_as_of=alive_as_of)
        if len(definitions) > 1:
            inputs = with_shared_metrics(inputs, definitions, as_of, database)
        results = [definition.classify(inputs, as_of).to_pyarrow().to_pylist() for definition in definitions]
    return [_snapshot_store(scheme=scheme, as_of=as_of, rows=rows) for scheme, rows in zip(schemes, results, strict=True)]


def _definition(scheme: Scheme) -> SchemeDefinition:
    try:
        return scheme_from_dict(scheme.definition)
    except SchemeError as error:
        raise SegmentationRefused(f'the definition of scheme "{scheme.name}" does not validate: {error}') from None


@transaction.atomic
def _snapshot_store(*, scheme: Scheme, as_of: date, rows: list[dict[str, Any]]) -> Snapshot:
    # Concurrent runs of a scheme (the server's daily check and a cron job) replace each other in turn.
    Scheme.objects.select_for_update().get(pk=scheme.pk)
    Snapshot.objects.filter(scheme=scheme, version=scheme.version, as_of=as_of).delete()
    labels = {row.pop("customer_id"): row.pop("class") for row in rows}
    snapshot = Snapshot(
        scheme=scheme,
        version=scheme.version,
        as_of=as_of,
        customers=len(labels),
        class_counts=dict(sorted(Counter(labels.values()).items())),
    )
    snapshot.full_clean()
    snapshot.save()
    _insert(
        CustomerClass,
        ("snapshot", "customer", "label", "explanation"),
        ((snapshot.pk, customer, label, row) for (customer, label), row in zip(labels.items(), rows, strict=True)),
    )
    previous = Snapshot.objects.filter(scheme=scheme, as_of__lt=as_of).order_by("-as_of", "-version").first()
    if previous is not None:
        _changes_record(snapshot=snapshot, previous=previous, labels=labels)
    _run_record(snapshot=snapshot, previous=previous)
    return snapshot


def _run_record(*, snapshot: Snapshot, previous: Snapshot | None) -> None:
    """One audit event per run: customers per class before and after; the class changes themselves are ClassChange rows."""
    before = previous.class_counts if previous is not None else {}
    changed = ClassChange.objects.filter(snapshot=snapshot).count()
    audit_record(
        action=AuditEvent.Action.RUN,
        model=Snapshot,
        object_id=snapshot.pk,
        summary=f"{snapshot}; {changed:,} class changes",
        changes={label: [before.get(label), snapshot.class_counts.get(label)] for label in sorted({*before, *snapshot.class_counts})},
    )


def _changes_record(*, snapshot: Snapshot, previous: Snapshot, labels: dict[int, str]) -> None:
    """Record class changes since `previous` and alert the owners of customers who left the top class."""
    before = dict(CustomerClass.objects.filter(snapshot=previous).values_list("customer_id", "label"))
    _insert(
        ClassChange,
        ("snapshot", "customer", "scheme", "from_class", "to_class", "on"),
        (
            (snapshot.pk, customer, snapshot.scheme_id, before.get(customer, ""), label, snapshot.as_of)
            for customer, label in labels.items()
            if before.get(customer) != label
        ),
    )
    top = TOP_CLASSES.get(snapshot.scheme.kind)
    if top is None:
        return
    exits = ClassChange.objects.filter(snapshot=snapshot, from_class=top, customer__owner__isnull=False)
    # A re-run replaces the snapshot but must not repeat the alerts it raised.
    raised = set(
        Alert.objects.filter(kind=Alert.Kind.CLASS_EXIT, customer__in=exits.values("customer")).values_list("customer_id", "message")
    )
    alerts = []
    for customer, name, owner, now in exits.values_list("customer_id", "customer__name", "customer__owner_id", "to_class"):
        message = f"{name} left {top} in {snapshot.scheme.name} (now {now}) as of {snapshot.as_of}: contact them and find out why"
        if (customer, message) not in raised:
            alerts.append(Alert(recipient_id=owner, customer_id=customer, kind=Alert.Kind.CLASS_EXIT, message=message))
    Alert.objects.bulk_create(alerts, batch_size=BATCH_SIZE)


def _insert(model: type[CustomerClass | ClassChange], fields: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert rows of a snapshot (new, so no conflicts) with one prepared statement per batch: ~4x faster than bulk_create."""
    bulk_upsert(model, fields=fields, rows=rows, unique_fields=("snapshot", "customer"), update_fields=(), batch_size=BATCH_SIZE)


def month_end_before(day: date) -> date:
    """The last month end before `day` (a month end is complete once its day is over)."""
    return day.replace(day=1) - timedelta(days=1)


def segmentation_run_due(*, today: date) -> list[Snapshot]:
    """The monthly run as of the last month end before `today`, unless done already.

    First the churn fit (the matrix can count its probability alive into stability), then every
    due scheme, then the retention review (recovered and lost customers, at-risk alerts).
    """
    # Imported here: retention builds on this module (the app database, the top classes).
    from clientela.retention.services import churn_fit_run, retention_review

    as_of = month_end_before(today)
    done = Snapshot.objects.filter(as_of=as_of, version=F("scheme__version")).values("scheme")
    due = list(Scheme.objects.filter(active=True).exclude(id__in=done))
    if not due:
        return []
    churn_fit_run(as_of=as_of)
    snapshots = segmentation_runs(schemes=due, as_of=as_of)
    retention_review(as_of=as_of)
    return snapshots
