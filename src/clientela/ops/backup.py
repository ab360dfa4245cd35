"""Backups of the app database: SQLite's online-backup API, or pg_dump/psql for PostgreSQL.

Both are consistent copies taken while the server keeps running and writing: SQLite's backup copies
the database in one step of one read transaction, pg_dump reads every table in one snapshot. A
PostgreSQL backup is a plain SQL dump that `restore` replays into the emptied schema, in one
transaction. A restore refuses a backup written by a newer version (migrations this code does not
know), so that the database is never left with a schema the code cannot read; an older backup is
restored as it was, and the caller migrates it.
"""

import itertools
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any


class BackupFailed(Exception):
    """A backup or restore could not be done; the message says why."""


def backup_database(settings: dict[str, Any], target: Path) -> None:
    """Write a backup of the database described by Django `settings` to `target`."""
    if _is_sqlite(settings):
        _sqlite_copy(Path(settings["NAME"]), target)
    else:
        _run(["pg_dump", "--no-owner", "--no-privileges", "--clean", "--if-exists", "--file", str(target)], settings)


def restore_database(settings: dict[str, Any], source: Path) -> None:
    """Replace the database's content with the backup in `source`."""
    if not source.is_file():
        raise BackupFailed(f"{source}: no such backup file")
    if _is_sqlite(settings):
        _refuse_newer(source, _sqlite_migrations(source))
        _sqlite_copy(source, Path(settings["NAME"]))
    else:
        _refuse_newer(source, _dump_migrations(source))
        # Tables that the backup lacks (made by later migrations) go too: the schema is the backup's, whole.
        empty = ["--command", "DROP SCHEMA IF EXISTS public CASCADE", "--command", "CREATE SCHEMA public"]
        _run(["psql", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", *empty, "--file", str(source)], settings)


def _is_sqlite(settings: dict[str, Any]) -> bool:
    return settings["ENGINE"].endswith("sqlite3")


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupFailed(f"{source}: no such database file")
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def _sqlite_migrations(source: Path) -> set[tuple[str, str]]:
    """The migrations recorded in an SQLite backup."""
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "django_migrations" not in tables:
                raise BackupFailed(f"{source}: not a Clientela backup (it has no django_migrations table)")
            migrations = set(db.execute("SELECT app, name FROM django_migrations"))
        db.close()
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"{source}: not an SQLite backup ({error})") from None
    return migrations


def _dump_migrations(source: Path) -> set[tuple[str, str]]:
    """The migrations recorded in a pg_dump backup: the rows of its COPY of django_migrations (id, app, name, applied)."""
    with source.open(encoding="utf-8", errors="replace") as dump:
        for line in dump:
            if line.startswith("COPY public.django_migrations (id, app, name, applied) FROM stdin;"):
                rows = itertools.takewhile(lambda row: row != "\\.\n", dump)
                return {tuple(row.split("\t")[1:3]) for row in rows}  # type: ignore[misc]
    raise BackupFailed(f"{source}: not a Clientela backup (it has no django_migrations table)")


def _refuse_newer(source: Path, migrations: set[tuple[str, str]]) -> None:
    """Refuse a backup with migrations this version does not have: it comes from a newer version."""
    from django.db.migrations.loader import MigrationLoader

    unknown = sorted(f"{app}.{name}" for app, name in migrations - set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations))
    if unknown:
        raise BackupFailed(
            f"{source}: written by a newer version of Clientela (migrations {', '.join(unknown)} are unknown here); upgrade Clientela first"
        )


def _run(command: list[str], settings: dict[str, Any]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupFailed(f"{command[0]} is not installed; install the PostgreSQL client tools")
    environment = {
        **os.environ,
        "PGHOST": str(settings.get("HOST") or ""),
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": str(settings.get("USER") or ""),
        "PGPASSWORD": str(settings.get("PASSWORD") or ""),
        "PGDATABASE": str(settings["NAME"]),
    }
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupFailed(f"{command[0]} failed: {result.stderr.strip()}")
