"""Database triggers that refuse UPDATE and DELETE on the audit table, so no client, not even raw SQL, rewrites history.

Only `clientela.audit.management.commands.flush` (emptying the whole database, as the demo
reset and the test runner do) lifts them, inside its own transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections, migrations, transaction

MESSAGE = "audit events are append-only"

CREATE = {
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

DROP = {
    "sqlite": ["DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"],
    "postgresql": ["DROP TRIGGER audit_events_append_only ON audit_events", "DROP FUNCTION audit_events_refuse()"],
}


class RunSQLOn(migrations.RunSQL):
    """RunSQL for one database vendor only; other vendors skip it."""

    def __init__(self, vendor: str, sql: list[str], reverse_sql: list[str]) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [], {"vendor": self.vendor, "sql": self.sql, "reverse_sql": self.reverse_sql})

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def trigger_operations() -> list[RunSQLOn]:
    """The migration operations that install the triggers on each vendor."""
    return [RunSQLOn(vendor, sql, DROP[vendor]) for vendor, sql in CREATE.items()]


@contextmanager
def triggers_lifted(database: str) -> Iterator[None]:
    """Within one transaction: drop the triggers, run the body, put them back (used to empty the whole database)."""
    connection = connections[database]
    if connection.vendor not in CREATE:
        yield
        return
    with transaction.atomic(using=database), connection.cursor() as cursor:
        for statement in DROP[connection.vendor]:
            cursor.execute(statement)
        yield
        for statement in CREATE[connection.vendor]:
            cursor.execute(statement)
