"""Database triggers that refuse UPDATE, DELETE and (PostgreSQL) TRUNCATE on the audit table, so no client, not even raw SQL, rewrites history.

Only `clientela.audit.management.commands.flush` (emptying the whole database, as the demo
reset and the test runner do) lifts them, inside its own transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, transaction

from clientela.migration_sql import RunSQLOn

MESSAGE = "audit events are append-only"

ROW_GUARDS = {
    "sqlite": [
        f"CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        f"CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$",
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_refuse()",
    ],
}
ROW_GUARDS_DROP = {
    "sqlite": ["DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"],
    "postgresql": ["DROP TRIGGER audit_events_append_only ON audit_events", "DROP FUNCTION audit_events_refuse()"],
}
# TRUNCATE skips row triggers; PostgreSQL has a statement trigger for it (SQLite has no TRUNCATE).
TRUNCATE_GUARD = {
    "postgresql": ["CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse()"],
}
TRUNCATE_GUARD_DROP = {"postgresql": ["DROP TRIGGER audit_events_no_truncate ON audit_events"]}


def _every(vendor: str, *parts: dict[str, list[str]]) -> list[str]:
    return [statement for part in parts for statement in part.get(vendor, [])]


def trigger_operations(create: dict[str, list[str]], drop: dict[str, list[str]]) -> list[RunSQLOn]:
    """The migration operations that install one set of triggers on each vendor."""
    return [RunSQLOn(vendor, sql, drop[vendor]) for vendor, sql in create.items()]


@contextmanager
def triggers_lifted(database: str) -> Iterator[None]:
    """Within one transaction: drop the triggers, run the body, put them back (used to empty the whole database)."""
    connection = connections[database]
    if connection.vendor not in ROW_GUARDS:
        yield
        return
    with transaction.atomic(using=database), connection.cursor() as cursor:
        for statement in _every(connection.vendor, TRUNCATE_GUARD_DROP, ROW_GUARDS_DROP):
            cursor.execute(statement)
        yield
        for statement in _every(connection.vendor, ROW_GUARDS, TRUNCATE_GUARD):
            cursor.execute(statement)
