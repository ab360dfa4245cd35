"""Backups round-trip on the database the suite runs on (SQLite or PostgreSQL)."""

from pathlib import Path

import pytest
from django.db import connection

from clientela.crm.models import Customer
from clientela.crm.services.customers import customer_create
from clientela.ops.backup import BackupFailed, backup_database, restore_database


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_deleted_rows(tmp_path):
    customer_create(external_id="B1", name="Backed up")
    target = tmp_path / "backup.bin"
    backup_database(connection.settings_dict, target)
    Customer.objects.all().delete()
    connection.close()
    restore_database(connection.settings_dict, target)
    assert list(Customer.objects.values_list("external_id", flat=True)) == ["B1"]


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(BackupFailed, match="no such backup file"):
        restore_database({"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db")}, tmp_path / "none.db")


def test_restore_refuses_a_file_that_is_not_a_clientela_backup(tmp_path):
    source = tmp_path / "notes.db"
    source.write_text("hello")
    with pytest.raises(BackupFailed, match="not an SQLite backup"):
        restore_database({"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db")}, source)


def test_sqlite_backup_of_a_missing_database_is_refused(tmp_path: Path):
    with pytest.raises(BackupFailed, match="no such database file"):
        backup_database({"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "none.db")}, tmp_path / "b.db")
