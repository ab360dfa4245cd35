"""Backups round-trip on the database the suite runs on (SQLite or PostgreSQL), also while the server runs and rows are written."""

import sqlite3
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from clientela.crm.models import Contact, Customer, User
from clientela.crm.services.customers import customer_create
from clientela.ops.backup import BackupFailed, backup_database, restore_database
from tests.fixtures.server import database_url, served


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_deleted_rows(tmp_path):
    customer_create(external_id="B1", name="Backed up")
    target = tmp_path / "backup.bin"
    backup_database(connection.settings_dict, target)
    Customer.objects.all().delete()
    connection.close()
    restore_database(connection.settings_dict, target)
    assert list(Customer.objects.values_list("external_id", flat=True)) == ["B1"]


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_a_newer_version_is_refused_and_the_database_stays_as_it_was(tmp_path):
    future = MigrationRecorder.Migration.objects.create(app="crm", name="9999_from_a_newer_version")
    target = tmp_path / "backup.bin"
    backup_database(connection.settings_dict, target)
    future.delete()
    customer_create(external_id="KEPT", name="Written after the backup")
    connection.close()
    with pytest.raises(BackupFailed, match=r"newer version of Clientela \(migrations crm\.9999_from_a_newer_version are unknown here\)"):
        restore_database(connection.settings_dict, target)
    assert list(Customer.objects.values_list("external_id", flat=True)) == ["KEPT"]


@pytest.mark.django_db(transaction=True)
def test_a_restore_drops_the_tables_made_after_the_backup(tmp_path):
    target = tmp_path / "backup.bin"
    backup_database(connection.settings_dict, target)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE made_later (id integer)")
    connection.close()
    restore_database(connection.settings_dict, target)
    assert "made_later" not in connection.introspection.table_names()
    assert "customers" in connection.introspection.table_names()


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


class Writer(threading.Thread):
    """Inserts customers, each with a contact in the same transaction, until stopped; keeps the committed ids in order."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.committed: list[str] = []
        self.stopping = threading.Event()
        self.failure: Exception | None = None

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                with transaction.atomic():
                    customer = customer_create(external_id=f"W{len(self.committed):05d}", name=f"Written {len(self.committed)}")
                    Contact.objects.create(customer=customer, name=f"Contact of {customer.external_id}")
                self.committed.append(customer.external_id)
                time.sleep(0.002)
        except Exception as error:  # reported by the test
            self.failure = error
        finally:
            connection.close()

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while len(self.committed) < count and self.failure is None and time.monotonic() < deadline:
            time.sleep(0.01)


class Visitor(threading.Thread):
    """Opens the customer list of a running server as a signed-in user until stopped; keeps (start, status, seconds)."""

    def __init__(self, url: str, session: str) -> None:
        super().__init__(daemon=True)
        self.request = urllib.request.Request(f"{url}/customers/", headers={"Cookie": f"sessionid={session}"})
        self.answers: list[tuple[float, int, float]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.request, timeout=60) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError:
                status = 0
            self.answers.append((started, status, time.monotonic() - started))
            time.sleep(0.02)

    def wait_for_answers_since(self, moment: float, count: int) -> None:
        deadline = time.monotonic() + 120
        while sum(start > moment for start, _status, _seconds in self.answers) < count and time.monotonic() < deadline:
            time.sleep(0.05)


def _page(url: str, session: str, search: str) -> str:
    request = urllib.request.Request(f"{url}/customers/?q={search}", headers={"Cookie": f"sessionid={session}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_while_the_server_serves_and_a_writer_writes_restores_every_row_committed_before_it(tmp_path):
    settings = connection.settings_dict
    admin = User.objects.create_user("keeper", password="x", role=User.Role.ADMIN)
    browser = Client()
    browser.force_login(admin)
    session = browser.cookies["sessionid"].value
    target = tmp_path / "backup.bin"
    writer = Writer()
    with served(database_url(settings), tmp_path / "server") as server:
        # Its start-up segmentation run would otherwise store classes of customers the restore removes (and fail).
        server.wait_for_daily_check()
        visitor = Visitor(server.url, session)
        visitor.start()
        writer.start()
        writer.wait_for(30)
        before = list(writer.committed)
        backup_started = time.monotonic()
        backup_database(settings, target)
        until_backup_ended = list(writer.committed)
        writer.wait_for(len(until_backup_ended) + 30)
        writer.stopping.set()
        writer.join()
        assert writer.failure is None
        connection.close()
        restore_database(settings, target)
        restored_at = time.monotonic()
        visitor.wait_for_answers_since(restored_at, 2)
        visitor.stopping.set()
        visitor.join()
        first_kept, last_lost = before[0], writer.committed[-1]
        served_after = [_page(server.url, session, external_id) for external_id in (first_kept, last_lost)]
        log = server.log_text()

    restored = set(Customer.objects.filter(external_id__startswith="W").values_list("external_id", flat=True))
    assert set(before) <= restored <= set(until_backup_ended)
    assert Contact.objects.filter(customer__external_id__startswith="W").count() == len(restored)
    assert not Contact.objects.exclude(customer__in=Customer.objects.all()).exists()
    assert f">Written {int(first_kept[1:])}</a>" in served_after[0]
    assert f">Written {int(last_lost[1:])}</a>" not in served_after[1]
    # The server answered every request, before, during and after the backup and the restore.
    assert {status for _start, status, _seconds in visitor.answers} == {200}
    assert any(start < backup_started for start, _status, _seconds in visitor.answers)
    assert any(start > restored_at for start, _status, _seconds in visitor.answers)
    assert "Traceback" not in log and "[ERROR]" not in log
    if settings["ENGINE"].endswith("sqlite3"):
        for database in (target, settings["NAME"]):
            with sqlite3.connect(database) as copy:
                assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert copy.execute("PRAGMA foreign_key_check").fetchall() == []
            copy.close()
