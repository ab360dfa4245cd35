"""`flush` empties every table, the audit trail included: its append-only triggers are lifted for that transaction only."""

from typing import Any

from django.core.management.commands import flush

from clientela.audit.triggers import triggers_lifted


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        with triggers_lifted(options["database"]):
            super().handle(**options)
