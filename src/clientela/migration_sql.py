"""Migration operations with SQL for one database vendor (triggers and functions differ between SQLite and PostgreSQL)."""

from typing import Any

from django.db import migrations


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
