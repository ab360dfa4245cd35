"""Backups of the app database: SQLite's online-backup API, or pg_dump/psql for PostgreSQL.

An SQLite backup is a consistent copy taken while the server keeps running; a PostgreSQL backup
is a plain SQL dump that `restore` replays into the (emptied) database.
"""

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
        _check_sqlite_backup(source)
        _sqlite_copy(source, Path(settings["NAME"]))
    else:
        _run(["psql", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file", str(source)], settings)


def _is_sqlite(settings: dict[str, Any]) -> bool:
    return settings["ENGINE"].endswith("sqlite3")


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupFailed(f"{source}: no such database file")
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def _check_sqlite_backup(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        db.close()
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"{source}: not an SQLite backup ({error})") from None
    if "django_migrations" not in tables:
        raise BackupFailed(f"{source}: not a Clientela backup (it has no django_migrations table)")


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
