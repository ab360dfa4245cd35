"""Start Django for the command line (kept out of commands that need no database)."""

import os


def setup_django() -> None:
    """Configure Django from the environment; safe to call more than once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clientela.settings")
    import django

    django.setup()


def migrate_database(*, verbose: bool = False) -> None:
    """Create or upgrade the database schema."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1 if verbose else 0)


def pending_migrations() -> int:
    """How many migrations the database lacks (all of them for a database never initialised)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
