"""Set-based upsert used by imports and the demo: one prepared INSERT ... ON CONFLICT per batch.

The ORM's `bulk_create(update_conflicts=True)` builds a model instance and compiles SQL for every
row; on a million transaction lines that alone takes longer than the whole import may (measured
in benchmarks/import_transactions.py). This writes the same statement once, from the model's
metadata, and streams parameter tuples through `executemany`. Both SQLite (>= 3.24) and
PostgreSQL understand the statement.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction

_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.FloatField,
    models.BooleanField,
    models.ForeignKey,
    models.AutoField,
)


@contextmanager
def checked_at_end(*written: type[models.Model]) -> Iterator[None]:
    """Run bulk writes in one transaction whose foreign keys are checked once, at the end.

    For writers that validated their references already (as loaddata does): per-row checks
    make SQLite upserts ~3x slower. Inside an outer transaction the checks stay per row.
    """
    with connection.constraint_checks_disabled(), transaction.atomic():
        yield
        connection.check_constraints(table_names=[model._meta.db_table for model in written])


def _db_converter(field: models.Field) -> Callable[[Any], Any] | None:
    """Return how to prepare a Python value of `field` for the database, or None if as is."""
    if isinstance(field, _PLAIN_FIELDS):
        return None
    database = connections[DEFAULT_DB_ALIAS]  # resolved once: the proxy costs a lookup per use
    if type(field) is models.DateField:
        adapt_date = database.ops.adapt_datefield_value
        return lambda value: None if value is None else adapt_date(value)
    return lambda value: field.get_db_prep_save(value, database)


def _insert_defaults(model: type[models.Model], given: Sequence[str]) -> dict[str, Any]:
    """Defaults for the NOT NULL-able columns a caller did not give (database defaults excluded)."""
    defaults = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in given or field.attname in given:
            continue
        if field.db_default is not models.NOT_PROVIDED:
            continue
        defaults[field.name] = field.get_default()
    return defaults


def bulk_upsert(
    model: type[models.Model],
    *,
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    unique_fields: Sequence[str],
    update_fields: Sequence[str],
    increment_fields: Sequence[str] = (),
    batch_size: int = 5000,
) -> None:
    """Insert `rows` (tuples ordered as `fields`) into `model`'s table, updating on key conflicts.

    New rows get the model's defaults for fields not given; existing rows (matched on
    `unique_fields`) only have `update_fields` overwritten and `increment_fields` (counters such
    as a version) raised by one. Call inside `transaction.atomic`.
    """
    meta = model._meta
    defaults = _insert_defaults(model, fields)
    all_fields = [meta.get_field(name) for name in [*fields, *defaults]]
    default_values = tuple(_prepare_row(tuple(defaults.values()), all_fields[len(fields) :]))
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in all_fields)
    placeholders = ", ".join(["%s"] * len(all_fields))
    conflict = ", ".join(quote(meta.get_field(name).column) for name in unique_fields)
    if update_fields or increment_fields:
        replaced = [quote(meta.get_field(name).column) for name in update_fields]
        counters = [quote(meta.get_field(name).column) for name in increment_fields]
        assignments = ", ".join(
            [f"{column} = excluded.{column}" for column in replaced]
            + [f"{column} = {quote(meta.db_table)}.{column} + 1" for column in counters]
        )
        action = f"DO UPDATE SET {assignments}"
    else:
        action = "DO NOTHING"
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) ON CONFLICT ({conflict}) {action}"
    converters = [(index, convert) for index, field in enumerate(all_fields[: len(fields)]) if (convert := _db_converter(field))]
    iterator = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, batch_size)):
            if converters or default_values:
                batch = [_convert(row, converters) + default_values for row in batch]
            cursor.executemany(sql, batch)


def _prepare_row(values: tuple[Any, ...], fields: Sequence[models.Field]) -> list[Any]:
    return [field.get_db_prep_save(value, connection) for value, field in zip(values, fields, strict=True)]


def _convert(row: Sequence[Any], converters: list[tuple[int, Callable[[Any], Any]]]) -> tuple[Any, ...]:
    if not converters:
        return tuple(row)
    values = list(row)
    for index, convert in converters:
        values[index] = convert(values[index])
    return tuple(values)
