"""The preview of a scheme's classes before saving: from the metrics its latest snapshot stored, else from the engine.

Every snapshot stores, in each customer's explanation, the metrics its scheme ranked and tested
(`value` is the key metric; rules and the matrix add the metrics they read). When the preview's
scheme reads only metrics of the same window that the snapshot of the preview date holds, the
engine classifies those stored values (in an in-memory DuckDB) instead of aggregating every
transaction again: the same code on the same numbers, so the same classes — as long as the
customers, transactions and payments have not changed since the snapshot was computed, which
the preview says, with a recompute from the transactions at hand.
"""

import json
import threading
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import ibis
import pyarrow as pa
from ibis.expr.types import Table
from django.db.models import TextField
from django.db.models.functions import Cast

from clientela.engine.customer_metrics import customer_metrics
from clientela.engine.inputs import Inputs, app_inputs
from clientela.engine.schema import TRANSACTIONS
from clientela.engine.schemes import scheme_from_dict
from clientela.engine.schemes.base import SchemeDefinition
from clientela.engine.window import Window
from clientela.retention.models import CustomerPrediction
from clientela.retention.selectors.fits import stability_alive_as_of
from clientela.segmentation.models import CustomerClass, Scheme, Snapshot
from clientela.segmentation.services import app_database

_local = threading.local()

# Their `value` is not a metric of the window: the VIP register totals calendar months, prospects are scored.
_NO_WINDOW_METRICS = frozenset({"vip", "prospects"})


@dataclass(frozen=True)
class Preview:
    """Customers per class (sorted by class) and the snapshot whose stored metrics were classified (None: the transactions were)."""

    counts: dict[str, int]
    basis: Snapshot | None


def stored_preview(*, scheme: Scheme | None, definition: SchemeDefinition, as_of: date) -> Preview | None:
    """How many customers each class would get with `definition` as of a date, from the metrics `scheme`'s snapshot stored.

    None when that snapshot does not hold every metric the definition reads (see the module):
    then only `computed_preview` can tell. Nothing is stored.
    """
    stored = None if scheme is None else _stored_source(scheme, definition, as_of)
    if stored is None:
        return None
    snapshot, keys = stored
    inputs = _stored_inputs(snapshot, keys, definition, _alive_as_of(definition, as_of))
    return Preview(_counts(definition.classify(inputs, as_of), _memory()), snapshot)


def computed_preview(*, definition: SchemeDefinition, as_of: date) -> Preview:
    """How many customers each class would get with `definition` as of a date, read from the app's transactions; nothing is stored.

    The engine reads the database as the scheme's run would: seconds at 100,000 customers.
    """
    with app_database() as database:
        return Preview(_counts(definition.classify(app_inputs(database, alive_as_of=_alive_as_of(definition, as_of)), as_of), database), None)


def _alive_as_of(definition: SchemeDefinition, as_of: date) -> date | None:
    """The date of the churn fit whose probability alive the matrix counts into stability, as the scheme's run would."""
    return stability_alive_as_of(as_of=as_of) if definition.kind == "matrix" else None


def _stored_source(scheme: Scheme, definition: SchemeDefinition, as_of: date) -> tuple[Snapshot, dict[str, str]] | None:
    """The scheme's snapshot of `as_of` and its stored metrics (`_stored_names`) when they are all `definition` reads; else None.

    The snapshot must be of the scheme's current version (whose definition says what it stored),
    of the same window, and still hold the class of each customer it classified.
    """
    snapshot = Snapshot.objects.filter(scheme=scheme, as_of=as_of, version=scheme.version).first()
    if snapshot is None or definition.window_months != scheme.definition.get("window_months"):
        return None
    wanted, keys = definition.metric_names(), _stored_names(scheme, snapshot)
    if not wanted or not wanted <= set(keys) or CustomerClass.objects.filter(snapshot=snapshot).count() != snapshot.customers:
        return None
    return snapshot, keys


def _stored_names(scheme: Scheme, snapshot: Snapshot) -> dict[str, str]:
    """Metric name → the explanation key under which the snapshot stored it: the scheme's metrics its explanations show."""
    stored = scheme_from_dict(scheme.definition)
    if stored.kind in _NO_WINDOW_METRICS:
        return {}
    shown = CustomerClass.objects.filter(snapshot=snapshot).values_list("explanation", flat=True).first() or {}
    return {**{name: name for name in stored.metric_names() if name in shown}, stored.metric.value: "value"}


def _stored_inputs(snapshot: Snapshot, keys: dict[str, str], definition: SchemeDefinition, alive_as_of: date | None) -> Inputs:
    """Inputs whose metrics for the definition's window are the snapshot's stored values, as in-memory tables."""
    stored = _stored_metrics(snapshot.pk, snapshot.computed_at, tuple(sorted(keys.items())))
    metrics = ibis.memtable(stored.select(["customer_id", *sorted(definition.metric_names())]))
    alive = None
    if alive_as_of is not None:
        predictions = CustomerPrediction.objects.filter(as_of=alive_as_of).values_list("customer_id", "p_alive")
        customers, p_alive = zip(*predictions) if predictions else ((), ())
        alive = ibis.memtable(pa.table({"customer_id": pa.array(customers, pa.int64()), "p_alive": pa.array(p_alive, pa.float64())}))
    # The transactions stay unbound: a scheme that read them instead of the stored metrics would fail, not count wrong.
    return replace(_unbound_inputs(), metrics={definition.window(snapshot.as_of): metrics}, alive=alive)


@lru_cache(maxsize=8)
def _stored_metrics(snapshot_id: int, computed_at: datetime, keys: tuple[tuple[str, str], ...]) -> pa.Table:
    """`customer_id` and each metric (name, explanation key) a snapshot stored, typed as the engine computes them.

    Kept for the next previews (trying one cut-off after another): a snapshot is never changed, a
    re-run replaces it with a new one (`computed_at` is in the key all the same); about 1 MB per
    metric at 100,000 customers.
    """
    names = [name for name, _ in keys]
    schema = customer_metrics(_unbound_inputs(), Window(date(2000, 1, 31)), names).schema().to_pyarrow()
    # Read as text and parsed here: through the JSON field's decoding it takes twice the time.
    rows = CustomerClass.objects.filter(snapshot_id=snapshot_id).values_list("customer_id", Cast("explanation", TextField()))
    columns: dict[str, list[Any]] = {"customer_id": [], **{name: [] for name in names}}
    for customer, text in rows.iterator(chunk_size=10_000):
        explanation = json.loads(text)
        columns["customer_id"].append(customer)
        for name, key in keys:
            columns[name].append(explanation.get(key))
    return pa.table(columns, schema=schema)


def _memory() -> ibis.BaseBackend:
    """This thread's in-memory DuckDB, where the stored metrics are classified (opening one costs more than a preview).

    One thread: ranking 100,000 rows is quicker alone than shared among threads on a busy server.
    """
    if not hasattr(_local, "duckdb"):
        _local.duckdb = ibis.duckdb.connect(threads=1)
    return _local.duckdb


def _unbound_inputs() -> Inputs:
    """The engine's inputs as tables without data: enough to build expressions and read their columns."""
    return Inputs(transactions=ibis.table(TRANSACTIONS.columns, name=TRANSACTIONS.name))


def _counts(classes: Table, backend: ibis.BaseBackend) -> dict[str, int]:
    counts = backend.to_pyarrow(classes.group_by("class").aggregate(customers=classes.count())).to_pylist()
    return dict(sorted((row["class"], row["customers"]) for row in counts))

