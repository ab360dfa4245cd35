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
